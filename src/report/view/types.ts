/**
 * The report as people read it: sections in their reading order, each made
 * of tables, alerts, lists and trees whose every string is plain text (job
 * strings unescaped). Built once from report.json (build.ts); the markdown,
 * text and HTML renderers only format it, so no section, row or "N more" is
 * decided in two places. Every renderer escapes every string it is given.
 */

export type Tone = 'bad' | 'warn' | 'ok' | 'info';

export interface Cell {
  text: string;
  /** Characters shown of a long job string (a step's script in a table); renderers cut to at most this. */
  max?: number;
  /** Further values in the same cell (argv samples, addresses). */
  lines?: string[];
  code?: boolean;
  num?: boolean;
  tone?: Tone;
  /** The id of a row or tree node this cell points at (HTML links to it). */
  link?: string;
}

export interface Row {
  cells: Cell[];
  /** An id other parts of the page link to. */
  id?: string;
  /** What a summarised row stands for (the paths under a place), shown on expanding it. */
  detail?: { lines: string[]; more: number };
  tone?: Tone;
}

/** What the model itself left out of a collection: only in events.ndjson. */
export interface Cut {
  omitted: number;
  estimated: boolean;
  events: number;
}

export interface Column {
  title: string;
  num?: boolean;
  /** Short values that read badly broken across lines (statuses, ports, times). */
  nowrap?: boolean;
}

export interface TableView {
  /** Stable across reports: element ids, tests. */
  key: string;
  title?: string;
  columns: Column[];
  rows: Row[];
  /** The first `pinned` rows are shown however small the renderer's row budget (sensitive reads, bypasses). */
  pinned?: number;
  cut?: Cut;
  /** A column whose values the HTML page offers as a choice next to the text filter. */
  facet?: number;
  /** Shown instead of the table when it has no rows and nothing was cut. */
  empty: string;
  /** What the rows are, for "Filter …" and "N more …". */
  noun: string;
}

export type AlertKind = 'finding' | 'blocked' | 'loss' | 'tamper' | 'coverage';

export interface Alert {
  kind: AlertKind;
  tone: Tone;
  /** Shown bold. */
  title: string;
  text: string;
}

export interface NodeView {
  id: string;
  depth: number;
  execPath: string;
  /** argv as a shell would need it typed. */
  argv: string;
  /** pid, exit code or signal. */
  facts: string;
  /** What the process did, e.g. "12 file opens, 2 connections". */
  activity: string;
  /** A later program of the process above it (exec without fork). */
  sameProcess: boolean;
  hasChildren: boolean;
  tone?: Tone;
}

export interface StepView {
  id: string;
  label: string;
  processes: number;
  events: number;
  firstTime?: string;
  lastTime?: string;
  /** Depth-first, a parent before its children. */
  nodes: NodeView[];
  /** Processes the model did not keep. */
  omittedNodes: number;
  findings: number;
}

export interface TimelineView {
  startMs: number;
  endMs: number;
  bucketMs: number;
  kinds: { kind: string; counts: number[]; total: number }[];
  steps: { id: string; label: string; startMs: number; endMs: number }[];
  marks: { ms: number; tone: Tone; label: string; link: string }[];
}

export type Block =
  | { type: 'headline'; tone: Tone; text: string }
  | { type: 'alert'; alert: Alert }
  | { type: 'text'; text: string }
  | { type: 'list'; title: string; items: string[]; more: number }
  | { type: 'table'; table: TableView }
  | { type: 'glossary'; title: string; entries: { term: string; text: string }[] }
  /** Lines to copy as they are (the recommended allowed-endpoints). */
  | { type: 'code'; title: string; lines: string[] }
  | { type: 'trees'; steps: StepView[]; cut?: Cut }
  | { type: 'timeline'; timeline: TimelineView }
  /** The events findings matched, each as its events.ndjson line (the page shows them; the summary points at the log). */
  | { type: 'events'; title: string; events: EventView[] };

export interface EventView {
  /** What a finding's "Event" cell links to. */
  id: string;
  seq: number;
  kind: string;
  /** The line's JSON, indented for reading; a line cut in the model is shown as it is. */
  lines: string[];
  cut: boolean;
}

export type SectionKey = 'verdict' | 'egress' | 'steps' | 'files' | 'containers' | 'sockets' | 'diagnostics';

export interface SectionView {
  key: SectionKey;
  title: string;
  blocks: Block[];
}

export interface ReportView {
  /** The job's name. */
  title: string;
  /** "workflow CI", "run 7", … */
  facts: { label: string; value: string }[];
  /** Rows per table in the job summary. */
  rowLimit: number;
  sections: SectionView[];
}
