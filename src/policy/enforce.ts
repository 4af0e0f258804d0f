/**
 * Puts a job's egress policy into the kernel: fail closed (a block policy
 * whose hooks are not attached is refused), compile, install, exempt the
 * runner's worker. The caller then registers the job's cgroups under the id.
 */
import { EnvVar } from '../action/constants.js';
import type { AttachPlanEntry } from '../events/sensorStatus.js';
import { compilePolicy, installPolicy, requireEnforcement, type PolicyIds, type PolicyMaps } from './kernelPolicy.js';
import type { EgressPolicy } from './policy.js';
import { hostResolvers } from './resolvers.js';

export interface EnforceOptions {
  /** Processes the policy never applies to: the runner's worker (its job messages, logs, artifacts). */
  exempt?: number[];
  /** Default: the host's (resolv.conf, systemd-resolved's). */
  resolvers?: string[];
}

/** Test hook: a shorter TTL floor (seconds), so a test can watch an answer's addresses expire. */
export const TTL_FLOOR_ENV = EnvVar.PolicyTtlFloor;

export interface ExemptMaps extends PolicyMaps {
  exemptTask(tgid: number, exempt: boolean): void;
}

/**
 * The plan as the policy sees it: hooks named in CICD_SENSOR_DEBUG_REFUSE_HOOKS
 * count as not attached, so tests can watch a block policy fail closed on a
 * kernel where every hook attaches. Recording is not affected.
 */
export function planForPolicy(plan: readonly AttachPlanEntry[], refused = process.env[EnvVar.DebugRefuseHooks] ?? ''): readonly AttachPlanEntry[] {
  const names = new Set(refused.split(',').map((h) => h.trim()).filter(Boolean));
  if (names.size === 0) return plan;
  return plan.map((p) =>
    names.has(p.hook) ? { ...p, mechanism: 'none', unavailable: [{ mechanism: p.mechanism, target: p.target, error: `refused by ${EnvVar.DebugRefuseHooks}` }] } : p,
  );
}

export function enforcePolicy(
  maps: ExemptMaps,
  plan: readonly AttachPlanEntry[],
  policy: EgressPolicy,
  ids: PolicyIds,
  opts: EnforceOptions = {},
): number {
  requireEnforcement(planForPolicy(plan), policy);
  const floor = Number(process.env[TTL_FLOOR_ENV]);
  const compiled = compilePolicy(policy, {
    resolvers: opts.resolvers ?? hostResolvers(),
    ...(Number.isInteger(floor) && floor >= 0 ? { ttlFloorS: floor } : {}),
  });
  const id = ids.take();
  try {
    installPolicy(maps, id, compiled);
    for (const pid of opts.exempt ?? []) maps.exemptTask(pid, true);
  } catch (err) {
    ids.release(id);
    throw err;
  }
  return id;
}

/** Undoes enforcePolicy once the job's cgroups have left the kernel maps. */
export function releasePolicy(maps: ExemptMaps, id: number, ids: PolicyIds, exempt: number[] = []): void {
  for (const pid of exempt) maps.exemptTask(pid, false);
  maps.clearPolicy(id);
  ids.release(id);
}
