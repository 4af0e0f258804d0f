/**
 * The report's egress part: destinations outside the job's egress policy
 * (refused in block mode, would-be refusals in audit mode), with the process
 * and step that tried, and the allowed-endpoints that let this run pass.
 */
import type { EventRecord } from '../events/eventRecord.js';
import { EndpointRecommender, recommendationText } from '../policy/recommend.js';
import { clip, FirstSeen } from './counting.js';
import type { Capped } from './modelTypes.js';

export interface EgressRefusal {
  /** name (a DNS question) or address:port. */
  destination: string;
  via: 'connect' | 'dns';
  /** true: refused (block mode); false: outside the policy, let through (audit mode). */
  blocked: boolean;
  count: number;
  execPath: string;
  step: string;
}

export interface EgressReport {
  outside: Capped<EgressRefusal>;
  /** allowed-endpoints.txt: the list that lets exactly this run pass, with comments. */
  recommended: string;
  /** Entries in it (comments aside). */
  recommendedEntries: number;
}

export class EgressAcc {
  private readonly recommender = new EndpointRecommender();
  private readonly outside: FirstSeen<EgressRefusal>;

  constructor(limit: number) {
    this.outside = new FirstSeen(limit);
  }

  add(e: EventRecord, step: string): void {
    this.recommender.add(e);
    const n = e.kind === 'network_connect' ? e.network : undefined;
    const d = e.kind === 'domain' ? e.domain : undefined;
    if (!n?.outside_policy && !d?.outside_policy) return;
    const destination = n ? (n.address.includes(':') ? `[${n.address}]:${n.port}` : `${n.address}:${n.port}`) : d!.name;
    const blocked = (n ?? d)!.blocked === true;
    this.outside.hit(`${destination}\0${blocked}`, () => ({
      destination: clip(destination),
      via: n ? 'connect' : 'dns',
      blocked,
      count: 0,
      execPath: clip(e.process.exec_path),
      step: clip(step),
    }));
  }

  build(): EgressReport {
    const r = this.recommender.build();
    return { outside: this.outside.capped((x) => ({ ...x })), recommended: recommendationText(r), recommendedEntries: r.entries.length };
  }
}
