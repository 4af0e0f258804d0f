/** Steps: each step's processes as a tree with what each did, the executables, and the timeline of the job. */
import { EVENT_KINDS } from '../../events/eventRecord.js';
import { formatArgv } from '../escape.js';
import type { ReportModel, StepTree, TreeNode } from '../modelTypes.js';
import { fmt } from '../numbers.js';
import { TimeParser } from '../timeline.js';
import { cutOf, num, plain, stepCell } from './cells.js';
import { findingId, severityTone, type Locate } from './verdict.js';
import type { Block, NodeView, Row, SectionView, StepView, TableView, TimelineView } from './types.js';

/** What each kind of event means for a process, for "3 file opens, 1 connection". */
const ACTIVITY_WORDS: Record<string, [string, string]> = {
  file_open: ['file open', 'file opens'],
  file_remove: ['removal', 'removals'],
  file_move: ['move', 'moves'],
  file_link: ['link', 'links'],
  network_connect: ['connection', 'connections'],
  domain: ['name lookup', 'name lookups'],
  unix_socket_connect: ['unix socket connect', 'unix socket connects'],
  mount: ['mount', 'mounts'],
  http_request: ['HTTP request', 'HTTP requests'],
  process_access: ['access to another process', 'accesses to other processes'],
  container_create: ['container create', 'container creates'],
  container_exec: ['docker exec', 'docker execs'],
};

/** Steps in the order they ran, with ids every renderer and link uses. */
export interface OrderedSteps {
  trees: { tree: StepTree; id: string }[];
  locate: Locate;
}

/**
 * Event times (ISO 8601, UTC, one format) in order, an absent one last: by
 * code unit, as the model compares them when it keeps the first. Not
 * localeCompare: its first call loads ICU's collation (~13 ms of a run's stop).
 */
function compareTimes(a: string | undefined, b: string | undefined): number {
  const x = a ?? '\uffff';
  const y = b ?? '\uffff';
  return x < y ? -1 : x > y ? 1 : 0;
}

export function orderSteps(model: ReportModel): OrderedSteps {
  const trees = model.processes.trees.items
    .map((tree, i) => ({ tree, i }))
    .sort((a, b) => compareTimes(a.tree.firstTime, b.tree.firstTime) || a.i - b.i)
    .map(({ tree }, i) => ({ tree, id: `step-${i + 1}` }));
  const byStep = new Map(trees.map((t) => [t.tree.label, t]));
  const locate: Locate = (label, pid) => {
    const step = byStep.get(label ?? 'job') ?? (trees.length === 1 ? trees[0] : undefined);
    if (step === undefined) return undefined;
    if (pid === undefined) return step.id;
    // The latest program of that pid: the one running when the finding's event came.
    for (let i = step.tree.nodes.length - 1; i >= 0; i--) {
      if (step.tree.nodes[i].pid === pid) return `${step.id}-p${i}`;
    }
    return step.id;
  };
  return { trees, locate };
}

export function stepsSection(model: ReportModel, ordered: OrderedSteps): SectionView {
  const findingsAt = new Map<string, number>();
  for (const f of model.findings ?? []) {
    if (f.action === 'collect') continue;
    const at = ordered.locate(f.step?.label, f.process?.pid);
    if (at !== undefined) findingsAt.set(at, (findingsAt.get(at) ?? 0) + 1);
  }
  const steps = ordered.trees.map(({ tree, id }) => stepView(tree, id, findingsAt));
  const timeline = timelineView(model, steps);
  // A step that started no process (events of the runner's own process after it registered) has no tree.
  const withTrees = steps.filter((s) => s.nodes.length > 0 || s.omittedNodes > 0);
  const treesCut = cutOf(model.processes.trees);
  return {
    key: 'steps',
    title: 'Steps',
    blocks: [
      ...(timeline === undefined ? [] : [{ type: 'timeline' as const, timeline }]),
      { type: 'trees', steps: withTrees, ...(treesCut === undefined ? {} : { cut: treesCut }) },
      ...accessesBlocks(model),
      { type: 'table', table: executablesTable(model) },
    ],
  };
}

function stepView(tree: StepTree, id: string, findingsAt: Map<string, number>): StepView {
  const nodes = depthFirst(tree.nodes).map(([index, depth, hasChildren]) =>
    nodeView(tree.nodes[index], `${id}-p${index}`, depth, hasChildren, findingsAt),
  );
  return {
    id,
    label: tree.label,
    processes: tree.count,
    events: tree.events ?? tree.count,
    ...(tree.firstTime === undefined ? {} : { firstTime: tree.firstTime, lastTime: tree.lastTime }),
    nodes,
    omittedNodes: tree.omitted,
    findings: [...findingsAt].filter(([at]) => at === id || at.startsWith(`${id}-`)).reduce((n, [, c]) => n + c, 0),
  };
}

/** [index, depth, has children] in depth-first order; iterative, so a deep chain cannot overflow the stack. */
function depthFirst(nodes: TreeNode[]): [number, number, boolean][] {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    if (n.parent === undefined || n.parent >= i) roots.push(i);
    else if (children.has(n.parent)) children.get(n.parent)?.push(i);
    else children.set(n.parent, [i]);
  });
  const out: [number, number, boolean][] = [];
  const stack: [number, number][] = roots.reverse().map((i) => [i, 0]);
  while (stack.length > 0) {
    const [index, depth] = stack.pop() as [number, number];
    const kids = children.get(index) ?? [];
    out.push([index, depth, kids.length > 0]);
    for (const child of [...kids].reverse()) stack.push([child, depth + 1]);
  }
  return out;
}

function nodeView(node: TreeNode, id: string, depth: number, hasChildren: boolean, findingsAt: Map<string, number>): NodeView {
  const facts = [`pid ${node.pid}`];
  if (node.exitCode !== undefined) facts.push(`exit ${node.exitCode}`);
  if (node.exitSignal !== undefined) facts.push(`signal ${node.exitSignal}`);
  const findings = findingsAt.get(id) ?? 0;
  if (findings > 0) facts.push(findings === 1 ? '1 finding' : `${fmt(findings)} findings`);
  const failed = (node.exitCode ?? 0) !== 0 || node.exitSignal !== undefined;
  return {
    id,
    depth,
    execPath: node.execPath,
    argv: formatArgv(node.argv),
    facts: facts.join(', '),
    activity: activityText(node.activity),
    sameProcess: node.sameProcess === true,
    hasChildren,
    ...(findings > 0 ? { tone: severityTone('high') } : failed ? { tone: 'warn' as const } : {}),
  };
}

function activityText(activity: TreeNode['activity']): string {
  if (activity === undefined) return '';
  const kinds = [...EVENT_KINDS, ...Object.keys(activity).filter((k) => !(EVENT_KINDS as string[]).includes(k))];
  return kinds
    .map((k) => [k, (activity as Record<string, number>)[k] ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => {
      const [one, many] = ACTIVITY_WORDS[k] ?? [k.replaceAll('_', ' '), `${k.replaceAll('_', ' ')} events`];
      return `${fmt(n)} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

/** Reaching into another process: outside the job first, pinned, so no row budget hides one. */
function accessesBlocks(model: ReportModel): Block[] {
  const a = model.accesses;
  if (a === undefined || (a.items.length === 0 && a.omitted === 0)) return [];
  const items = [...a.items].sort((x, y) => Number(x.inJob) - Number(y.inJob));
  const rows: Row[] = items.map((x) => ({
    cells: [
      { text: x.execPath, code: true },
      plain([x.operation, x.request].filter((p) => p !== undefined).join(' ')),
      { text: `${x.targetExec ?? '?'} (pid ${x.targetPid})`, code: true },
      plain(x.inJob ? 'the job' : 'outside the job', x.inJob ? undefined : 'bad'),
      num(x.count),
      num(x.prevented),
      stepCell(x.step),
    ],
    ...(x.inJob ? {} : { tone: 'bad' as const }),
  }));
  const table: TableView = {
    key: 'accesses',
    title: 'Reaching into other processes',
    columns: [
      { title: 'Process' },
      { title: 'Operation', nowrap: true },
      { title: 'Target' },
      { title: 'Target is in', nowrap: true },
      { title: 'Times', num: true },
      { title: 'Prevented', num: true },
      { title: 'Step' },
    ],
    rows,
    pinned: items.filter((x) => !x.inJob).length,
    cut: cutOf(a),
    facet: 3,
    empty: '',
    noun: 'accesses',
  };
  return [{ type: 'table', table }];
}

function executablesTable(model: ReportModel): TableView {
  const exes = model.processes.executables;
  return {
    key: 'executables',
    title: 'Executables',
    columns: [{ title: 'Executable' }, { title: 'Runs', num: true }, { title: 'Arguments (samples)' }],
    rows: exes.items.map((x) => {
      const argv = x.argvSamples.values.map((a) => formatArgv(a));
      if (x.argvSamples.omitted > 0) argv.push(`+${fmt(x.argvSamples.omitted)} other argument lists`);
      const [first = '', ...rest] = argv;
      return { cells: [{ text: x.execPath, code: true }, num(x.count), { text: first, code: true, lines: rest }] };
    }),
    cut: cutOf(exes),
    empty: 'No programs were run.',
    noun: 'executables',
  };
}

function timelineView(model: ReportModel, steps: StepView[]): TimelineView | undefined {
  const t = model.timeline;
  if (t === undefined) return undefined;
  const times = new TimeParser();
  const buckets = Math.max(0, ...Object.values(t.counts).map((row) => row?.length ?? 0));
  let last = 0;
  for (const row of Object.values(t.counts)) row?.forEach((n, i) => (n > 0 ? (last = Math.max(last, i)) : undefined));
  const endMs = t.startMs + t.bucketMs * Math.min(buckets, last + 1);
  const known: string[] = [...EVENT_KINDS];
  const kinds = Object.entries(t.counts)
    .map(([kind, counts]) => ({ kind, counts: counts ?? [], total: (counts ?? []).reduce((a, b) => a + b, 0) }))
    .filter((k) => k.total > 0)
    .sort((a, b) => rankOf(known, a.kind) - rankOf(known, b.kind));
  const stepSpans = steps
    .filter((s) => s.firstTime !== undefined)
    .map((s) => ({ id: s.id, label: s.label, startMs: times.ms(s.firstTime ?? ''), endMs: times.ms(s.lastTime ?? '') }));
  const marks = (model.findings ?? [])
    .map((f, i) => ({ f, link: findingId(i) }))
    .filter(({ f }) => f.action !== 'collect')
    .map(({ f, link }) => ({
      ms: times.ms(f.time),
      tone: severityTone(f.severity),
      label: `${f.severity}: ${f.rule_name ?? f.rule_id}`,
      link,
    }));
  return { startMs: t.startMs, endMs, bucketMs: t.bucketMs, kinds, steps: stepSpans, marks };
}

function rankOf(known: string[], kind: string): number {
  const i = known.indexOf(kind);
  return i < 0 ? known.length : i;
}
