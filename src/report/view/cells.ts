/** Small constructors for the view's cells, and the one wording of "N more" every renderer uses. */
import { formatArgv } from '../escape.js';
import type { Capped, Samples } from '../modelTypes.js';
import { fmt } from '../numbers.js';
import type { Cell, Cut, StepView, Tone } from './types.js';

export const plain = (text: string, tone?: Tone): Cell => (tone === undefined ? { text } : { text, tone });
/** A step's label in a table: its first characters say which step; the trees show it whole. */
export const stepCell = (label: string): Cell => ({ text: label, max: 60 });

/** 15:34:30.550 from an RFC 3339 time in UTC: the date is the job's, and the same for every row. */
export function timeOfDay(time: string | undefined): string {
  if (time === undefined || time === '') return '';
  const m = /T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(time);
  return m === null ? time : m[1];
}
export const code = (text: string): Cell => ({ text, code: true });
export const num = (n: number | undefined): Cell => ({ text: n === undefined ? '' : fmt(n), num: true });
export const argvCell = (execPath: string, argv: readonly string[]): Cell => ({
  text: execPath,
  code: true,
  lines: argv.length > 0 ? [formatArgv(argv)] : [],
});

/** A capped collection's cut, or undefined when nothing was cut. */
export function cutOf(...parts: Capped<unknown>[]): Cut | undefined {
  const omitted = parts.reduce((n, p) => n + p.omitted, 0);
  if (omitted === 0) return undefined;
  return {
    omitted,
    estimated: parts.some((p) => p.omittedEstimated),
    events: parts.reduce((n, p) => n + p.omittedEvents, 0),
  };
}

/** Sample values, with a last value counting the rest. */
export function sampleLines(s: Samples | undefined): string[] {
  if (s === undefined) return [];
  return s.omitted > 0 ? [...s.values, `+${fmt(s.omitted)} more`] : [...s.values];
}

/** Distinct values of several sample lists, in order, at most `max` (then "+N more"). */
export function mergeSamples(lists: (Samples | undefined)[], max: number): string[] {
  const values: string[] = [];
  let extra = 0;
  for (const s of lists) {
    if (s === undefined) continue;
    extra += s.omitted;
    for (const v of s.values) if (!values.includes(v)) values.push(v);
  }
  extra += Math.max(0, values.length - max);
  const kept = values.slice(0, max);
  return extra > 0 ? [...kept, `+${fmt(extra)} more`] : kept;
}

/**
 * "…and 3 more in report.json; about 1,000 more (5,000 events) only in
 * events.ndjson": `hidden` rows a renderer did not show, and what the model
 * itself left out. Undefined when nothing is missing.
 */
export function moreText(hidden: number, cut: Cut | undefined, where = 'report.json'): string | undefined {
  const parts: string[] = [];
  if (hidden > 0) parts.push(`${fmt(hidden)} more in ${where}`);
  if (cut !== undefined && cut.omitted > 0) {
    const about = cut.estimated ? 'about ' : '';
    parts.push(`${about}${fmt(cut.omitted)} more (${fmt(cut.events)} events) only in events.ndjson`);
  }
  return parts.length === 0 ? undefined : `…and ${parts.join('; ')}.`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

/** "3 processes, 1,369 events, 2 findings": a step in one line. */
export function stepFacts(step: Pick<StepView, 'processes' | 'events' | 'findings'>): string {
  const parts = [plural(step.processes, 'process', 'processes'), plural(step.events, 'event')];
  if (step.findings > 0) parts.push(plural(step.findings, 'finding'));
  return parts.join(', ');
}
