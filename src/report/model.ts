/** The report model, built as events arrive (ReportBuilder.add) and bounded however many there are; its shapes are in modelTypes.ts. */
import { EVENT_KINDS, TrackedEvent, type EventKind, type EventRecord } from '../events/eventRecord.js';
import type { SensorStatus } from '../events/sensorStatus.js';
import { DomainAcc, NetAcc, StepAcc } from './accumulators.js';
import { clip, clipArgv, FirstSeen, SampleSet, TopCounted, type Counted } from './counting.js';
import { classifyPath, groupRoots, GroupedFiles } from './fileGroups.js';
import { EgressAcc } from './egress.js';
import {
  DEFAULT_LIMITS,
  type ContainerEntry,
  type EventTotals,
  type FileEntry,
  type FileGroup,
  type FileLinkEntry,
  type FileMoveEntry,
  type FileReport,
  type ReportLimits,
  type ReportMeta,
  type ReportModel,
  type AccessEntry,
  type ReportOptions,
  type SensitiveEntry,
  type UnixSocketEntry,
} from './modelTypes.js';
import { sensitiveReason } from './sensitive.js';
import { TimelineAcc, TimeParser, TimeSpan } from './timeline.js';

export * from './modelTypes.js';
export { classifyPath, groupRoots } from './fileGroups.js';

const DOCKER_SOCKETS: readonly string[] = ['/var/run/docker.sock', '/run/docker.sock'];

function isWrite(file: NonNullable<EventRecord['file']>): boolean {
  if (file.access === 'write' || file.access === 'read_write') return true;
  const flags = file.flags;
  if (flags === undefined) return false;
  for (let i = 0; i < flags.length; i++) if (flags[i] === 'O_CREAT' || flags[i] === 'O_TRUNC') return true;
  return false;
}

const OPERATIONS: Record<string, SensitiveEntry['operation']> = {
  file_remove: 'remove',
  file_move: 'move',
  file_link: 'link',
};

function stepOf(e: EventRecord): string {
  // `||`: an empty label says no more than a missing one.
  return e.step?.label || 'job';
}

/** A file's entry as its first event shows it (its group is decided when the report is built). */
function fileEntry(e: EventRecord): FileEntry {
  return {
    path: clip(e.file!.path),
    group: 'system',
    count: 0,
    pid: e.process.pid,
    execPath: clip(e.process.exec_path),
    step: clip(stepOf(e)),
  };
}

interface ExecAcc extends Counted {
  execPath: string;
  argv: SampleSet<string[]>;
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
  private readonly span = new TimeSpan();
  private readonly executables: FirstSeen<ExecAcc>;
  private readonly steps: FirstSeen<StepAcc>;
  private lastStep: { label: string; acc: StepAcc } | undefined;
  private readonly network: FirstSeen<NetAcc>;
  private readonly domains: FirstSeen<DomainAcc>;
  private readonly unixSockets: FirstSeen<UnixSocketEntry>;
  private readonly containers: FirstSeen<ContainerEntry>;
  private readonly written: GroupedFiles<FileEntry>;
  private readonly read: GroupedFiles<FileEntry>;
  private readonly removed: GroupedFiles<FileEntry>;
  private readonly moved: GroupedFiles<FileMoveEntry>;
  private readonly linked: GroupedFiles<FileLinkEntry>;
  private readonly sensitive: FirstSeen<SensitiveEntry>;
  private readonly accesses: FirstSeen<AccessEntry>;
  private readonly timeline = new TimelineAcc();
  private readonly times = new TimeParser();
  private readonly blocked = { connects: 0, domains: 0 };
  private readonly egress: EgressAcc;

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
    this.egress = new EgressAcc(entries);
    const top = this.limits.readTopLimit;
    this.written = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.read = new GroupedFiles(() => new TopCounted<FileEntry>(top), (v) => v.path);
    this.removed = new GroupedFiles(() => new FirstSeen(entries), (v) => v.path);
    this.moved = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
    this.linked = new GroupedFiles(() => new FirstSeen(entries), (v) => v.targetPath);
    this.sensitive = new FirstSeen(entries);
    this.accesses = new FirstSeen(entries);
  }

  add(e: EventRecord): void {
    const micros = TrackedEvent.microsOf(e);
    this.countEvent(e, micros);
    if (e.container !== undefined) this.addContainer(e.container);
    this.stepOf(stepOf(e))?.addEvent(e, micros);
    switch (e.kind) {
      case 'process_exec':
        return this.addExec(e);
      case 'network_connect':
        this.egress.add(e, stepOf(e));
        return this.addConnect(e);
      case 'domain':
        this.egress.add(e, stepOf(e));
        return this.addDomain(e);
      case 'unix_socket_connect':
        return this.addUnixSocket(e);
      case 'process_access':
        return this.addAccess(e);
      case 'file_open':
      case 'file_remove':
      case 'file_move':
      case 'file_link':
        return this.addFile(e);
    }
  }

  /**
   * The step's accumulator, its event counted. A step's events come in runs:
   * the last one found is asked first, which counts it as the collector would.
   */
  private stepOf(label: string): StepAcc | undefined {
    const last = this.lastStep;
    if (last !== undefined && last.label === label) {
      last.acc.count++;
      return last.acc;
    }
    const nodeLimit = this.limits.treeNodeLimit;
    const acc = this.steps.hit(label, () => new StepAcc(clip(label), nodeLimit));
    this.lastStep = acc === undefined ? undefined : { label, acc };
    return acc;
  }

  private countEvent(e: EventRecord, micros: number): void {
    this.total++;
    // Unknown kinds are counted too, so that totals still add up.
    this.byKind[e.kind] = (this.byKind[e.kind] ?? 0) + 1;
    this.span.add(e.time, micros);
    // The milliseconds TimeParser would read from the text.
    this.timeline.add(e.kind, micros === micros ? Math.floor(micros / 1000) : this.times.ms(e.time));
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
  }

  private addConnect(e: EventRecord): void {
    const n = e.network;
    if (n === undefined) return;
    if (n.blocked === true) this.blocked.connects++;
    const key = `${n.protocol}\0${n.address}\0${n.port}\0${n.domain ?? ''}`;
    const step = stepOf(e);
    const sampleLimit = this.limits.sampleLimit;
    this.network.hit(key, () => new NetAcc(e, n, step, sampleLimit))?.add(e, step);
  }

  private addDomain(e: EventRecord): void {
    const d = e.domain;
    if (d === undefined) return;
    if (d.blocked === true) this.blocked.domains++;
    const sampleLimit = this.limits.sampleLimit;
    const make = () => new DomainAcc(clip(d.name), e.time, sampleLimit);
    this.domains.hit(d.name, make)?.add(d, e.process.exec_path);
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

  /** The event's socket is dockerd's own, found by inode: a bypass whatever path named it. */
  markDockerBypass(e: EventRecord): void {
    const entry = e.unix_socket === undefined ? undefined : this.unixSockets.peek(e.unix_socket.path);
    if (entry !== undefined) entry.bypass = true;
  }

  private addAccess(e: EventRecord): void {
    const a = e.access;
    if (a === undefined) return;
    const key = `${a.operation}\0${a.request ?? ''}\0${a.target.pid}\0${e.process.exec_path}`;
    const entry = this.accesses.hit(key, () => ({
      operation: a.operation,
      ...(a.request === undefined ? {} : { request: clip(a.request) }),
      targetPid: a.target.pid,
      ...(a.target.exec_path === undefined ? {} : { targetExec: clip(a.target.exec_path) }),
      inJob: a.target.in_job === true,
      count: 0,
      prevented: 0,
      execPath: clip(e.process.exec_path),
      step: clip(stepOf(e)),
      firstTime: e.time,
    }));
    if (entry !== undefined && a.prevented === true) entry.prevented++;
  }

  private addFile(e: EventRecord): void {
    const f = e.file;
    if (f === undefined) return;
    const pid = e.process.pid;
    const reason = sensitiveReason(f.path, pid);
    if (reason !== undefined) {
      const operation = e.kind === 'file_open' ? (isWrite(f) ? 'write' : 'read') : OPERATIONS[e.kind];
      this.sensitive.hit(`${operation}\0${f.path}`, () => ({ ...fileEntry(e), reason, operation }));
    }
    // The open storm's path: no closure per event.
    if (e.kind === 'file_open') {
      (isWrite(f) ? this.written : this.read).hit(classifyPath(f.path, pid, this.streamRoots), f.path, fileEntry, e);
      return;
    }
    const target = f.target_path ?? '';
    const targetPath = clip(target);
    const group = (path: string) => classifyPath(path, pid, this.streamRoots);
    if (e.kind === 'file_remove') this.removed.hit(group(f.path), f.path, fileEntry, e);
    else if (e.kind === 'file_move')
      this.moved.hit(group(target), `${f.path}\0${target}`, () => ({ ...fileEntry(e), targetPath }));
    else
      this.linked.hit(group(target), `${f.path}\0${target}`, () => ({
        ...fileEntry(e),
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
      network: this.network.capped((n) => n.toEntry()),
      domains: this.domains.capped((d) => d.toEntry()),
      files: this.files(roots),
      unixSockets: this.unixSockets.capped((u) => ({ ...u })),
      containers: this.containers.capped((c) => ({ ...c })),
      egress: this.egress.build(),
      ...this.extras(meta),
    };
  }

  private extras(meta: ReportMeta): Pick<ReportModel, 'timeline' | 'accesses' | 'findings' | 'alerts'> {
    const timeline = this.timeline.toTimeline();
    return {
      ...(timeline === undefined ? {} : { timeline }),
      accesses: this.accesses.capped((a) => ({ ...a })),
      ...(meta.findings === undefined ? {} : { findings: structuredClone(meta.findings) }),
      ...(meta.alerts === undefined ? {} : { alerts: meta.alerts.map((a) => ({ ...a })) }),
    };
  }

  private totals(): EventTotals {
    return {
      total: this.total,
      byKind: { ...this.byKind },
      blocked: { ...this.blocked },
      ...(this.span.first === undefined ? {} : { firstTime: this.span.first }),
      ...(this.span.last === undefined ? {} : { lastTime: this.span.last }),
    };
  }

  private files(roots: [string, FileGroup][]): FileReport {
    return {
      written: this.written.capped(roots),
      read: this.read.capped(roots),
      removed: this.removed.capped(roots),
      moved: this.moved.capped(roots),
      linked: this.linked.capped(roots),
      sensitive: this.sensitive.capped((v) => ({ ...v, group: classifyPath(v.path, v.pid, roots) })),
    };
  }
}
