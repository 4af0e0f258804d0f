/**
 * A job's egress policy: the mode, what it allows, and the container guard's
 * mode. Built once from the inputs (action, CLI, daemon registration) and
 * handed as one immutable object to whatever enforces or reports it.
 */
import { parseEndpoints, PolicyError, type Endpoint } from './endpoints.js';

export type PolicyMode = 'audit' | 'block';

export interface EgressPolicy {
  /** audit: nothing is refused, refusals are recorded as would-be; block: refused with EPERM / dropped. */
  readonly mode: PolicyMode;
  readonly endpoints: readonly Endpoint[];
  /** Loopback destinations (127.0.0.0/8, ::1, the unspecified address) are allowed. */
  readonly allowLoopback: boolean;
  /** Whether the docker proxy refuses creates that hand the job the host. */
  readonly containerPolicy: PolicyMode;
  /** The runner's places no container of the job may bind (its home, tool directories), beyond the host's own. */
  readonly containerHostPaths: readonly string[];
  /** Places inside those that the job's containers may bind all the same (the workspace, RUNNER_TEMP). */
  readonly containerJobPaths: readonly string[];
}

export interface PolicyInputs {
  egressPolicy?: string;
  allowedEndpoints?: string;
  allowLoopback?: string | boolean;
  containerPolicy?: string;
  containerHostPaths?: readonly string[];
  containerJobPaths?: readonly string[];
}

function mode(input: string, value: string | undefined, fallback: PolicyMode): PolicyMode {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'audit' || v === 'block') return v;
  throw new PolicyError(`${input} "${value}": accepted: audit, block`);
}

function flag(input: string, value: string | boolean | undefined, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new PolicyError(`${input} "${value}": accepted: true, false`);
}

/** Validates every input; a mistake is a PolicyError naming the input (or entry) and what is accepted. */
export function parsePolicy(inputs: PolicyInputs): EgressPolicy {
  const egress = mode('egress-policy', inputs.egressPolicy, 'audit');
  return Object.freeze({
    mode: egress,
    endpoints: Object.freeze(parseEndpoints(inputs.allowedEndpoints ?? '')),
    allowLoopback: flag('allow-loopback', inputs.allowLoopback, true),
    containerPolicy: mode('container-policy', inputs.containerPolicy, egress),
    containerHostPaths: Object.freeze(absolute(inputs.containerHostPaths)),
    containerJobPaths: Object.freeze(absolute(inputs.containerJobPaths)),
  });
}

/** Absolute paths only: a relative one would be judged against the daemon's directory, not the job's. */
function absolute(paths: readonly string[] | undefined): string[] {
  return (paths ?? []).filter((p) => p.startsWith('/'));
}

/**
 * The runner's places from a job's environment: its home and tool
 * directories must not be bound into the job's containers (they hold the
 * runner's credentials and the tools later steps run), but the job's own
 * workspace and temporary directory inside them may.
 */
export function runnerPaths(env: NodeJS.ProcessEnv): { containerHostPaths: string[]; containerJobPaths: string[] } {
  const set = (names: string[]): string[] => names.map((n) => env[n] ?? '').filter((p) => p.startsWith('/'));
  return {
    containerHostPaths: set(['HOME', 'RUNNER_TOOL_CACHE', 'AGENT_TOOLSDIRECTORY']),
    containerJobPaths: set(['GITHUB_WORKSPACE', 'RUNNER_WORKSPACE', 'RUNNER_TEMP']),
  };
}
