/** What the report keeps of one destination, domain or step while events arrive; model.ts decides which are kept. */
import type { EventRecord } from '../events/eventRecord.js';
import { clip, clipArgv, SampleSet, type Counted } from './counting.js';
import type { DomainEntry, NetworkEntry, StepTree, TreeNode } from './modelTypes.js';
import { TimeSpan } from './timeline.js';

/** More than the schema's three sources, in case one is added; a bound all the same. */
const MAX_SOURCES = 8;

export class NetAcc implements Counted {
  count = 0;
  private blocked = 0;
  private readonly processes: SampleSet<string>;
  private readonly steps: SampleSet<string>;
  private readonly first: Omit<NetworkEntry, 'count'>;

  constructor(e: EventRecord, n: NonNullable<EventRecord['network']>, step: string, sampleLimit: number) {
    this.processes = new SampleSet(sampleLimit);
    this.steps = new SampleSet(sampleLimit);
    this.first = {
      protocol: n.protocol,
      family: n.family,
      address: clip(n.address),
      port: n.port,
      ...(n.domain === undefined ? {} : { domain: clip(n.domain) }),
      execPath: clip(e.process.exec_path),
      step: clip(step),
      firstTime: e.time,
    };
  }

  add(e: EventRecord, step: string): void {
    if (e.network?.blocked === true) this.blocked++;
    this.processes.add(e.process.exec_path, () => clip(e.process.exec_path));
    this.steps.add(step, () => clip(step));
  }

  toEntry(): NetworkEntry {
    return {
      ...this.first,
      count: this.count,
      blocked: this.blocked,
      processes: this.processes.toSamples(),
      steps: this.steps.toSamples(),
    };
  }
}

export class DomainAcc implements Counted {
  count = 0;
  private blocked = 0;
  private readonly sources: string[] = [];
  private readonly queryTypes: SampleSet<string>;
  private readonly answers: SampleSet<string>;
  private readonly processes: SampleSet<string>;

  constructor(
    private readonly name: string,
    private readonly firstTime: string,
    sampleLimit: number,
  ) {
    this.queryTypes = new SampleSet(sampleLimit);
    this.answers = new SampleSet(sampleLimit);
    this.processes = new SampleSet(sampleLimit);
  }

  add(d: NonNullable<EventRecord['domain']>, execPath: string): void {
    if (d.blocked === true) this.blocked++;
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
      blocked: this.blocked,
      firstTime: this.firstTime,
    };
  }
}

/**
 * The process tree of one step, as nodes in exec order. A parent is linked
 * only if it exec'd earlier, so the tree cannot have cycles even when pids
 * are reused.
 */
export class StepAcc implements Counted {
  /** Events of the step, counted by the collector that keeps steps. */
  count = 0;
  private execs = 0;
  private readonly span = new TimeSpan();
  private readonly nodes: TreeNode[] = [];
  private readonly latestByPid = new Map<number, number>();
  private omitted = 0;

  constructor(
    private readonly label: string,
    private readonly nodeLimit: number,
  ) {}

  /** Every event of the step (`micros`: TrackedEvent.microsOf): its time span, and what each process did. */
  addEvent(e: EventRecord, micros: number): void {
    this.span.add(e.time, micros);
    if (e.kind === 'process_exec') return this.addExec(e.process);
    if (e.kind === 'process_exit') return this.addExit(e.process);
    const index = this.latestByPid.get(e.process.pid);
    if (index === undefined) return;
    const activity = (this.nodes[index].activity ??= {});
    activity[e.kind] = (activity[e.kind] ?? 0) + 1;
  }

  private addExec(p: EventRecord['process']): void {
    this.execs++;
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

  private addExit(p: EventRecord['process']): void {
    const index = this.latestByPid.get(p.pid);
    if (index === undefined) return;
    const node = this.nodes[index];
    if (p.exit_code !== undefined) node.exitCode = p.exit_code;
    if (p.exit_signal !== undefined) node.exitSignal = p.exit_signal;
  }

  toTree(): StepTree {
    const nodes = this.nodes.map((n) => ({
      ...n,
      argv: [...n.argv],
      ...(n.activity === undefined ? {} : { activity: { ...n.activity } }),
    }));
    return {
      label: this.label,
      count: this.execs,
      nodes,
      omitted: this.omitted,
      events: this.count,
      ...(this.span.first === undefined ? {} : { firstTime: this.span.first, lastTime: this.span.last }),
    };
  }
}
