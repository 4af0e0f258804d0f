/** The verdict: what a reader came for, first. Findings by severity, then whatever makes the report incomplete or untrustworthy. */
import { SEVERITIES, type Finding, type Severity } from '../../events/finding.js';
import type { ReportModel } from '../modelTypes.js';
import { fmt } from '../numbers.js';
import { argvCell, plain, plural, stepCell } from './cells.js';
import type { Alert, Block, Column, EventView, Row, SectionView, TableView, Tone } from './types.js';

/** Finds the tree node of a process, for links from a finding to what did it. */
export type Locate = (step: string | undefined, pid: number | undefined) => string | undefined;

const MAX_NOTES = 100;
const NAMES_IN_ALERT = 5;

export function severityTone(s: Severity): Tone {
  if (s === 'critical' || s === 'high') return 'bad';
  return s === 'medium' ? 'warn' : 'info';
}

export function verdictSection(model: ReportModel, locate: Locate): SectionView {
  const all = model.findings ?? [];
  const findings = sortFindings(all.filter((f) => f.action !== 'collect'));
  const signals = sortFindings(all.filter((f) => f.action === 'collect'));
  const alerts = verdictAlerts(model);
  const blocks: Block[] = [headline(model, findings, alerts), ...alerts.map((alert) => ({ type: 'alert' as const, alert }))];
  const ids = new Map(all.map((f, i) => [f, findingId(i)]));
  const idOf = (f: Finding) => ids.get(f) ?? '';
  const events = eventViews(model);
  const links: Links = { locate, idOf, eventLink: (seq) => (events.some((e) => e.seq === seq) ? eventId(seq) : undefined) };
  if (findings.length > 0) blocks.push({ type: 'table', table: findingsTable(findings, links, 'findings') });
  const glossary = ruleGlossary([...findings, ...signals]);
  if (glossary.entries.length > 0) blocks.push(glossary);
  if (signals.length > 0) blocks.push({ type: 'table', table: findingsTable(signals, links, 'signals') });
  if (events.length > 0) blocks.push({ type: 'events', title: 'The events of the findings', events });
  if (model.notes.length > 0) {
    const items = model.notes.slice(0, MAX_NOTES);
    blocks.push({ type: 'list', title: 'Notes', items, more: model.notes.length - items.length });
  }
  return { key: 'verdict', title: 'Verdict', blocks };
}

function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => {
    const i = SEVERITIES.indexOf(f.severity);
    return i < 0 ? SEVERITIES.length : i;
  };
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.seq - b.seq);
}

function headline(model: ReportModel, findings: Finding[], alerts: Alert[]): Block {
  const events = `${plural(model.events.total, 'event')} from ${plural(model.processes.trees.items.length, 'step')}`;
  if (findings.length === 0) {
    if (alerts.length === 0) {
      return { type: 'headline', tone: 'ok', text: `No findings. Nothing blocked, nothing lost: ${events}.` };
    }
    const tone = alerts.some((a) => a.tone === 'bad') ? 'bad' : 'warn';
    return { type: 'headline', tone, text: `No findings, but see ${plural(alerts.length, 'warning')} below: ${events}.` };
  }
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${fmt(n)} ${s}`);
  const tone = findings.some((f) => severityTone(f.severity) === 'bad') ? 'bad' : 'warn';
  return { type: 'headline', tone, text: `${plural(findings.length, 'finding')}: ${bySeverity.join(', ')}. ${events}.` };
}

function verdictAlerts(model: ReportModel): Alert[] {
  const { lostRecords, undecodable } = model.status;
  const alerts: Alert[] = [];
  const blocked = blockedAlert(model);
  if (blocked !== undefined) alerts.push(blocked);
  if (lostRecords > 0) alerts.push(lossAlert(model));
  if (undecodable > 0) {
    const title = `${fmt(undecodable)} records could not be decoded`;
    alerts.push({ kind: 'loss', tone: 'warn', title, text: ' and are missing from this report.' });
  }
  if (model.endedEarly) {
    const title = 'The sensor stopped before the job ended';
    alerts.push({ kind: 'coverage', tone: 'warn', title, text: ': later activity is missing.' });
  }
  for (const a of model.alerts ?? []) {
    const tone = a.kind === 'coverage' ? 'warn' : 'bad';
    alerts.push({ kind: a.kind, tone, title: '', text: a.message });
  }
  const accesses = accessAlert(model);
  if (accesses !== undefined) alerts.push(accesses);
  if (model.unixSockets.items.some((u) => u.bypass)) {
    alerts.push({
      kind: 'tamper',
      tone: 'warn',
      title: "The job used the docker daemon's socket directly",
      text: ': containers started this way are not attributed to the job.',
    });
  }
  return alerts;
}

function lossWhere(rings: ReportModel['status']['rings']): string {
  if (rings === undefined) return 'the ring buffer was full';
  const full = rings.filter((r) => r.lost > 0).map((r) => r.ring);
  if (full.length === 2) return 'both ring buffers were full';
  return full[0] === 'priority' ? 'the priority ring buffer was full' : 'only file records: the priority ring lost none';
}

/**
 * Says which ring lost records and, for the file records a flood pushes
 * out, whose: the processes that lost the most, each with its count.
 */
function lossAlert(model: ReportModel): Alert {
  const { lostRecords, rings, lostByProcess = [] } = model.status;
  const where = lossWhere(rings);
  const shown = lostByProcess.slice(0, NAMES_IN_ALERT).map((p) => {
    const ops = p.fileOps > 0 ? ` and ${plural(p.fileOps, 'other file record')}` : '';
    return `${p.name} (pid ${p.pid}) ${plural(p.fileOpens, 'open')}${ops}`;
  });
  const more = lostByProcess.length > NAMES_IN_ALERT ? ` and ${plural(lostByProcess.length - NAMES_IN_ALERT, 'more process', 'more processes')}` : '';
  const whose = shown.length > 0 ? ` Lost file records by process: ${shown.join('; ')}${more}.` : '';
  return {
    kind: 'loss',
    tone: 'bad',
    title: `${fmt(lostRecords)} records were lost in the kernel`,
    text: ` (${where}): activity is missing from this report and from events.ndjson.${whose}`,
  };
}

function blockedAlert(model: ReportModel): Alert | undefined {
  const counts = model.events.blocked ?? { connects: 0, domains: 0 };
  if (counts.connects + counts.domains === 0) return undefined;
  const names = [
    ...model.network.items.filter((n) => (n.blocked ?? 0) > 0).map((n) => n.domain ?? `${n.address} port ${n.port}`),
    ...model.domains.items.filter((d) => (d.blocked ?? 0) > 0).map((d) => d.name),
  ].filter((name, i, all) => all.indexOf(name) === i);
  const shown = names.slice(0, NAMES_IN_ALERT).join(', ');
  const more = names.length > NAMES_IN_ALERT ? ` and ${fmt(names.length - NAMES_IN_ALERT)} more` : '';
  const parts = [
    counts.connects > 0 ? plural(counts.connects, 'connection') : '',
    counts.domains > 0 ? plural(counts.domains, 'DNS question') : '',
  ].filter((p) => p !== '');
  return {
    kind: 'blocked',
    tone: 'warn',
    title: `${parts.join(' and ')} blocked by the egress policy`,
    text: names.length > 0 ? `: ${shown}${more}.` : '.',
  };
}

/** Processes of the job that reached into processes outside it: how runner secrets are scraped. */
function accessAlert(model: ReportModel): Alert | undefined {
  const outside = (model.accesses?.items ?? []).filter((a) => !a.inJob);
  if (outside.length === 0) return undefined;
  const times = outside.reduce((n, a) => n + a.count, 0);
  const prevented = outside.reduce((n, a) => n + a.prevented, 0);
  const targets = [...new Set(outside.map((a) => a.targetExec ?? `pid ${a.targetPid}`))];
  const named = targets.slice(0, NAMES_IN_ALERT).join(', ');
  const more = targets.length > NAMES_IN_ALERT ? ` and ${fmt(targets.length - NAMES_IN_ALERT)} more` : '';
  return {
    kind: 'tamper',
    tone: 'bad',
    title: `The job reached into processes outside it ${plural(times, 'time')}`,
    text: ` (${fmt(prevented)} prevented): ${named}${more}. See the steps.`,
  };
}

/** The id of the row of model.findings[index], which the timeline links to. */
export const findingId = (index: number): string => `finding-${index + 1}`;

/** The id of a finding's event on the page. */
export const eventId = (seq: number): string => `event-${seq}`;

/** Where a finding's cells link: its process to the process tree, its seq to its event. */
interface Links {
  locate: Locate;
  idOf: (f: Finding) => string;
  eventLink: (seq: number) => string | undefined;
}

function eventViews(model: ReportModel): EventView[] {
  return (model.findingEvents ?? []).map((e) => {
    let parsed: { kind?: unknown } | undefined;
    try {
      parsed = e.cut === true ? undefined : (JSON.parse(e.line) as { kind?: unknown });
    } catch {
      parsed = undefined;
    }
    const lines = parsed === undefined ? [e.line] : JSON.stringify(parsed, null, 2).split('\n');
    const kind = typeof parsed?.kind === 'string' ? parsed.kind : (model.findings?.find((f) => f.seq === e.seq)?.event_kind ?? 'event');
    return { id: eventId(e.seq), seq: e.seq, kind, lines, cut: e.cut === true };
  });
}

function findingsTable(findings: Finding[], links: Links, key: 'findings' | 'signals'): TableView {
  const rows: Row[] = findings.map((f) => {
    const node = links.locate(f.step?.label, f.process?.pid);
    const event = links.eventLink(f.seq) ?? node;
    const response = f.response !== undefined && f.response.kind !== 'none' ? ` (${f.response.kind})` : '';
    const cells = [
      plain(f.rule_name ?? f.rule_id),
      stepCell(f.step?.label ?? ''),
      { ...argvCell(f.process?.exec_path ?? '', f.process?.argv ?? []), ...(node === undefined ? {} : { link: node }) },
      plain(`${f.summary ?? ''}${response}`),
      { text: `#${f.seq}`, num: true, ...(event === undefined ? {} : { link: event }) },
    ];
    if (key === 'findings') cells.unshift(plain(f.severity, severityTone(f.severity)));
    return { cells, id: links.idOf(f), tone: key === 'findings' ? severityTone(f.severity) : undefined };
  });
  const columns: Column[] = [{ title: 'Rule' }, { title: 'Step' }, { title: 'Process' }, { title: 'What happened' }, { title: 'Event', num: true }];
  if (key === 'findings') columns.unshift({ title: 'Severity', nowrap: true });
  return {
    key,
    title: key === 'findings' ? 'Findings' : 'Signals (collected, not judged)',
    columns,
    rows,
    empty: 'None.',
    noun: key,
    ...(key === 'findings' ? { facet: 0 } : {}),
  };
}

function ruleGlossary(findings: Finding[]): Extract<Block, { type: 'glossary' }> {
  const entries = new Map<string, { term: string; text: string }>();
  for (const f of findings) {
    const key = `${f.ruleset_id}\0${f.rule_id}`;
    if (f.description !== undefined && !entries.has(key)) entries.set(key, { term: f.rule_name ?? f.rule_id, text: f.description });
  }
  return { type: 'glossary', title: 'What the rules look for', entries: [...entries.values()] };
}
