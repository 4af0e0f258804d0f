/**
 * Network egress by destination name: the connections to one name in one
 * row (its addresses, ports, processes, steps, first time), then names that
 * were looked up but never connected to, and addresses reached without a
 * name, marked: those are what a reader checks first.
 */
import type { DomainEntry, NetworkEntry, ReportModel } from '../modelTypes.js';
import { cutOf, mergeSamples, num, plain, stepCell, timeOfDay } from './cells.js';
import type { Block, Cell, Row, SectionView, TableView } from './types.js';

const VALUES_PER_CELL = 5;

/** The facet column: one of these per row. */
export const EGRESS_STATUS = {
  blocked: 'blocked',
  connected: 'connected',
  unnamed: 'no name seen',
  lookup: 'looked up only',
} as const;

interface Destination {
  name: string;
  named: boolean;
  entries: NetworkEntry[];
  domain?: DomainEntry;
}

export function egressSection(model: ReportModel): SectionView {
  const domains = new Map(model.domains.items.map((d) => [d.name, d]));
  const byName = new Map<string, Destination>();
  for (const n of model.network.items) {
    const name = n.domain ?? n.address;
    let dest = byName.get(name);
    if (dest === undefined) {
      byName.set(name, (dest = { name, named: n.domain !== undefined, entries: [], domain: domains.get(name) }));
    }
    dest.entries.push(n);
  }
  const lookups = model.domains.items.filter((d) => !byName.has(d.name));
  const rows = [
    ...[...byName.values()].sort(byConcern).map(destinationRow),
    ...lookups.map(lookupRow),
  ];
  const table: TableView = {
    key: 'egress',
    columns: [
      { title: 'Destination' },
      { title: 'Status', nowrap: true },
      { title: 'Addresses' },
      { title: 'Ports', nowrap: true },
      { title: 'Connections', num: true },
      { title: 'Processes' },
      { title: 'Steps' },
      { title: 'First seen (UTC)', nowrap: true },
    ],
    rows,
    cut: cutOf(model.network, model.domains),
    facet: 1,
    empty: 'No connections and no names looked up.',
    noun: 'destinations',
  };
  return { key: 'egress', title: 'Network egress', blocks: [{ type: 'table', table }, ...policyBlocks(model)] };
}

/** What the egress policy refused (or would have), and the allowed-endpoints that let exactly this run pass. */
function policyBlocks(model: ReportModel): Block[] {
  const egress = model.egress;
  if (egress === undefined) return [];
  const blocks: Block[] = [];
  if (egress.outside.items.length > 0 || egress.outside.omitted > 0) {
    const rows: Row[] = egress.outside.items.map((x) => ({
      cells: [
        plain(x.destination),
        plain(x.via),
        plain(x.blocked ? 'refused' : 'outside the policy (audit)', x.blocked ? 'bad' : 'warn'),
        num(x.count),
        { text: x.execPath, code: true },
        stepCell(x.step),
      ],
      tone: x.blocked ? 'bad' : 'warn',
    }));
    const table: TableView = {
      key: 'outside',
      title: 'Outside the egress policy',
      columns: [
        { title: 'Destination' },
        { title: 'Via', nowrap: true },
        { title: 'Verdict', nowrap: true },
        { title: 'Attempts', num: true },
        { title: 'Process' },
        { title: 'Step' },
      ],
      rows,
      pinned: rows.length,
      cut: cutOf(egress.outside),
      facet: 2,
      empty: '',
      noun: 'destinations',
    };
    blocks.push({ type: 'table', table });
  }
  const lines = egress.recommended.trimEnd().split('\n');
  const title = 'Recommended allowed-endpoints (exactly what this run used; also allowed-endpoints.txt in the artifact)';
  blocks.push({ type: 'code', title, lines });
  return blocks;
}

const blockedCount = (d: Destination) => d.entries.reduce((n, e) => n + (e.blocked ?? 0), 0);
const connections = (d: Destination) => d.entries.reduce((n, e) => n + e.count, 0);

/** Blocked first, then names never resolved, then the busiest. */
function byConcern(a: Destination, b: Destination): number {
  return (
    Number(blockedCount(b) > 0) - Number(blockedCount(a) > 0) ||
    Number(a.named) - Number(b.named) ||
    connections(b) - connections(a)
  );
}

function firstTime(times: (string | undefined)[]): string {
  return times.filter((t): t is string => t !== undefined).sort()[0] ?? '';
}

function destinationRow(d: Destination): Row {
  const blocked = blockedCount(d);
  const status = blocked > 0 ? EGRESS_STATUS.blocked : d.named ? EGRESS_STATUS.connected : EGRESS_STATUS.unnamed;
  const addresses = [...new Set(d.entries.map((e) => e.address))];
  const ports = [...new Set(d.entries.map((e) => `${e.protocol} ${e.port}`))];
  const cells: Cell[] = [
    plain(d.name, d.named ? undefined : 'warn'),
    plain(status, blocked > 0 ? 'bad' : d.named ? undefined : 'warn'),
    listCell(addresses),
    listCell(ports),
    num(connections(d)),
    listCell(mergeSamples(d.entries.map((e) => e.processes ?? { values: [e.execPath], omitted: 0 }), VALUES_PER_CELL), true),
    { ...listCell(mergeSamples(d.entries.map((e) => e.steps ?? { values: [e.step], omitted: 0 }), VALUES_PER_CELL)), max: 60 },
    plain(timeOfDay(firstTime([...d.entries.map((e) => e.firstTime), d.domain?.firstTime]))),
  ];
  return { cells, tone: blocked > 0 ? 'bad' : d.named ? undefined : 'warn' };
}

function lookupRow(d: DomainEntry): Row {
  const blocked = d.blocked ?? 0;
  const status = blocked > 0 ? EGRESS_STATUS.blocked : EGRESS_STATUS.lookup;
  const answers = mergeSamples([d.answers], VALUES_PER_CELL);
  const cells: Cell[] = [
    plain(d.name),
    plain(status, blocked > 0 ? 'bad' : 'info'),
    listCell(answers),
    plain(''),
    num(0),
    listCell(mergeSamples([d.processes], VALUES_PER_CELL), true),
    plain(''),
    plain(timeOfDay(d.firstTime)),
  ];
  return { cells, tone: blocked > 0 ? 'bad' : undefined };
}

function listCell(values: string[], code = false): Cell {
  const [first = '', ...rest] = values;
  return { text: first, ...(rest.length > 0 ? { lines: rest } : {}), ...(code ? { code: true } : {}) };
}
