/**
 * The control protocol on DIR/control.sock: one JSON object per line each
 * way. Requests are validated here, field by field, so the daemon only ever
 * sees well-formed ones; anything else gets an error reply.
 */
import type { JobIdentity } from '../events/eventRecord.js';
import { PolicyError } from '../policy/endpoints.js';
import { parsePolicy, type EgressPolicy } from '../policy/policy.js';
import type { AttachPlanEntry, HookCounters, RingStatus } from '../events/sensorStatus.js';
import type { RulesPayload } from '../rules/jobRules.js';
import type { WorkflowStep } from '../findings/workflowStep.js';
import type { ReportModel } from '../report/model.js';
import type { LinkState } from '../native/sensor.js';

export type Request =
  | {
      op: 'register';
      job: JobIdentity;
      cgroup?: string;
      pid?: number;
      /** With cgroup: the process that stands in for Runner.Worker (its children are the job's steps); `cicd-sensor run` is its command's. */
      worker?: number;
      notes?: string[];
      protect?: boolean;
      rules?: RulesPayload;
      egress?: EgressWire;
      /** Rows per table in the job's summary.md (the action's summary-rows). */
      summaryRows?: number;
    }
  | { op: 'unregister'; id: string }
  | ReportRequest
  | { op: 'rules'; id: string; rules: RulesPayload }
  | SudoRequest
  | { op: 'stats' }
  | { op: 'stop' };

/**
 * A finished job's report from the daemon itself (post's source of truth):
 * its model, and the root-owned files of its artifact, sealed with what
 * post adds (tamper problems it saw, where findings sit in the workflow).
 */
export interface ReportRequest {
  op: 'report';
  id: string;
  /** Problems post found with the sensor (src/action/daemonProcess.ts), for the report's verdict. */
  alerts?: string[];
  /** The workflow file and its job's steps, where findings.sarif anchors results. */
  place?: { file: string; steps: WorkflowStep[] };
}

/**
 * disable-sudo (src/daemon/sudo.ts): disable removes the sudo of the job's
 * registrant (root names the user), !disable gives back what the daemon
 * removed for the job.
 */
export interface SudoRequest {
  op: 'sudo';
  id: string;
  disable: boolean;
  /** Root only: whose sudo; others always remove their own. */
  user?: string;
  /** Giving it back (!disable), for anyone but root: the token the disable answered with. */
  token?: string;
}

export type Response = { ok: true; [key: string]: unknown } | Refusal;

export interface Refusal {
  ok: false;
  error: string;
}

export interface RegisterReply {
  ok: true;
  id: string;
  /** The cgroup tracked as the job. */
  cgroup: string;
  /** The runner's worker was moved into a cgroup of its own. */
  isolated: boolean;
  /** How the cgroup was chosen, when the report should say so. */
  note?: string;
  workerPid?: number;
  /** The job's events log. */
  events: string;
  /** DOCKER_HOST for the job, when the docker proxy runs. */
  dockerHost?: string;
  /** The egress policy in force for the job, if one was asked for; exempt: the runner's worker. */
  egress?: { mode: 'audit' | 'block'; exempt: number[] };
}

export interface UnregisterReply {
  ok: true;
  id: string;
  dir: string;
  /** Events the job got in all. */
  delivered: number;
  events: string;
  summary: string;
  report: string;
  /** report.html */
  html: string;
}

export interface ReportReply {
  ok: true;
  id: string;
  dir: string;
  model: ReportModel;
  /** The artifact's files: names in dir, each root's and written by the daemon. */
  files: string[];
}

export interface StatsReply {
  ok: true;
  pid: number;
  startedAt: string;
  plan: AttachPlanEntry[];
  hooks: HookCounters[];
  lostRecords: number;
  /** Each kernel ring buffer: size, records sent and lost (file records on 'bulk', every other kind on 'priority'). */
  rings: RingStatus[];
  undecodable: number;
  unattributed: number;
  ownerless: number;
  /** BPF links still attached: fewer than at the start means someone detached programs. */
  linksAlive: number;
  /** Every BPF link the sensor attached and the program attached through it now. */
  links: LinkState[];
  processes: number;
  /** Sizes of the tracker's tables: all zero with no job registered. */
  mirror: Record<string, number>;
  maps: Record<string, number>;
  /** lostOnWrite: events the job's log could not take (disk full, I/O error). */
  jobs: { id: string; delivered: number; lostOnWrite: number }[];
  /** Exceptions and rejections nobody handled, logged and survived. */
  internalErrors: number;
  /** Open control connections by pool (src/daemon/slots.ts): "root", "uid N", "step WORKER". */
  connections: Record<string, number>;
  /** The daemon's process.memoryUsage(): bytes resident, and of V8's heap, external and array buffers. */
  memory: NodeJS.MemoryUsage;
  docker: { proxy: string; upstream: string; interposed: string | null } | null;
}

export interface StopReply {
  ok: true;
  stopping: true;
}

export interface SudoReply {
  ok: true;
  /** disable: the drop-in that removes it, and the token that gives it back; restore: whether there was anything to give back. */
  file?: string;
  token?: string;
  restored?: boolean;
}

export interface RulesReply {
  ok: true;
  /** The job's findings so far, its log replayed through the new rules. */
  findings: number;
}

/** The reply a request gets: its own kind, or a refusal. */
export type ReplyTo<R extends Request> =
  | (R extends { op: 'register' }
      ? RegisterReply
      : R extends { op: 'unregister' }
        ? UnregisterReply
        : R extends { op: 'stats' }
          ? StatsReply
          : R extends { op: 'rules' }
            ? RulesReply
            : R extends { op: 'report' }
              ? ReportReply
              : R extends { op: 'sudo' }
                ? SudoReply
                : StopReply)
  | Refusal;

/** A request line longer than this is refused without being parsed (room for a job's rule files' text). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const MAX_RULE_FILES = 64;

const MAX_NOTES = 16;

export class ProtocolError extends Error {}

/** Job ids name directories: keep them to a safe alphabet. */
export const JOB_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const IDENTITY_FIELDS = ['name', 'workflow', 'repository', 'run_id', 'run_attempt'] as const;

function text(v: unknown, field: string, max = 1024): string {
  if (typeof v !== 'string') throw new ProtocolError(`${field} must be a string`);
  if (v.length > max) throw new ProtocolError(`${field} is longer than ${max} characters`);
  return v;
}

function identity(v: unknown): JobIdentity {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProtocolError('job must be an object');
  const o = v as Record<string, unknown>;
  const id = text(o.id, 'job.id', 128);
  if (!JOB_ID_PATTERN.test(id)) throw new ProtocolError('job.id may hold letters, digits, ".", "_" and "-" (1-128)');
  const job: JobIdentity = { id };
  for (const f of IDENTITY_FIELDS) if (o[f] !== undefined) job[f] = text(o[f], `job.${f}`);
  return job;
}

/** Notes for the job's report from whoever registers it (the action's own observations). */
function notes(v: unknown): string[] {
  if (!Array.isArray(v) || v.length > MAX_NOTES) throw new ProtocolError(`notes must be an array of at most ${MAX_NOTES} strings`);
  return v.map((n, i) => text(n, `notes[${i}]`));
}

/** A job's egress policy as a register request carries it (the action's inputs, as text). */
export interface EgressWire {
  mode?: string;
  allowed_endpoints?: string;
  allow_loopback?: boolean;
  container_policy?: string;
  /** The runner's home and tool directories, which the job's containers may not bind. */
  host_paths?: string[];
  /** The job's own places inside them, which they may (the workspace, RUNNER_TEMP). */
  job_paths?: string[];
}

export function policyOf(w: EgressWire): EgressPolicy {
  return parsePolicy({
    egressPolicy: w.mode,
    allowedEndpoints: w.allowed_endpoints,
    allowLoopback: w.allow_loopback,
    containerPolicy: w.container_policy,
    containerHostPaths: w.host_paths,
    containerJobPaths: w.job_paths,
  });
}

const MAX_GUARD_PATHS = 16;

function paths(v: unknown, field: string): string[] {
  if (!Array.isArray(v) || v.length > MAX_GUARD_PATHS) throw new ProtocolError(`${field} must be an array of at most ${MAX_GUARD_PATHS} paths`);
  return v.map((p, i) => {
    const path = text(p, `${field}[${i}]`, 4096);
    if (!path.startsWith('/')) throw new ProtocolError(`${field}[${i}] must be an absolute path`);
    return path;
  });
}

/** Checked whole here (a bad entry is the request's error); the daemon parses it with policyOf. */
function egress(v: unknown): EgressWire {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProtocolError('egress must be an object');
  const o = v as Record<string, unknown>;
  const w: EgressWire = {};
  if (o.mode !== undefined) w.mode = text(o.mode, 'egress.mode', 16);
  if (o.allowed_endpoints !== undefined) w.allowed_endpoints = text(o.allowed_endpoints, 'egress.allowed_endpoints', 48 * 1024);
  if (o.allow_loopback !== undefined) {
    if (typeof o.allow_loopback !== 'boolean') throw new ProtocolError('egress.allow_loopback must be true or false');
    w.allow_loopback = o.allow_loopback;
  }
  if (o.container_policy !== undefined) w.container_policy = text(o.container_policy, 'egress.container_policy', 16);
  if (o.host_paths !== undefined) w.host_paths = paths(o.host_paths, 'egress.host_paths');
  if (o.job_paths !== undefined) w.job_paths = paths(o.job_paths, 'egress.job_paths');
  try {
    policyOf(w);
  } catch (err) {
    if (err instanceof PolicyError) throw new ProtocolError(err.message);
    throw err;
  }
  return w;
}

/** Rule files' text for the job (the daemon parses it; it opens no path a client names). */
function rules(v: unknown): RulesPayload {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProtocolError('rules must be an object');
  const o = v as Record<string, unknown>;
  if (!Array.isArray(o.sources) || o.sources.length > MAX_RULE_FILES) throw new ProtocolError(`rules.sources must be an array of at most ${MAX_RULE_FILES} files`);
  const sources = o.sources.map((src: unknown, i) => {
    const f = (typeof src === 'object' && src !== null ? src : {}) as Record<string, unknown>;
    return { name: text(f.name, `rules.sources[${i}].name`, 4096), text: text(f.text, `rules.sources[${i}].text`, MAX_REQUEST_BYTES) };
  });
  if (typeof o.monitorMode !== 'boolean') throw new ProtocolError('rules.monitorMode must be a boolean');
  if (o.builtin !== undefined && typeof o.builtin !== 'boolean') throw new ProtocolError('rules.builtin must be a boolean');
  return { sources, monitorMode: o.monitorMode, ...(o.builtin === false ? { builtin: false } : {}) };
}

function jobId(v: unknown): string {
  const id = text(v, 'id', 128);
  if (!JOB_ID_PATTERN.test(id)) throw new ProtocolError('id is not a valid job id');
  return id;
}

const MAX_SUMMARY_ROWS = 1000;
const MAX_ALERTS = 16;
const MAX_STEPS = 1000;

function count(v: unknown, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max) throw new ProtocolError(`${field} must be a whole number from ${min} to ${max}`);
  return v as number;
}

function step(v: unknown, i: number): WorkflowStep {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProtocolError(`place.steps[${i}] must be an object`);
  const o = v as Record<string, unknown>;
  const s: { index: number; line: number; uses?: string; run?: string } = {
    index: count(o.index, `place.steps[${i}].index`, 0, MAX_STEPS),
    line: count(o.line, `place.steps[${i}].line`, 1, 10_000_000),
  };
  if (o.uses !== undefined) s.uses = text(o.uses, `place.steps[${i}].uses`, 4096);
  if (o.run !== undefined) s.run = text(o.run, `place.steps[${i}].run`, 64 * 1024);
  return s;
}

function report(o: Record<string, unknown>): ReportRequest {
  const req: ReportRequest = { op: 'report', id: jobId(o.id) };
  if (o.alerts !== undefined) {
    if (!Array.isArray(o.alerts) || o.alerts.length > MAX_ALERTS) throw new ProtocolError(`alerts must be an array of at most ${MAX_ALERTS} strings`);
    req.alerts = o.alerts.map((a, i) => text(a, `alerts[${i}]`, 2000));
  }
  if (o.place !== undefined) {
    const p = (typeof o.place === 'object' && o.place !== null ? o.place : {}) as Record<string, unknown>;
    if (!Array.isArray(p.steps) || p.steps.length > MAX_STEPS) throw new ProtocolError(`place.steps must be an array of at most ${MAX_STEPS} steps`);
    req.place = { file: text(p.file, 'place.file', 4096), steps: p.steps.map(step) };
  }
  return req;
}

function register(o: Record<string, unknown>): Request {
  const req: Request = { op: 'register', job: identity(o.job) };
  if (o.cgroup !== undefined) req.cgroup = text(o.cgroup, 'cgroup', 4096);
  if (o.pid !== undefined) {
    if (!Number.isSafeInteger(o.pid) || (o.pid as number) <= 0) throw new ProtocolError('pid must be a positive integer');
    req.pid = o.pid as number;
  }
  if ((req.cgroup === undefined) === (req.pid === undefined)) throw new ProtocolError('register needs exactly one of cgroup or pid');
  if (o.worker !== undefined) {
    if (req.cgroup === undefined) throw new ProtocolError('worker goes with cgroup (with pid, the daemon finds Runner.Worker itself)');
    if (!Number.isSafeInteger(o.worker) || (o.worker as number) <= 0) throw new ProtocolError('worker must be a positive integer');
    req.worker = o.worker as number;
  }
  if (o.notes !== undefined) req.notes = notes(o.notes);
  if (o.rules !== undefined) req.rules = rules(o.rules);
  if (o.protect !== undefined) {
    if (typeof o.protect !== 'boolean') throw new ProtocolError('protect must be true or false');
    req.protect = o.protect;
  }
  if (o.egress !== undefined) req.egress = egress(o.egress);
  if (o.summaryRows !== undefined) req.summaryRows = count(o.summaryRows, 'summaryRows', 1, MAX_SUMMARY_ROWS);
  return req;
}

function sudo(o: Record<string, unknown>): SudoRequest {
  if (typeof o.disable !== 'boolean') throw new ProtocolError('disable must be true or false');
  const req: SudoRequest = { op: 'sudo', id: jobId(o.id), disable: o.disable };
  if (o.user !== undefined) req.user = text(o.user, 'user', 32);
  if (o.token !== undefined) req.token = text(o.token, 'token', 128);
  return req;
}

export function parseRequest(line: string): Request {
  if (Buffer.byteLength(line) > MAX_REQUEST_BYTES) throw new ProtocolError('request too long');
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    throw new ProtocolError('request is not valid JSON');
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new ProtocolError('request must be a JSON object');
  const r = o as Record<string, unknown>;
  switch (r.op) {
    case 'register':
      return register(r);
    case 'unregister':
      return { op: 'unregister', id: jobId(r.id) };
    case 'rules':
      return { op: 'rules', id: jobId(r.id), rules: rules(r.rules) };
    case 'report':
      return report(r);
    case 'sudo':
      return sudo(r);
    case 'stats':
      return { op: 'stats' };
    case 'stop':
      return { op: 'stop' };
    default:
      throw new ProtocolError(`unknown op ${JSON.stringify(r.op)?.slice(0, 64) ?? 'undefined'}`);
  }
}
