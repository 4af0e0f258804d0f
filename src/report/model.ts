import {
  EVENT_KINDS,
  type EventKind,
  type EventRecord,
  type JobIdentity,
} from '../events/eventRecord.js';
import type { SensorStatus } from '../events/sensorStatus.js';

/** What the caller knows about the job, beyond its events. */
export interface ReportMeta {
  job: JobIdentity;
  startedAt?: string;
  endedAt?: string;
  /** Files under this directory are grouped as 'workspace' (GITHUB_WORKSPACE). */
  workspace?: string;
  /** Files under this directory are grouped as 'temp' (RUNNER_TEMP), like /tmp. */
  tempDir?: string;
  /** The sensor stopped before the job did, so later activity is missing. */
  endedEarly?: boolean;
  notes?: string[];
}

/** How much the report keeps; every cut is counted in the model. */
export interface ReportLimits {
  /** Rows each markdown table shows; the rest stay in report.json. */
  rowLimit: number;
  /** Distinct entries each collection keeps in report.json; later ones are only counted. */
  entryLimit: number;
  /** Most-read files kept per file group (reads are by far the most numerous). */
  readTopLimit: number;
  /** Process tree nodes kept per step. */
  treeNodeLimit: number;
  /** Steps that get a process tree. */
  stepLimit: number;
  /** Distinct values kept in each small list: argv samples, DNS answers, ... */
  sampleLimit: number;
}

export const DEFAULT_LIMITS: Readonly<ReportLimits> = {
  rowLimit: 25,
  entryLimit: 1000,
  readTopLimit: 100,
  treeNodeLimit: 200,
  stepLimit: 100,
  sampleLimit: 5,
};

export interface ReportOptions extends Partial<ReportLimits> {
  /**
   * The workspace and temp directories, when known before the events: caps on
   * files are applied per group, so that a build writing 50,000 files into the
   * workspace cannot push a write to ~/.bashrc out of the report. Grouping in
   * the model itself follows ReportMeta.
   */
  workspace?: string;
  tempDir?: string;
  /**
   * Socket paths that reach the Docker daemon without the proxy. By default
   * the daemon's own paths; when the proxy sits on those paths, only the
   * daemon's real socket behind it.
   */
  dockerSockets?: readonly string[];
}

export type FileGroup = 'workspace' | 'temp' | 'home' | 'proc' | 'system';
export const FILE_GROUPS: readonly FileGroup[] = ['workspace', 'temp', 'home', 'proc', 'system'];

/** A collection cut to a limit. What was cut remains in events.ndjson. */
export interface Capped<T> {
  items: T[];
  /** Distinct entries seen but not kept. */
  omitted: number;
  /** true when `omitted` is an estimate: too many to count exactly in bounded memory. */
  omittedEstimated: boolean;
  /** Events that belonged to the entries not kept. */
  omittedEvents: number;
}

/** A small list of distinct values, e.g. argv samples of one executable. */
export interface Samples<T = string> {
  values: T[];
  /** Distinct values seen but not kept (estimated beyond a few dozen). */
  omitted: number;
}

export interface ExecutableEntry {
  execPath: string;
  /** process_exec events. */
  count: number;
  argvSamples: Samples<string[]>;
}

export interface NetworkEntry {
  protocol: 'tcp' | 'udp';
  family: 'ipv4' | 'ipv6';
  address: string;
  port: number;
  domain?: string;
  count: number;
  /** Of the first connection. */
  execPath: string;
  step: string;
}

export interface DomainEntry {
  name: string;
  count: number;
  sources: string[];
  queryTypes: Samples;
  answers: Samples;
  processes: Samples;
}

export interface FileEntry {
  path: string;
  /** Of `path`, or for moves and links of `targetPath`: where the result lands. */
  group: FileGroup;
  count: number;
  /** Of the first event. */
  pid: number;
  execPath: string;
  step: string;
}

export interface FileMoveEntry extends FileEntry {
  targetPath: string;
}

export interface FileLinkEntry extends FileMoveEntry {
  linkType?: 'hard' | 'symbolic';
}

/**
 * Files by operation; each entry carries its group. Reads keep the most-read
 * files of each group (approximately: a file pruned early restarts its count
 * if it comes back); the other operations keep files in first-seen order.
 */
export interface FileReport {
  written: Capped<FileEntry>;
  read: Capped<FileEntry>;
  removed: Capped<FileEntry>;
  moved: Capped<FileMoveEntry>;
  linked: Capped<FileLinkEntry>;
}

export interface UnixSocketEntry {
  path: string;
  count: number;
  execPath: string;
  step: string;
  /** The docker daemon's own socket: containers started through it are not attributed to the job. */
  bypass: boolean;
}

export interface ContainerEntry {
  id: string;
  name?: string;
  image?: string;
  count: number;
}

export interface TreeNode {
  pid: number;
  ppid: number;
  execPath: string;
  argv: string[];
  exitCode?: number;
  exitSignal?: number;
  /** Index in the step's nodes of the parent, or of this process's previous program. */
  parent?: number;
  /** true when this node is a later exec by the same process as `parent`. */
  sameProcess?: boolean;
}

export interface StepTree {
  label: string;
  /** process_exec events in this step, kept or not. */
  count: number;
  /** In exec order; a parent always comes before its children. */
  nodes: TreeNode[];
  omitted: number;
}

export interface EventTotals {
  total: number;
  byKind: Record<EventKind, number>;
  firstTime?: string;
  lastTime?: string;
}

/** Everything a report shows, as plain JSON (written as report.json). */
export interface ReportModel {
  version: 1;
  job: JobIdentity;
  startedAt?: string;
  endedAt?: string;
  endedEarly: boolean;
  notes: string[];
  workspace?: string;
  tempDir?: string;
  rowLimit: number;
  limits: ReportLimits;
  status: SensorStatus;
  events: EventTotals;
  processes: { executables: Capped<ExecutableEntry>; trees: Capped<StepTree> };
  network: Capped<NetworkEntry>;
  domains: Capped<DomainEntry>;
  files: FileReport;
  unixSockets: Capped<UnixSocketEntry>;
  containers: Capped<ContainerEntry>;
}

/** Stored strings are clipped so that a hostile event cannot make the report unbounded. */
const MAX_STORED_CHARS = 16_384;
const MAX_STORED_ARGS = 1024;

function clip(s: string): string {
  return s.length <= MAX_STORED_CHARS ? s : `${s.slice(0, MAX_STORED_CHARS)}… (${s.length} chars)`;
}

function clipArgv(argv: readonly string[]): string[] {
  const kept = argv.slice(0, MAX_STORED_ARGS).map(clip);
  if (argv.length > MAX_STORED_ARGS) kept.push(`… (${argv.length - MAX_STORED_ARGS} more arguments)`);
  return kept;
}

// Bound once: a global lookup per character is slow where globals are
// intercepted (the vm context jest runs tests in), and this runs per event.
const { imul, clz32, floor, min } = Math;

/**
 * Two 32-bit FNV-style hashes with a murmur3 finaliser, combined into 53 bits:
 * few enough collisions for the exact sets below, and the high 32 bits are
 * mixed well enough for the sketch.
 */
function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = imul(h1 ^ c, 0x01000193);
    h2 = imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return (fmix32(h1) >>> 0) * 0x200000 + (fmix32(h2) >>> 11);
}

function fmix32(h: number): number {
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

interface CounterSize {
  exactLimit: number;
  precisionBits: number;
}

const LARGE: CounterSize = { exactLimit: 4096, precisionBits: 12 };
const SMALL: CounterSize = { exactLimit: 64, precisionBits: 8 };

/**
 * Counts distinct keys (by hash) in bounded memory: exactly up to a limit,
 * then with a HyperLogLog sketch (2^12 registers: about 1.6% error; 2^8 for
 * the small lists: about 6.5%). A job
 * that opens a million distinct files must not make the tracker hold a million
 * paths just to say how many it left out.
 */
class DistinctCounter {
  private exact: Set<number> | undefined = new Set();
  private registers: Uint8Array | undefined;

  constructor(private readonly size: CounterSize) {}

  addHash(h: number): void {
    if (this.exact === undefined) return this.addToSketch(h);
    this.exact.add(h);
    if (this.exact.size > this.size.exactLimit) this.spill(this.exact);
  }

  get estimated(): boolean {
    return this.exact === undefined;
  }

  count(): number {
    return this.exact?.size ?? Math.max(this.size.exactLimit + 1, this.estimate());
  }

  private spill(exact: Set<number>): void {
    this.registers = new Uint8Array(1 << this.size.precisionBits);
    this.exact = undefined;
    for (const h of exact) this.addToSketch(h);
  }

  private addToSketch(h53: number): void {
    const bits = this.size.precisionBits;
    const h = floor(h53 / 0x200000);
    const index = h >>> (32 - bits);
    const rank = min(clz32((h << bits) >>> 0) + 1, 33 - bits);
    const registers = this.registers as Uint8Array;
    if (rank > registers[index]) registers[index] = rank;
  }

  private estimate(): number {
    const registers = this.registers as Uint8Array;
    const m = registers.length;
    let sum = 0;
    let zeros = 0;
    for (const r of registers) {
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const raw = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
    // Small-range correction from the HyperLogLog paper: linear counting.
    return Math.round(raw <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : raw);
  }
}

/** Up to `limit` distinct values, in first-seen order; the rest only counted. */
class SampleSet<T> {
  private readonly values: T[] = [];
  private readonly hashes: number[] = [];
  private extra: DistinctCounter | undefined;

  constructor(private readonly limit: number) {}

  /** `key` identifies the value; only its hash is kept. */
  add(key: string, value: () => T): void {
    const h = hash53(key);
    if (this.hashes.includes(h)) return;
    if (this.values.length < this.limit) {
      this.values.push(value());
      this.hashes.push(h);
    } else {
      (this.extra ??= new DistinctCounter(SMALL)).addHash(h);
    }
  }

  toSamples(): Samples<T> {
    return { values: [...this.values], omitted: this.extra?.count() ?? 0 };
  }
}

interface Counted {
  count: number;
}

/**
 * Collections are keyed by a 53-bit hash of the key rather than the key: the
 * memory per entry stays the same however long the paths and argv are, and
 * a collision is unlikely (about 1 in 10^8 among 10,000 keys).
 */
interface Collector<V extends Counted> {
  /** Counts one event for `key`; returns its entry, or undefined when it is not kept. */
  hit(key: string, make: () => V): V | undefined;
  capped<T extends Counted>(toItem: (v: V) => T): Capped<T>;
}

/**
 * Keeps the first `limit` distinct keys and counts the rest. First-seen, not
 * most-frequent: for destinations, domains and written files a key seen once
 * matters as much as one seen often, and a frequency cut would drop it first.
 */
class FirstSeen<V extends Counted> implements Collector<V> {
  private readonly entries = new Map<number, V>();
  private readonly overflow = new DistinctCounter(LARGE);
  private overflowEvents = 0;

  constructor(private readonly limit: number) {}

  hit(key: string, make: () => V): V | undefined {
    const h = hash53(key);
    let entry = this.entries.get(h);
    if (entry === undefined) {
      if (this.entries.size >= this.limit) {
        this.overflow.addHash(h);
        this.overflowEvents++;
        return undefined;
      }
      entry = make();
      this.entries.set(h, entry);
    }
    entry.count++;
    return entry;
  }

  peek(key: string): V | undefined {
    return this.entries.get(hash53(key));
  }

  /** Entries most counted first; ties keep first-seen order. */
  capped<T extends Counted>(toItem: (v: V) => T): Capped<T> {
    const items = [...this.entries.values()].map(toItem).sort((a, b) => b.count - a.count);
    return {
      items,
      omitted: this.overflow.count(),
      omittedEstimated: this.overflow.estimated,
      omittedEvents: this.overflowEvents,
    };
  }
}

/**
 * Keeps roughly the `keep` most frequent keys: the table grows to twice that,
 * then the less frequent half is dropped. Used for reads, where a build opens
 * tens of thousands of files and the frequent ones tell what the job was.
 */
class TopCounted<V extends Counted> implements Collector<V> {
  private entries = new Map<number, V>();
  private readonly seen = new DistinctCounter(LARGE);
  private events = 0;

  constructor(private readonly keep: number) {}

  hit(key: string, make: () => V): V {
    const h = hash53(key);
    this.events++;
    this.seen.addHash(h);
    let entry = this.entries.get(h);
    if (entry === undefined) {
      if (this.entries.size >= 2 * this.keep) this.prune();
      entry = make();
      this.entries.set(h, entry);
    }
    entry.count++;
    return entry;
  }

  private prune(): void {
    const top = [...this.entries].sort((a, b) => b[1].count - a[1].count).slice(0, this.keep);
    this.entries = new Map(top);
  }

  capped<T extends Counted>(toItem: (v: V) => T): Capped<T> {
    const all = [...this.entries.values()].sort((a, b) => b.count - a.count);
    const items = all.slice(0, this.keep).map(toItem);
    const kept = items.reduce((sum, item) => sum + item.count, 0);
    return {
      items,
      omitted: Math.max(0, this.seen.count() - items.length),
      omittedEstimated: this.seen.estimated,
      omittedEvents: this.events - kept,
    };
  }
}

const DOCKER_SOCKETS: readonly string[] = ['/var/run/docker.sock', '/run/docker.sock'];

function normaliseRoot(dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  const trimmed = dir.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function isUnder(path: string, root: string): boolean {
  return root === '/' ? path.startsWith('/') : path === root || path.startsWith(`${root}/`);
}

/** Directory roots that decide a file's group, longest first. */
export function groupRoots(meta: Pick<ReportMeta, 'workspace' | 'tempDir'>): [string, FileGroup][] {
  const roots: [string | undefined, FileGroup][] = [
    [normaliseRoot(meta.workspace), 'workspace'],
    [normaliseRoot(meta.tempDir), 'temp'],
    ['/tmp', 'temp'],
    ['/var/tmp', 'temp'],
  ];
  // Longest first, because self-hosted runners often put the workspace under
  // /tmp, and RUNNER_TEMP could sit inside the workspace: the closer root wins.
  return roots
    .filter((r): r is [string, FileGroup] => r[0] !== undefined)
    .sort((a, b) => b[0].length - a[0].length);
}

const PROC_PID = /^\/proc\/(\d+)(?:\/|$)/;

/**
 * The group of `path` as touched by process `pid`. /proc/<pid> of another
 * process is its own group because reading another process's memory or
 * environment is how secrets are scraped from a runner.
 */
export function classifyPath(path: string, pid: number, roots: [string, FileGroup][]): FileGroup {
  for (const [root, group] of roots) if (isUnder(path, root)) return group;
  const proc = PROC_PID.exec(path);
  if (proc !== null && Number(proc[1]) !== pid) return 'proc';
  if (path.startsWith('/home/') || isUnder(path, '/root')) return 'home';
  return 'system';
}

function isWrite(file: NonNullable<EventRecord['file']>): boolean {
  if (file.access === 'write' || file.access === 'read_write') return true;
  return file.flags?.some((f) => f === 'O_CREAT' || f === 'O_TRUNC') ?? false;
}

function stepOf(e: EventRecord): string {
  // `||`: an empty label says no more than a missing one.
  return e.step?.label || 'job';
}

function mergeCapped<T>(parts: Capped<T>[]): Capped<T> {
  return {
    items: parts.flatMap((p) => p.items),
    omitted: parts.reduce((n, p) => n + p.omitted, 0),
    omittedEstimated: parts.some((p) => p.omittedEstimated),
    omittedEvents: parts.reduce((n, p) => n + p.omittedEvents, 0),
  };
}

/** One file operation, capped per group so that one busy group cannot crowd out the others. */
class GroupedFiles<V extends FileEntry> {
  private readonly parts: Record<FileGroup, Collector<V>>;

  /** `groupPath` is the path an entry is grouped by: the target, for moves and links. */
  constructor(
    collector: () => Collector<V>,
    private readonly groupPath: (v: V) => string,
  ) {
    this.parts = Object.fromEntries(FILE_GROUPS.map((g) => [g, collector()])) as Record<
      FileGroup,
      Collector<V>
    >;
  }

  hit(group: FileGroup, key: string, make: () => V): void {
    this.parts[group].hit(key, make);
  }

  /** Regroups with the final roots, which may differ from those known while streaming. */
  capped(roots: [string, FileGroup][]): Capped<V> {
    const merged = mergeCapped(FILE_GROUPS.map((g) => this.parts[g].capped((v) => ({ ...v }))));
    for (const item of merged.items) item.group = classifyPath(this.groupPath(item), item.pid, roots);
    merged.items.sort((a, b) => b.count - a.count);
    return merged;
  }
}

interface ExecAcc extends Counted {
  execPath: string;
  argv: SampleSet<string[]>;
}

/** More than the schema's three sources, in case one is added; a bound all the same. */
const MAX_SOURCES = 8;

class DomainAcc implements Counted {
  count = 0;
  private readonly sources: string[] = [];
  private readonly queryTypes: SampleSet<string>;
  private readonly answers: SampleSet<string>;
  private readonly processes: SampleSet<string>;

  constructor(
    private readonly name: string,
    sampleLimit: number,
  ) {
    this.queryTypes = new SampleSet(sampleLimit);
    this.answers = new SampleSet(sampleLimit);
    this.processes = new SampleSet(sampleLimit);
  }

  add(d: NonNullable<EventRecord['domain']>, execPath: string): void {
    if (!this.sources.includes(d.source) && this.sources.length < MAX_SOURCES) this.sources.push(d.source);
    if (d.query_type !== undefined) this.queryTypes.add(d.query_type, () => clip(d.query_type ?? ''));
    // The CNAME chain first, marked, then the addresses it led to.
    for (const c of d.cnames ?? []) this.answers.add(`CNAME ${c}`, () => clip(`CNAME ${c}`));
    for (const a of d.answers ?? []) this.answers.add(a, () => clip(a));
    this.processes.add(execPath, () => clip(execPath));
  }

  toEntry(): DomainEntry {
    return {
      name: this.name,
      count: this.count,
      sources: [...this.sources],
      queryTypes: this.queryTypes.toSamples(),
      answers: this.answers.toSamples(),
      processes: this.processes.toSamples(),
    };
  }
}

/**
 * The process tree of one step, as nodes in exec order. A parent is linked
 * only if it exec'd earlier, so the tree cannot have cycles even when pids
 * are reused.
 */
class StepAcc implements Counted {
  count = 0;
  private readonly nodes: TreeNode[] = [];
  private readonly latestByPid = new Map<number, number>();
  private omitted = 0;

  constructor(
    private readonly label: string,
    private readonly nodeLimit: number,
  ) {}

  addExec(p: EventRecord['process']): void {
    if (this.nodes.length >= this.nodeLimit) {
      this.omitted++;
      return;
    }
    const node: TreeNode = { pid: p.pid, ppid: p.ppid, execPath: clip(p.exec_path), argv: clipArgv(p.argv) };
    const previous = this.latestByPid.get(p.pid);
    const parent = previous ?? this.latestByPid.get(p.ppid);
    if (parent !== undefined) node.parent = parent;
    if (previous !== undefined) node.sameProcess = true;
    this.latestByPid.set(p.pid, this.nodes.length);
    this.nodes.push(node);
  }

  addExit(p: EventRecord['process']): void {
    const index = this.latestByPid.get(p.pid);
    if (index === undefined) return;
    const node = this.nodes[index];
    if (p.exit_code !== undefined) node.exitCode = p.exit_code;
    if (p.exit_signal !== undefined) node.exitSignal = p.exit_signal;
  }

  toTree(): StepTree {
    const nodes = this.nodes.map((n) => ({ ...n, argv: [...n.argv] }));
    return { label: this.label, count: this.count, nodes, omitted: this.omitted };
  }
}

function zeroCounts(): Record<EventKind, number> {
  return Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>;
}

function positiveLimits(opts: ReportOptions): ReportLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ReportLimits)[]) {
    const value = opts[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${key} must be a positive integer, got ${value}`);
    }
    limits[key] = value;
  }
  return limits;
}

/**
 * Reduces a job's event stream to a ReportModel in bounded memory: every
 * collection is capped (see ReportLimits) and counts what it leaves out, so
 * a million events cost no more than a thousand distinct ones.
 */
export class ReportBuilder {
  private readonly limits: ReportLimits;
  private readonly streamRoots: [string, FileGroup][];
  private readonly byKind = zeroCounts();
  private total = 0;
  private firstTime: string | undefined;
  private lastTime: string | undefined;
  private readonly executables: FirstSeen<ExecAcc>;
  private readonly steps: FirstSeen<StepAcc>;
  private readonly network: FirstSeen<NetworkEntry>;
  private readonly domains: FirstSeen<DomainAcc>;
  private readonly unixSockets: FirstSeen<UnixSocketEntry>;
  private readonly containers: FirstSeen<ContainerEntry>;
  private readonly written: GroupedFiles<FileEntry>;
  private readonly read: GroupedFiles<FileEntry>;
  private readonly removed: GroupedFiles<FileEntry>;
  private readonly moved: GroupedFiles<FileMoveEntry>;
  private readonly linked: GroupedFiles<FileLinkEntry>;

  constructor(private readonly opts: ReportOptions = {}) {
    this.limits = positiveLimits(opts);
    this.streamRoots = groupRoots(opts);
    const entries = this.limits.entryLimit;
    this.executables = new FirstSeen(entries);
    this.steps = new FirstSeen(this.limits.stepLimit);
    this.network = new FirstSeen(entries);
    this.domains = new FirstSeen(entries);
    this.unixSockets = new FirstSeen(entries);
    this.containers = new FirstSeen(entries);
    const top = this.limits.readTopLimit;
    this.written = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.read = new GroupedFiles(() => new TopCounted<FileEntry>(top), (v) => v.path);
    this.removed = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.moved = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
    this.linked = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
  }

  add(e: EventRecord): void {
    this.countEvent(e);
    if (e.container !== undefined) this.addContainer(e.container);
    switch (e.kind) {
      case 'process_exec':
        return this.addExec(e);
      case 'process_exit':
        return this.steps.peek(stepOf(e))?.addExit(e.process);
      case 'network_connect':
        return this.addConnect(e);
      case 'domain':
        return this.addDomain(e);
      case 'unix_socket_connect':
        return this.addUnixSocket(e);
      case 'file_open':
      case 'file_remove':
      case 'file_move':
      case 'file_link':
        return this.addFile(e);
    }
  }

  private countEvent(e: EventRecord): void {
    this.total++;
    // Unknown kinds are counted too, so that totals still add up.
    this.byKind[e.kind] = (this.byKind[e.kind] ?? 0) + 1;
    if (this.firstTime === undefined || e.time < this.firstTime) this.firstTime = e.time;
    if (this.lastTime === undefined || e.time > this.lastTime) this.lastTime = e.time;
  }

  private addContainer(c: NonNullable<EventRecord['container']>): void {
    const entry = this.containers.hit(c.id, () => ({ id: clip(c.id), count: 0 }));
    if (entry === undefined) return;
    if (entry.name === undefined && c.name !== undefined) entry.name = clip(c.name);
    if (entry.image === undefined && c.image !== undefined) entry.image = clip(c.image);
  }

  private addExec(e: EventRecord): void {
    const p = e.process;
    const sampleLimit = this.limits.sampleLimit;
    const exe = this.executables.hit(p.exec_path, () => ({
      execPath: clip(p.exec_path),
      count: 0,
      argv: new SampleSet<string[]>(sampleLimit),
    }));
    // NUL cannot occur inside an argument, so the join identifies the argv.
    exe?.argv.add(p.argv.join('\0'), () => clipArgv(p.argv));
    const label = stepOf(e);
    const nodeLimit = this.limits.treeNodeLimit;
    this.steps.hit(label, () => new StepAcc(clip(label), nodeLimit))?.addExec(p);
  }

  private addConnect(e: EventRecord): void {
    const n = e.network;
    if (n === undefined) return;
    const key = `${n.protocol}\0${n.address}\0${n.port}\0${n.domain ?? ''}`;
    this.network.hit(key, () => ({
      protocol: n.protocol,
      family: n.family,
      address: clip(n.address),
      port: n.port,
      ...(n.domain === undefined ? {} : { domain: clip(n.domain) }),
      count: 0,
      execPath: clip(e.process.exec_path),
      step: clip(stepOf(e)),
    }));
  }

  private addDomain(e: EventRecord): void {
    const d = e.domain;
    if (d === undefined) return;
    const sampleLimit = this.limits.sampleLimit;
    this.domains.hit(d.name, () => new DomainAcc(clip(d.name), sampleLimit))?.add(d, e.process.exec_path);
  }

  private addUnixSocket(e: EventRecord): void {
    const path = e.unix_socket?.path;
    if (path === undefined) return;
    this.unixSockets.hit(path, () => ({
      path: clip(path),
      count: 0,
      execPath: clip(e.process.exec_path),
      step: clip(stepOf(e)),
      bypass: (this.opts.dockerSockets ?? DOCKER_SOCKETS).includes(path),
    }));
  }

  private addFile(e: EventRecord): void {
    const f = e.file;
    if (f === undefined) return;
    const group = (path: string) => classifyPath(path, e.process.pid, this.streamRoots);
    const entry = (): FileEntry => ({
      path: clip(f.path),
      group: 'system',
      count: 0,
      pid: e.process.pid,
      execPath: clip(e.process.exec_path),
      step: clip(stepOf(e)),
    });
    const target = f.target_path ?? '';
    const targetPath = clip(target);
    if (e.kind === 'file_open') (isWrite(f) ? this.written : this.read).hit(group(f.path), f.path, entry);
    else if (e.kind === 'file_remove') this.removed.hit(group(f.path), f.path, entry);
    else if (e.kind === 'file_move')
      this.moved.hit(group(target), `${f.path}\0${target}`, () => ({ ...entry(), targetPath }));
    else
      this.linked.hit(group(target), `${f.path}\0${target}`, () => ({
        ...entry(),
        targetPath,
        ...(f.link_type === undefined ? {} : { linkType: f.link_type }),
      }));
  }

  build(status: SensorStatus, meta: ReportMeta): ReportModel {
    const workspace = meta.workspace ?? this.opts.workspace;
    const tempDir = meta.tempDir ?? this.opts.tempDir;
    const roots = groupRoots({ workspace, tempDir });
    return {
      version: 1,
      job: { ...meta.job },
      ...(meta.startedAt === undefined ? {} : { startedAt: meta.startedAt }),
      ...(meta.endedAt === undefined ? {} : { endedAt: meta.endedAt }),
      endedEarly: meta.endedEarly ?? false,
      notes: [...(meta.notes ?? [])],
      ...(workspace === undefined ? {} : { workspace }),
      ...(tempDir === undefined ? {} : { tempDir }),
      rowLimit: this.limits.rowLimit,
      limits: { ...this.limits },
      status: structuredClone(status),
      events: this.totals(),
      processes: {
        executables: this.executables.capped((x) => ({
          execPath: x.execPath,
          count: x.count,
          argvSamples: x.argv.toSamples(),
        })),
        trees: this.steps.capped((s) => s.toTree()),
      },
      network: this.network.capped((n) => ({ ...n })),
      domains: this.domains.capped((d) => d.toEntry()),
      files: this.files(roots),
      unixSockets: this.unixSockets.capped((u) => ({ ...u })),
      containers: this.containers.capped((c) => ({ ...c })),
    };
  }

  private totals(): EventTotals {
    return {
      total: this.total,
      byKind: { ...this.byKind },
      ...(this.firstTime === undefined ? {} : { firstTime: this.firstTime }),
      ...(this.lastTime === undefined ? {} : { lastTime: this.lastTime }),
    };
  }

  private files(roots: [string, FileGroup][]): FileReport {
    return {
      written: this.written.capped(roots),
      read: this.read.capped(roots),
      removed: this.removed.capped(roots),
      moved: this.moved.capped(roots),
      linked: this.linked.capped(roots),
    };
  }
}
