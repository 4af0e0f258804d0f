/**
 * The sensor side of recording, shared by the daemon and `cicd-sensor run`:
 * one attached sensor, the KernelTracker fed by the pump, the docker proxy
 * that stages containers for their job, and the JobRecordings of the jobs
 * being watched.
 */
import type { AttachPlanEntry, SensorStatus } from '../events/sensorStatus.js';
import { Sensor } from '../native/sensor.js';
import { KernelTracker } from '../kerneltracker/kernelTracker.js';
import { EnvVar } from '../action/constants.js';
import { startCpuProfile } from '../platform/cpuProfile.js';
import { capYoungGeneration } from '../platform/youngGeneration.js';
import { Pump } from '../kerneltracker/pump.js';
import { sensorStatus } from '../kerneltracker/status.js';
import { startDocker, type DockerOptions, type DockerSetup } from './docker.js';
import { JobRecording, type FinishedRecording, type JobRecordingOptions } from './jobRecording.js';
import { TamperWatch, type TamperNotice } from './tamper.js';

/** How often the sensor checks its links, its maps and the mount table. */
const TAMPER_CHECK_MS = 1000;

/** The docker proxy's settings; the recorder supplies the tracker, the cgroup root and the notes. */
export type RecorderDockerOptions = Omit<DockerOptions, 'tracker' | 'cgroupRoot' | 'note' | 'guardOf' | 'settle'>;

export class Recorder {
  readonly tracker: KernelTracker;
  readonly pump: Pump;
  private docker_: DockerSetup | undefined;
  private readonly recordings = new Map<string, JobRecording>();
  private readonly tamper: TamperWatch;
  private tamperTimer: NodeJS.Timeout | undefined;
  /** Writes the CPU profile asked for (EnvVar.DebugCpuProfile). */
  private stopProfile: (() => void) | undefined;

  /** sensor: attached (the tamper checks take its links as they are now). */
  constructor(
    readonly sensor: Sensor,
    readonly plan: AttachPlanEntry[],
    readonly cgroupRoot: string,
  ) {
    // The tracker's memory through a long job (see youngGeneration.ts).
    capYoungGeneration();
    const bootToReal = Sensor.bootToRealtimeNs();
    this.tracker = new KernelTracker(sensor, bootToReal);
    this.pump = new Pump(sensor, this.tracker, { afterBatch: () => this.flush() });
    this.tamper = new TamperWatch(sensor, this.tracker, cgroupRoot, bootToReal, (n) => this.tell(n));
    this.tracker.onTamper = (s) => this.tamper.kernel(s);
  }

  /** Starts reading the kernel, the tamper checks and, when asked and a dockerd is there, the docker proxy. */
  async start(docker?: RecorderDockerOptions): Promise<void> {
    const profile = process.env[EnvVar.DebugCpuProfile];
    if (profile) this.stopProfile = startCpuProfile(profile);
    this.pump.start();
    this.tamperTimer = setInterval(() => this.tamper.check(), TAMPER_CHECK_MS);
    this.tamperTimer.unref();
    if (!docker) return;
    this.docker_ = await startDocker({
      ...docker,
      cgroupRoot: this.cgroupRoot,
      tracker: this.tracker,
      note: (jobId, message) => this.recordings.get(jobId)?.note(message),
      guardOf: (jobId) => this.recordings.get(jobId)?.containerGuard,
      settle: () => this.pump.settle(),
    });
    this.tracker.dockerSocket = this.docker_?.daemonSocket;
  }

  private tell(n: TamperNotice): void {
    const to = n.jobId === undefined ? this.recordings.values() : [this.recordings.get(n.jobId)];
    for (const recording of to) recording?.tamper(n.message);
  }

  get docker(): DockerSetup | undefined {
    return this.docker_;
  }

  status(): SensorStatus {
    return sensorStatus(this.plan, this.sensor.counters(), this.tracker.counts, this.sensor.rings);
  }

  /** Starts recording a job (see JobRecording); the report knows the proxy's bypass paths. */
  begin(opts: Omit<JobRecordingOptions, 'dockerSockets'>): JobRecording {
    if (this.recordings.has(opts.identity.id)) throw new Error(`job ${opts.identity.id} is already registered`);
    const recording = new JobRecording(this.tracker, { ...opts, dockerSockets: this.docker_?.bypassPaths });
    this.recordings.set(opts.identity.id, recording);
    return recording;
  }

  get(id: string): JobRecording | undefined {
    return this.recordings.get(id);
  }

  ids(): string[] {
    return [...this.recordings.keys()];
  }

  /** Closes a job whose records are all handled (after settle() or stop()) and writes its report. */
  finish(id: string): FinishedRecording {
    const recording = this.recordings.get(id);
    if (!recording) throw new Error(`no job ${id} is registered`);
    // The last look for this job: links, its cgroups in tracked_cgroups, mounts.
    this.tamper.check();
    for (const n of this.tamper.standingNotices()) recording.tamper(n.message);
    this.recordings.delete(id);
    return recording.finish(this.status());
  }

  /** Flushes every job's log (after each batch). */
  flush(): void {
    for (const recording of this.recordings.values()) recording.flush();
  }

  /** Stops the docker proxy (and undoes its interposition); once. */
  closeDocker(): void {
    this.docker_?.close();
    this.docker_ = undefined;
    this.tracker.dockerSocket = undefined;
  }

  /** Stops the proxy, the tamper checks and the pump after a last drain; jobs are still open. */
  async stop(): Promise<void> {
    clearInterval(this.tamperTimer);
    this.closeDocker();
    await this.pump.stop();
    this.stopProfile?.();
    this.stopProfile = undefined;
  }
}
