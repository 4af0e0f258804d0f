/**
 * The job's timeline as inline SVG: a bar per step, events per kind over
 * time, and the findings marked where they happened, each linking to its
 * row. Drawn on the server, so it needs no script, and styled by class
 * (the page's policy forbids inline styles).
 */
import { fmt } from './numbers.js';
import { id, text } from './htmlParts.js';
import type { TimelineView } from './view/types.js';

const WIDTH = 1200;
const LABEL = 220;
const LANE = 18;
const GAP = 6;
const MAX_STEPS = 30;

/** A lane's label fits its column: the full label is in the lane's tooltip. */
function short(s: string, chars = 34): string {
  return text(s.length > chars ? `${s.slice(0, chars - 1)}…` : s, chars + 1);
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${Math.round(s * 10) / 10} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function timelineHtml(t: TimelineView): string {
  const span = Math.max(1, t.endMs - t.startMs);
  const x = (ms: number) => LABEL + ((Math.min(Math.max(ms, t.startMs), t.endMs) - t.startMs) / span) * (WIDTH - LABEL - 10);
  const steps = t.steps.slice(0, MAX_STEPS);
  const parts: string[] = [];
  let y = 24;
  parts.push(axis(t, x));
  for (const s of steps) {
    const x0 = x(s.startMs);
    const w = Math.max(2, x(s.endMs) - x0);
    parts.push(
      `<a href="#${id(s.id)}"><title>${text(s.label, 200)}: ${duration(s.endMs - s.startMs)}</title>` +
        `<text class="lane" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${short(s.label)}</text>` +
        `<rect class="step" x="${x0.toFixed(1)}" y="${y + 2}" width="${w.toFixed(1)}" height="${LANE - 4}" rx="3"/></a>`,
    );
    y += LANE;
  }
  if (t.steps.length > steps.length) {
    parts.push(`<text class="lane" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">…and ${fmt(t.steps.length - steps.length)} more steps</text>`);
    y += LANE;
  }
  y += GAP;
  t.kinds.forEach((k, i) => {
    parts.push(kindLane(k, i, y, t, x));
    y += LANE + 2;
  });
  const top = 18;
  for (const m of t.marks) {
    const mx = x(m.ms).toFixed(1);
    parts.push(
      `<a href="#${id(m.link)}" class="mark tone-${m.tone}"><title>${text(m.label, 200)}</title>` +
        `<line x1="${mx}" y1="${top}" x2="${mx}" y2="${y}"/><path d="M${mx} ${top - 7} l6 6 l-6 6 l-6 -6 z"/></a>`,
    );
  }
  const height = y + 4;
  const summary = `${fmt(t.steps.length)} steps and ${fmt(t.kinds.length)} kinds of events over ${duration(span)}; ${fmt(t.marks.length)} findings marked.`;
  return (
    `<figure class="timeline"><svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="timeline-title">` +
    `<title id="timeline-title">Timeline: ${summary}</title>${parts.join('')}</svg>` +
    `<figcaption>${summary} Bars per kind show events per ${duration(t.bucketMs)}, scaled to that kind's busiest moment.</figcaption></figure>\n`
  );
}

function axis(t: TimelineView, x: (ms: number) => number): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => t.startMs + f * (t.endMs - t.startMs));
  return ticks
    .map((ms, i) => {
      const tx = x(ms).toFixed(1);
      const anchor = i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle';
      const label = i === 0 ? new Date(t.startMs).toISOString().slice(11, 19) : `+${duration(ms - t.startMs)}`;
      return `<line class="tick" x1="${tx}" y1="14" x2="${tx}" y2="100%"/><text class="axis" x="${tx}" y="10" text-anchor="${anchor}">${label}</text>`;
    })
    .join('');
}

function kindLane(k: TimelineView['kinds'][number], i: number, y: number, t: TimelineView, x: (ms: number) => number): string {
  const max = Math.max(1, ...k.counts);
  const segments: string[] = [];
  k.counts.forEach((n, b) => {
    if (n === 0) return;
    const x0 = x(t.startMs + b * t.bucketMs);
    const w = Math.max(1, x(t.startMs + (b + 1) * t.bucketMs) - x0 - 0.5);
    const h = Math.max(1.5, (n / max) * LANE);
    segments.push(`M${x0.toFixed(1)} ${(y + LANE - h).toFixed(1)}h${w.toFixed(1)}v${h.toFixed(1)}h${(-w).toFixed(1)}z`);
  });
  return (
    `<g><title>${text(k.kind)}: ${fmt(k.total)} events</title>` +
    `<text class="lane" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${text(k.kind)} · ${fmt(k.total)}</text>` +
    `<path class="kind k${i % 12}" d="${segments.join('')}"/></g>`
  );
}
