/** The report model's shapes (report.json) and the limits that bound it. */
import type { EventKind, JobIdentity } from '../events/eventRecord.js';
import type { Finding } from '../events/finding.js';
import type { SensorStatus } from '../events/sensorStatus.js';
import type { EgressReport } from './egress.js';

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
  alerts?: ReportAlert[];
  findings?: Finding[];
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
  /** Of the first connection (reports from before this field lack it). */
  firstTime?: string;
  /** Attempts the egress policy refused. */
  blocked?: number;
  /** Every process and step that connected, as samples. */
  processes?: Samples;
  steps?: Samples;
}

export interface DomainEntry {
  name: string;
  count: number;
  sources: string[];
  queryTypes: Samples;
  answers: Samples;
  processes: Samples;
  /** Questions the egress policy dropped. */
  blocked?: number;
  firstTime?: string;
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
  /** Reads (and writes) of credentials and of other processes' memory or environment. */
  sensitive?: Capped<SensitiveEntry>;
}

/** A read of a place that holds secrets: always kept by path, however many other reads there were. */
export interface SensitiveEntry extends FileEntry {
  /** What the place holds, e.g. 'SSH keys'; our own words. */
  reason: string;
  operation: 'read' | 'write' | 'remove' | 'move' | 'link';
}

/** A process of the job reaching into another's memory or execution (ptrace, process_vm_*, /proc/<pid>/mem). */
export interface AccessEntry {
  operation: string;
  /** ptrace only: PTRACE_ATTACH, … */
  request?: string;
  targetPid: number;
  targetExec?: string;
  /** The target belongs to the job itself (a debugger on its own child). */
  inJob: boolean;
  count: number;
  /** Attempts the sensor stopped before they happened. */
  prevented: number;
  execPath: string;
  step: string;
  firstTime: string;
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
  /** Events of other kinds this process had while running this program. */
  activity?: Partial<Record<EventKind, number>>;
}

export interface StepTree {
  label: string;
  /** process_exec events in this step, kept or not. */
  count: number;
  /** In exec order; a parent always comes before its children. */
  nodes: TreeNode[];
  omitted: number;
  firstTime?: string;
  lastTime?: string;
  /** Events of the step, every kind. */
  events?: number;
}

/**
 * Events per kind over the job's time, in equal buckets: the buckets widen
 * (doubling) as the job runs on, so their number stays bounded.
 */
export interface Timeline {
  /** Milliseconds since the epoch at the start of bucket 0. */
  startMs: number;
  bucketMs: number;
  counts: Partial<Record<EventKind, number[]>>;
}

/**
 * Something that makes the report less complete or less trustworthy:
 * 'loss' (records lost), 'tamper' (the sensor was disturbed, or bypassed),
 * 'coverage' (a part of the job was not observed).
 */
export interface ReportAlert {
  kind: 'loss' | 'tamper' | 'coverage';
  message: string;
}

export interface EventTotals {
  total: number;
  byKind: Record<EventKind, number>;
  /** Connects and DNS questions the egress policy refused. */
  blocked?: { connects: number; domains: number };
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
  timeline?: Timeline;
  /** process_access events by operation, target and process (reports from before them lack it). */
  accesses?: Capped<AccessEntry>;
  /** Destinations outside the egress policy and the recommended allowed-endpoints (absent in reports of older versions). */
  egress?: EgressReport;
  /** Hits of the job's rules (findings.ndjson's lines); absent when no rules were loaded. */
  findings?: Finding[];
  /** The events.ndjson lines the findings point at (line seq + 1), so the report shows each finding's event. */
  findingEvents?: FindingEvent[];
  alerts?: ReportAlert[];
}

/** One event a finding matched, as its line in events.ndjson. */
export interface FindingEvent {
  seq: number;
  /** The line's JSON; a long one is cut (and says so) and stays whole in events.ndjson. */
  line: string;
  cut?: boolean;
}
