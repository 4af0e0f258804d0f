/**
 * The allowed-endpoints list that would let exactly this run pass, from its
 * events: every name it connected to (with the ports used), every raw
 * address it reached without a name (marked, since an address may change
 * under you), names it only looked up, and a wildcard only where several
 * subdomains of one name were used. Refusals in block mode are listed as
 * comments, never recommended: an attempt the policy stopped may be the
 * very thing it is for.
 */
import type { EventRecord } from '../events/eventRecord.js';
import { formatEndpoint, normalName, parseEndpoint } from './endpoints.js';

/** Subdomains of one name (at the same port) from which a wildcard is suggested instead. */
export const WILDCARD_MIN = 3;

const LOOPBACK = /^(127\.|::1$|0\.0\.0\.0$|::$)/;

/** Distinct names, addresses and refusals kept (each); a run beyond that gets a note, not an unbounded list. */
export const RECOMMEND_LIMIT = 1000;

export interface Recommendation {
  /** allowed-endpoints entries, sorted: names, then raw addresses. */
  entries: { entry: string; raw: boolean; lookedUpOnly: boolean }[];
  /** Destinations the policy refused (block mode), as entries. */
  refused: string[];
  /** Distinct destinations past RECOMMEND_LIMIT, not listed. */
  omitted: number;
}

class PortsByKey {
  readonly map = new Map<string, Set<number>>();
  /** false when the key is new and the map is full. */
  add(key: string, port: number): boolean {
    const ports = this.map.get(key) ?? new Set<number>();
    if (!this.map.has(key) && this.map.size >= RECOMMEND_LIMIT) return false;
    if (ports.size < 64) ports.add(port);
    this.map.set(key, ports);
    return true;
  }
}

/** Adds to a bounded set; false when it is full and the value new. */
function addBounded(set: Set<string>, value: string): boolean {
  if (set.has(value)) return true;
  if (set.size >= RECOMMEND_LIMIT) return false;
  set.add(value);
  return true;
}

/** address:port as an entry, or undefined for text that is no address (events are data, not trusted). */
function addressEntry(address: string, port: number): string | undefined {
  try {
    const a = parseEndpoint(address);
    return a.kind === 'address' && a.prefix === (a.family === 4 ? 32 : 128) ? formatEndpoint({ ...a, port }) : undefined;
  } catch {
    return undefined;
  }
}

/** Folds names sharing a parent (WILDCARD_MIN or more, same ports) into *.parent. */
function withWildcards(names: Map<string, Set<number>>): Map<string, Set<number>> {
  const byParent = new Map<string, string[]>();
  for (const name of names.keys()) {
    const parent = name.slice(name.indexOf('.') + 1);
    if (!name.includes('.') || !parent.includes('.')) continue;
    byParent.set(parent, [...(byParent.get(parent) ?? []), name]);
  }
  const out = new Map(names);
  for (const [parent, children] of byParent) {
    if (children.length < WILDCARD_MIN) continue;
    const ports = new Set(children.flatMap((c) => [...names.get(c)!]));
    for (const c of children) out.delete(c);
    out.set(`*.${parent}`, ports);
  }
  return out;
}

const lines = (m: Map<string, Set<number>>): string[] =>
  [...m].flatMap(([key, ports]) => (ports.size ? [...ports].sort((a, b) => a - b).map((p) => `${key}:${p}`) : [key]));

export class EndpointRecommender {
  private readonly names = new PortsByKey();
  private readonly lookedUp = new Set<string>();
  private readonly raw = new Set<string>();
  private readonly refused = new Set<string>();
  private omitted = 0;

  private keep(added: boolean): void {
    if (!added) this.omitted++;
  }

  add(e: EventRecord): void {
    if (e.kind === 'network_connect' && e.network) this.connect(e.network);
    else if (e.kind === 'domain' && e.domain?.source === 'dns') {
      // Only what parses back as an entry goes in: the list is pasted into workflows and a summary's code block.
      const name = normalName(e.domain.name);
      if (name === undefined) return;
      this.keep(addBounded(e.domain.blocked ? this.refused : this.lookedUp, name));
    }
  }

  private connect(n: NonNullable<EventRecord['network']>): void {
    if (LOOPBACK.test(n.address) || !Number.isInteger(n.port) || n.port < 1 || n.port > 65535) return;
    const name = n.domain === undefined ? undefined : normalName(n.domain);
    const entry = name ? `${name}:${n.port}` : addressEntry(n.address, n.port);
    if (entry === undefined) return;
    if (n.blocked) this.keep(addBounded(this.refused, entry));
    else if (name) this.keep(this.names.add(name, n.port));
    else this.keep(addBounded(this.raw, entry));
  }

  build(): Recommendation {
    const connected = withWildcards(this.names.map);
    const covered = (name: string) =>
      connected.has(name) || [...connected.keys()].some((k) => k.startsWith('*.') && name.endsWith(k.slice(1)));
    const onlyLooked = [...this.lookedUp].filter((n) => !covered(n)).sort();
    return {
      entries: [
        ...lines(connected).sort().map((entry) => ({ entry, raw: false, lookedUpOnly: false })),
        ...onlyLooked.map((entry) => ({ entry, raw: false, lookedUpOnly: true })),
        ...[...this.raw].sort().map((entry) => ({ entry, raw: true, lookedUpOnly: false })),
      ],
      refused: [...this.refused].sort(),
      omitted: this.omitted,
    };
  }
}

/** allowed-endpoints.txt: entries one per line, comments saying what is what. */
export function recommendationText(r: Recommendation): string {
  const out = ['# allowed-endpoints that let this run pass (cicd-sensor); loopback is allowed by allow-loopback'];
  for (const e of r.entries) {
    const note = e.raw ? '  # raw address' : e.lookedUpOnly ? '  # looked up, never connected to' : '';
    out.push(`${e.entry}${note}`);
  }
  for (const refused of r.refused) out.push(`# refused by the policy: ${refused}`);
  if (r.omitted) out.push(`# ${r.omitted} more attempts at destinations past the first ${RECOMMEND_LIMIT} of a kind are not listed: see events.ndjson`);
  return out.join('\n') + '\n';
}
