/**
 * Tamper signals: what root in a job can do to blind the sensor, found by
 * the sensor and written into every report it concerns. Checked every
 * second and at every job's end: the sensor's BPF links (still attached,
 * still running our program), tracked_cgroups (every live cgroup of every
 * job still in it), and the mount table (nothing mounted over the cgroup
 * fs). The kernel's own records of the sensor's process (a signal sent to
 * it, a stop, a tracer) arrive through the tracker.
 */
import { constants } from 'node:os';
import type { TamperSample } from '../kernel/decode.js';
import type { KernelTracker } from '../kerneltracker/kernelTracker.js';
import type { LinkState } from '../native/sensor.js';
import { covers, readMounts, type MountEntry } from '../platform/mounts.js';
import { rfc3339Micros } from '../events/eventTime.js';

export interface TamperNotice {
  /** What happened and when, for a reader of the report. */
  message: string;
  /** The one job it concerns (a cgroup of its own); absent: every job being recorded. */
  jobId?: string;
}

/** The sensor as the checks need it. */
export interface TamperSensor {
  links(): LinkState[];
  trackedCgroups(): bigint[];
  trackCgroup(id: bigint, policy?: number): void;
  cgroupAlive(id: bigint): boolean;
}

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, n]) => [n, name]));
const signalName = (n: number): string => SIGNAL_NAMES.get(n) ?? `signal ${n}`;

export class TamperWatch {
  private readonly baseLinks: LinkState[];
  private readonly baseMounts: Set<number>;
  /** Conditions that last (a link detached, a mount in place): every job ending while they do is told. */
  private readonly standing = new Map<string, TamperNotice>();

  constructor(
    private readonly sensor: TamperSensor,
    private readonly tracker: KernelTracker,
    private readonly cgroupRoot: string,
    private readonly bootToRealNs: number,
    private readonly tell: (n: TamperNotice) => void,
    private readonly mounts: () => MountEntry[] = readMounts,
  ) {
    this.baseLinks = sensor.links();
    this.baseMounts = new Set(this.mounts().map((m) => m.id));
  }

  /** Runs every check; what is found is told once, when first seen. */
  check(): void {
    this.checkLinks();
    this.checkTracked();
    this.checkMounts();
  }

  /** Notices that still hold, for a job ending now. */
  standingNotices(): TamperNotice[] {
    return [...this.standing.values()];
  }

  private raise(key: string, message: string): void {
    if (this.standing.has(key)) return;
    const notice = { message };
    this.standing.set(key, notice);
    this.tell(notice);
  }

  private checkLinks(): void {
    const now = new Date().toISOString();
    this.sensor.links().forEach((link, i) => {
      const was = this.baseLinks[i];
      if (was === undefined) return;
      const what = `BPF link ${was.link} (program ${was.name})`;
      if (was.attached && !link.attached) {
        this.raise(`link:${i}:detached`, `${what} was found detached at ${now}: what it recorded is missing from then on.`);
      } else if (link.prog !== was.prog) {
        this.raise(
          `link:${i}:prog:${link.prog}`,
          `${what} was found running another program (id ${link.prog}, not ${was.prog}) at ${now}: from then on, what it recorded is missing or forged.`,
        );
      }
    });
  }

  /**
   * A live cgroup of a job missing from tracked_cgroups was taken out by
   * someone else (bpftool map delete): only the kernel's rmdir hook and the
   * job's end remove entries, and a cgroup removed by rmdir no longer
   * exists by id. It is put back and the job's report says so.
   */
  private checkTracked(): void {
    const inMap = new Set(this.sensor.trackedCgroups().map((id) => Number(id)));
    for (const { id, jobId, path } of this.tracker.registry.liveCgroups()) {
      if (inMap.has(id) || !this.sensor.cgroupAlive(BigInt(id))) continue;
      this.sensor.trackCgroup(BigInt(id), this.tracker.registry.get(jobId)?.policyId ?? 0);
      const now = new Date().toISOString();
      const name = path === undefined ? `cgroup ${id}` : `cgroup ${path} (id ${id})`;
      this.tell({
        jobId,
        message: `${name} was removed from the sensor's tracked_cgroups map (found at ${now}) and has been tracked again: activity in it shortly before is missing.`,
      });
    }
  }

  private checkMounts(): void {
    const now = this.mounts();
    // A mount taken away again no longer concerns jobs that end later; those that ran meanwhile were told.
    const ids = new Set(now.map((m) => `mount:${m.id}`));
    for (const key of this.standing.keys()) if (key.startsWith('mount:') && !ids.has(key)) this.standing.delete(key);
    for (const m of now) {
      if (this.baseMounts.has(m.id) || !covers(m.mountPoint, this.cgroupRoot)) continue;
      this.raise(
        `mount:${m.id}`,
        `A ${m.fsType} file system was mounted on ${m.mountPoint}, over the cgroup file system at ${this.cgroupRoot} (found at ${new Date().toISOString()}): the jobs' cgroups stay tracked by id, but what reads cgroups by path is misled.`,
      );
    }
  }

  private when(timeNs: number): string {
    return rfc3339Micros(timeNs + this.bootToRealNs);
  }

  private who(pid: number, startNs: number): string {
    const p = this.tracker.describeProcess(pid, startNs);
    const exec = p.exec_path === undefined ? '' : ` (${p.exec_path})`;
    return `pid ${pid}${exec}${p.job === undefined ? ', outside the jobs' : `, in job ${p.job}`}`;
  }

  /** A record of the kernel's about the sensor's own process. */
  kernel(s: TamperSample): void {
    const self = `the sensor (pid ${process.pid})`;
    if (s.op === 'signal') {
      this.tell({ message: `${signalName(s.signal)} was sent to ${self} at ${this.when(s.timeNs)} by ${this.who(s.pid, s.startNs)}.` });
    } else if (s.op === 'traced') {
      this.tell({ message: `The sensor (pid ${process.pid}, thread ${s.tid}) was put under ptrace by ${this.who(s.tracerPid, s.tracerStartNs)}, seen at ${this.when(s.timeNs)}.` });
    } else {
      const secs = (s.totalNs / 1e9).toFixed(3);
      const how = s.count === 1 ? `${s.state} for ${secs} s` : `${s.state} ${s.count} times, ${secs} s in all,`;
      this.tell({
        message: `The sensor (pid ${process.pid}) was ${how} between ${this.when(s.stoppedNs)} and ${this.when(s.timeNs)} (as the kernel stamped it): records of that time were read afterwards, and any the ring buffer could not hold are counted as lost.`,
      });
    }
  }
}
