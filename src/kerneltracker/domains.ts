/**
 * A job's domains: which names its processes looked up or reached, and which
 * addresses those names resolved to. One `domain` event per distinct
 * (process, source, name, query type); a DNS question waits briefly for its
 * answer so the event can carry the addresses, and the addresses name the
 * job's later connects (network.domain).
 */
import type { DomainInfo, EventRecord } from '../events/eventRecord.js';
import type { DomainSample } from '../kernel/decode.js';
import { policyVerdict } from './eventBuilder.js';
import type { ProcessNode } from './processTable.js';

/** How long a DNS question waits for its answer before its event goes out without one. */
export const ANSWER_WAIT_MS = 2_000;

const QUERY_TYPES: Record<number, string> = {
  1: 'A',
  2: 'NS',
  5: 'CNAME',
  6: 'SOA',
  12: 'PTR',
  15: 'MX',
  16: 'TXT',
  28: 'AAAA',
  33: 'SRV',
  35: 'NAPTR',
  43: 'DS',
  48: 'DNSKEY',
  64: 'SVCB',
  65: 'HTTPS',
  255: 'ANY',
  257: 'CAA',
};

/** The mnemonic of a DNS query type, or RFC 3597's TYPEnnn. */
export function queryTypeName(qtype: number): string {
  return QUERY_TYPES[qtype] ?? `TYPE${qtype}`;
}

/**
 * An all-numeric "name" is an IPv4 literal (http://10.0.0.1/ sends Host:
 * 10.0.0.1); no top-level domain is numeric, so it names no domain.
 */
const NUMERIC = /^[0-9.]+$/;

/** A domain event for the caller to deliver; its time is the question's. */
export type DomainEvent = EventRecord & { domain: DomainInfo };

interface Held {
  event: DomainEvent;
  pid: number;
  heldAt: number;
  /** Arrival order, so questions released together keep it. */
  order: number;
}

const heldKey = (s: DomainSample): string => `${s.name}\0${s.qtype}`;

const processKey = (node: ProcessNode): string => `${node.pid}:${node.startNs}`;

export class JobDomains {
  /** Per process (pid:start), the (source, name, type) keys it has had an event for. */
  private readonly seen = new Map<string, Set<string>>();
  /** Questions waiting for their answer, by name and query type (what an answer matches on). */
  private readonly held = new Map<string, Held[]>();
  private readonly nameByAddress = new Map<string, string>();
  private arrivals = 0;

  constructor(private readonly now: () => number) {}

  /** The name this job last resolved to address, if any. */
  nameOf(address: string): string | undefined {
    return this.nameByAddress.get(address);
  }

  /**
   * A question, SNI or Host from a process; toEvent snapshots the process
   * now. Returns the event to deliver now; undefined for a repeat, a numeric
   * name, or a question held for its answer.
   */
  seenFrom(
    s: DomainSample,
    node: ProcessNode,
    toEvent: (domain: DomainInfo) => DomainEvent,
  ): DomainEvent | undefined {
    if (NUMERIC.test(s.name)) return undefined;
    // A name asked of systemd-resolved is a DNS lookup made for the job; no answer is parsed.
    const resolved = s.source === 'resolved';
    const dns = s.source === 'dns_query';
    const key = `${s.source}\0${s.name}\0${dns ? s.qtype : ''}`;
    let seen = this.seen.get(processKey(node));
    if (!seen) this.seen.set(processKey(node), (seen = new Set()));
    if (seen.has(key)) return undefined;
    seen.add(key);
    const domain: DomainInfo = {
      name: s.name,
      source: dns || resolved ? 'dns' : s.source === 'tls_sni' ? 'tls_sni' : 'http_host',
      ...(dns ? { query_type: queryTypeName(s.qtype) } : {}),
      server: resolved ? { address: s.address } : { address: s.address, port: s.port },
      ...policyVerdict(s.flags),
    };
    const event = toEvent(domain);
    // A dropped question gets no answer: nothing to wait for.
    if (!dns || domain.blocked) return event;
    const waiting = this.held.get(heldKey(s)) ?? [];
    waiting.push({ event, pid: s.pid, heldAt: this.now(), order: this.arrivals++ });
    this.held.set(heldKey(s), waiting);
    return undefined;
  }

  /**
   * A response reaching the job: its addresses now name connects, and the
   * questions it answers (the same process's first, else any) go out with it.
   */
  answered(s: DomainSample): DomainEvent[] {
    for (const address of s.answers) this.nameByAddress.set(address, s.name);
    const waiting = this.held.get(heldKey(s));
    if (!waiting) return [];
    const own = waiting.filter((h) => h.pid === s.pid);
    const done = own.length ? own : waiting;
    const rest = waiting.filter((h) => !done.includes(h));
    if (rest.length) this.held.set(heldKey(s), rest);
    else this.held.delete(heldKey(s));
    return done.map((h) => {
      h.event.domain.answers = [...s.answers];
      if (s.cnames.length) h.event.domain.cnames = [...s.cnames];
      return h.event;
    });
  }

  /** A process has exited: what it looked up no longer needs remembering. */
  forgetProcess(node: ProcessNode): void {
    this.seen.delete(processKey(node));
  }

  /** Processes with names remembered (for the mirror's sizes). */
  get processes(): number {
    return this.seen.size;
  }

  /** Questions whose answer did not come in time, in arrival order; every held one when all is set. */
  due(all = false): DomainEvent[] {
    const limit = this.now() - ANSWER_WAIT_MS;
    const out: Held[] = [];
    for (const [key, waiting] of this.held) {
      const late = all ? waiting : waiting.filter((h) => h.heldAt <= limit);
      if (!late.length) continue;
      out.push(...late);
      if (late.length === waiting.length) this.held.delete(key);
      else this.held.set(key, waiting.filter((h) => h.heldAt > limit));
    }
    return out.sort((a, b) => a.order - b.order).map((h) => h.event);
  }
}
