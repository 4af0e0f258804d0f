/**
 * The control protocol on DIR/control.sock: one JSON object per line each
 * way. Requests are validated here, field by field, so the daemon only ever
 * sees well-formed ones; anything else gets an error reply.
 */
import type { JobIdentity } from '../events/eventRecord.js';

export type Request =
  | { op: 'register'; job: JobIdentity; cgroup?: string; pid?: number; notes?: string[] }
  | { op: 'unregister'; id: string }
  | { op: 'stats' }
  | { op: 'stop' };

export type Response = { ok: true; [key: string]: unknown } | { ok: false; error: string };

/** A request line longer than this is refused without being parsed. */
export const MAX_REQUEST_BYTES = 64 * 1024;

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

function register(o: Record<string, unknown>): Request {
  const req: Request = { op: 'register', job: identity(o.job) };
  if (o.cgroup !== undefined) req.cgroup = text(o.cgroup, 'cgroup', 4096);
  if (o.pid !== undefined) {
    if (!Number.isSafeInteger(o.pid) || (o.pid as number) <= 0) throw new ProtocolError('pid must be a positive integer');
    req.pid = o.pid as number;
  }
  if ((req.cgroup === undefined) === (req.pid === undefined)) throw new ProtocolError('register needs exactly one of cgroup or pid');
  if (o.notes !== undefined) req.notes = notes(o.notes);
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
    case 'unregister': {
      const id = text(r.id, 'id', 128);
      if (!JOB_ID_PATTERN.test(id)) throw new ProtocolError('id is not a valid job id');
      return { op: 'unregister', id };
    }
    case 'stats':
      return { op: 'stats' };
    case 'stop':
      return { op: 'stop' };
    default:
      throw new ProtocolError(`unknown op ${JSON.stringify(r.op)?.slice(0, 64) ?? 'undefined'}`);
  }
}
