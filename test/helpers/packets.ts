/**
 * Crafted wire formats for the domain tests: DNS messages (with compression
 * where asked), TLS ClientHellos, and Ethernet frames around them for
 * BPF_PROG_TEST_RUN. Deliberately small and explicit, so a test can break
 * any field it wants.
 */
import { isIPv4 } from 'node:net';

export const TYPE = { A: 1, CNAME: 5, AAAA: 28, TXT: 16 } as const;

/** A name in wire format: length-prefixed labels and the root's zero. */
export function encodeName(name: string): Buffer {
  const labels = name.split('.').filter(Boolean);
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')])), Buffer.from([0])]);
}

/** A compression pointer to offset. */
export const pointer = (offset: number): Buffer => Buffer.from([0xc0 | (offset >> 8), offset & 0xff]);

const u16 = (v: number): Buffer => Buffer.from([v >> 8, v & 0xff]);
const u32 = (v: number): Buffer => Buffer.from([v >>> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]);

export function dnsHeader(id: number, flags: number, qd: number, an: number): Buffer {
  return Buffer.concat([u16(id), u16(flags), u16(qd), u16(an), u16(0), u16(0)]);
}

/** A standard query with one question; qname may be raw wire bytes. */
export function dnsQuery(id: number, qname: string | Buffer, qtype: number): Buffer {
  const name = typeof qname === 'string' ? encodeName(qname) : qname;
  return Buffer.concat([dnsHeader(id, 0x0100, 1, 0), name, u16(qtype), u16(1)]);
}

/** One resource record: owner (wire bytes), type, class IN, TTL (60 s), rdata. */
export function rr(owner: Buffer, type: number, rdata: Buffer, ttl = 60): Buffer {
  return Buffer.concat([owner, u16(type), u16(1), u32(ttl), u16(rdata.length), rdata]);
}

export function ipv4Bytes(address: string): Buffer {
  return Buffer.from(address.split('.').map(Number));
}

export function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const words = (s: string | undefined) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const h = words(head);
  const t = words(tail);
  const all = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
  return Buffer.concat(all.map((w) => u16(w)));
}

export interface Zone {
  /** ttl: of the address records (default 60 s). */
  [name: string]: { a?: string[]; aaaa?: string[]; cname?: string; ttl?: number };
}

/**
 * A response to query, answering from zone the way real servers do: the
 * question's name as a pointer (0xc00c), CNAME targets written out and then
 * pointed at by the records that follow. NXDOMAIN for unknown names.
 */
export function dnsAnswer(query: Buffer, zone: Zone): Buffer {
  const { id, name, qtype, questionEnd } = parseQuery(query);
  const question = query.subarray(12, questionEnd);
  const records: Buffer[] = [];
  let at = 12 + question.length;
  let owner = pointer(12);
  let current = name;
  for (let hops = 0; hops < 8 && zone[current]?.cname; hops++) {
    const target = zone[current]!.cname!;
    const rdata = encodeName(target);
    const rec = rr(owner, TYPE.CNAME, rdata);
    owner = pointer(at + rec.length - rdata.length);
    records.push(rec);
    at += rec.length;
    current = target;
  }
  const entry = zone[current];
  const addresses = qtype === TYPE.A ? (entry?.a ?? []).map(ipv4Bytes) : qtype === TYPE.AAAA ? (entry?.aaaa ?? []).map(ipv6Bytes) : [];
  for (const addr of addresses) records.push(rr(owner, qtype, addr, entry?.ttl));
  const known = zone[name] !== undefined;
  const flags = 0x8180 | (known ? 0 : 3);
  return Buffer.concat([dnsHeader(id, flags, 1, records.length), question, ...records]);
}

/** The id, first question and where it ends; names without compression only (queries have none). */
export function parseQuery(msg: Buffer): { id: number; name: string; qtype: number; questionEnd: number } {
  const labels: string[] = [];
  let at = 12;
  while (at < msg.length && msg[at] !== 0) {
    const len = msg[at]!;
    labels.push(msg.toString('latin1', at + 1, at + 1 + len));
    at += 1 + len;
  }
  return { id: msg.readUInt16BE(0), name: labels.join('.').toLowerCase(), qtype: msg.readUInt16BE(at + 1), questionEnd: at + 5 };
}

export interface Endpoints {
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

function ethernet(ethertype: number): Buffer {
  return Buffer.concat([Buffer.from([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]), u16(ethertype)]);
}

function transport(proto: 'udp' | 'tcp', e: Endpoints, payload: Buffer): Buffer {
  if (proto === 'udp') return Buffer.concat([u16(e.sport), u16(e.dport), u16(8 + payload.length), u16(0), payload]);
  // 20-byte header, PSH|ACK.
  return Buffer.concat([u16(e.sport), u16(e.dport), u32(1), u32(1), Buffer.from([5 << 4, 0x18]), u16(65535), u16(0), u16(0), payload]);
}

/** An Ethernet frame holding IPv4 or IPv6 (by the addresses' form), then UDP or TCP, then payload. */
export function frameOf(proto: 'udp' | 'tcp', e: Endpoints, payload: Buffer): Buffer {
  const l4 = transport(proto, e, payload);
  const p = proto === 'udp' ? 17 : 6;
  if (isIPv4(e.src)) {
    const ip = Buffer.concat([
      Buffer.from([0x45, 0]),
      u16(20 + l4.length),
      u16(1),
      u16(0x4000),
      Buffer.from([64, p]),
      u16(0),
      ipv4Bytes(e.src),
      ipv4Bytes(e.dst),
    ]);
    return Buffer.concat([ethernet(0x0800), ip, l4]);
  }
  const ip6 = Buffer.concat([u32(0x60000000), u16(l4.length), Buffer.from([p, 64]), ipv6Bytes(e.src), ipv6Bytes(e.dst)]);
  return Buffer.concat([ethernet(0x86dd), ip6, l4]);
}

/** DNS over TCP: the two-byte length first. */
export const tcpDns = (msg: Buffer): Buffer => Buffer.concat([u16(msg.length), msg]);

/** One TLS extension. */
export const extension = (type: number, body: Buffer): Buffer => Buffer.concat([u16(type), u16(body.length), body]);

/** The server_name extension for name (raw bytes allowed). */
export function sniExtension(name: string | Buffer): Buffer {
  const host = typeof name === 'string' ? Buffer.from(name, 'latin1') : name;
  const entry = Buffer.concat([Buffer.from([0]), u16(host.length), host]);
  return extension(0, Buffer.concat([u16(entry.length), entry]));
}

/** A TLS 1.2-framed ClientHello carrying extensions, as a client's first bytes. */
export function clientHello(extensions: Buffer[], sessionId = Buffer.alloc(32, 7)): Buffer {
  const exts = Buffer.concat(extensions);
  const suites = Buffer.from([0x13, 0x01, 0x13, 0x02, 0xc0, 0x2f]);
  const body = Buffer.concat([
    u16(0x0303),
    Buffer.alloc(32, 0xab),
    Buffer.from([sessionId.length]),
    sessionId,
    u16(suites.length),
    suites,
    Buffer.from([1, 0]),
    u16(exts.length),
    exts,
  ]);
  const handshake = Buffer.concat([Buffer.from([1, body.length >> 16, (body.length >> 8) & 0xff, body.length & 0xff]), body]);
  return Buffer.concat([Buffer.from([0x16, 3, 1]), u16(handshake.length), handshake]);
}
