/**
 * An EgressPolicy as the kernel holds it (bpf/policy.h): compiled once into
 * map entries (pure, tested), then installed through the sensor's maps. The
 * policy is switched on only after every entry is in, and any entry the
 * kernel refuses (a full map) fails the install: a partial allow-list that
 * looks enforced is worse than an error at start.
 */
import type { AttachPlanEntry } from '../events/sensorStatus.js';
import { parseEndpoint, PolicyError, type Endpoint, type NameEndpoint } from './endpoints.js';
import type { EgressPolicy } from './policy.js';

/** DNS answers' TTLs are held within these bounds (seconds): see README, Egress policy. */
export const TTL_FLOOR_S = 60;
export const TTL_CEILING_S = 3600;
/** Ports one name entry can carry in the kernel (CS_POLICY_PORTS). */
export const NAME_PORTS_MAX = 4;
/** Policy ids are 1..POLICY_ID_MAX (CS_POLICY_MAX - 1); 0 is "no policy". */
export const POLICY_ID_MAX = 1023;

export interface KernelPolicyConfig {
  mode: 'off' | 'audit' | 'block';
  allowLoopback: boolean;
  ttlFloorS: number;
  ttlCeilingS: number;
}

/** The map operations a policy needs (the Sensor façade implements them). */
export interface PolicyMaps {
  setPolicy(policy: number, cfg: KernelPolicyConfig): void;
  addPolicyAddress(policy: number, addr16: Buffer, prefix: number, port: number): void;
  addPolicyName(policy: number, name: string, wildcard: boolean, ports: readonly number[]): void;
  clearPolicy(policy: number): void;
}

export interface KernelAddress {
  /** IPv6, IPv4 mapped (::ffff:a.b.c.d). */
  addr16: Buffer;
  /** Bits of addr16. */
  prefix: number;
  /** 0: any port. */
  port: number;
}

export interface KernelName {
  name: string;
  wildcard: boolean;
  /** Empty: any port. */
  ports: number[];
}

export interface CompiledPolicy {
  cfg: KernelPolicyConfig;
  addresses: KernelAddress[];
  names: KernelName[];
}

export interface CompileOptions {
  /** The host's DNS resolvers: allowed on port 53 so lookups of allowed names work. */
  resolvers?: readonly string[];
  ttlFloorS?: number;
  ttlCeilingS?: number;
}

function mapped(e: Extract<Endpoint, { kind: 'address' }>): KernelAddress {
  if (e.family === 6) return { addr16: Buffer.from(e.bytes), prefix: e.prefix, port: e.port ?? 0 };
  const addr16 = Buffer.concat([Buffer.alloc(10), Buffer.from([0xff, 0xff]), e.bytes]);
  return { addr16, prefix: 96 + e.prefix, port: e.port ?? 0 };
}

/** a is under wildcard w: a's name ends in ".w.name" (a wildcard covers subdomains, not the name). */
const covers = (w: NameEndpoint, a: NameEndpoint): boolean => w.wildcard && a.name.endsWith(`.${w.name}`);

/**
 * The kernel matches the longest entry only, so a more specific entry gets
 * the ports of every wildcard that covers it: "*.example.com:443" and
 * "api.example.com:80" let api.example.com reach both ports.
 */
function compileNames(endpoints: readonly Endpoint[]): KernelName[] {
  const names = endpoints.filter((e): e is NameEndpoint => e.kind === 'name');
  const byKey = new Map<string, { e: NameEndpoint; ports: Set<number> | 'any' }>();
  for (const e of names) {
    const key = `${e.wildcard ? '*.' : ''}${e.name}`;
    const entry = byKey.get(key) ?? { e, ports: new Set<number>() };
    for (const source of names.filter((w) => w === e || covers(w, e))) {
      if (source.port === undefined) entry.ports = 'any';
      else if (entry.ports !== 'any') entry.ports.add(source.port);
    }
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ e, ports }) => {
    const list = ports === 'any' ? [] : [...ports].sort((a, b) => a - b);
    if (list.length > NAME_PORTS_MAX) {
      throw new PolicyError(`allowed-endpoints: ${e.wildcard ? '*.' : ''}${e.name} has ${list.length} ports; at most ${NAME_PORTS_MAX} per name (or the name alone for any port)`);
    }
    return { name: e.name, wildcard: e.wildcard, ports: list };
  });
}

export function compilePolicy(policy: EgressPolicy, opts: CompileOptions = {}): CompiledPolicy {
  const resolvers: Endpoint[] = (opts.resolvers ?? []).map((r) => resolverEndpoint(r));
  const addresses = [...policy.endpoints, ...resolvers]
    .filter((e): e is Extract<Endpoint, { kind: 'address' }> => e.kind === 'address')
    .map(mapped);
  return {
    cfg: {
      mode: policy.mode,
      allowLoopback: policy.allowLoopback,
      ttlFloorS: opts.ttlFloorS ?? TTL_FLOOR_S,
      ttlCeilingS: opts.ttlCeilingS ?? TTL_CEILING_S,
    },
    addresses,
    names: compileNames(policy.endpoints),
  };
}

/** A resolver's address, allowed on port 53 only. */
function resolverEndpoint(address: string): Endpoint {
  const e = parseEndpoint(address);
  if (e.kind !== 'address' || e.prefix !== (e.family === 4 ? 32 : 128)) throw new PolicyError(`resolver "${address}" is not an IP address`);
  return { ...e, port: 53 };
}

/** Fills policy id's maps and then switches it on. */
export function installPolicy(maps: PolicyMaps, id: number, compiled: CompiledPolicy): void {
  maps.clearPolicy(id);
  for (const a of compiled.addresses) maps.addPolicyAddress(id, a.addr16, a.prefix, a.port);
  for (const n of compiled.names) maps.addPolicyName(id, n.name, n.wildcard, n.ports);
  maps.setPolicy(id, compiled.cfg);
}

/** The hooks that enforce a policy; in block mode each must be attached. */
const ENFORCING_HOOKS = ['network_connect', 'udp_sendmsg', 'domain'];

/** Fail closed: a block policy whose hooks did not attach is an error, never a quiet audit. */
export function requireEnforcement(plan: readonly AttachPlanEntry[], policy: EgressPolicy): void {
  if (policy.mode !== 'block') return;
  for (const hook of ENFORCING_HOOKS) {
    const entry = plan.find((p) => p.hook === hook);
    if (entry && entry.mechanism !== 'none') continue;
    const why = entry?.unavailable?.map((u) => `${u.mechanism}: ${u.error}`).join('; ') ?? 'not in the attach plan';
    throw new PolicyError(`egress-policy block cannot be enforced here: the ${hook} hook is not attached (${why})`);
  }
}

/** Hands out policy ids for the jobs of one sensor. */
export class PolicyIds {
  private readonly used = new Set<number>();

  take(): number {
    for (let id = 1; id <= POLICY_ID_MAX; id++) {
      if (this.used.has(id)) continue;
      this.used.add(id);
      return id;
    }
    throw new PolicyError(`more than ${POLICY_ID_MAX} jobs with an egress policy on one sensor`);
  }

  release(id: number): void {
    this.used.delete(id);
  }
}
