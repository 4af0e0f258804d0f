/**
 * The `allowed-endpoints` list: destinations a job may reach under an egress
 * policy. Pure parsing, no I/O: each entry becomes a host name (exact or a
 * wildcard over every depth of subdomain) or an address prefix, each with an
 * optional port. A malformed entry is a PolicyError naming it and what is
 * accepted, never skipped: a silently dropped entry would become a refusal
 * the user cannot explain.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { ipv6 } from '../kernel/address.js';

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

export const ACCEPTED_FORMS =
  'name:port, *.name:port (any depth of subdomain), name (any port), 1.2.3.4, 1.2.3.4:443, 10.0.0.0/8, ' +
  '[2001:db8::1]:443, 2001:db8::1, 2001:db8::/32';

/** A host name entry: `name`, `name:port`, `*.name`, `*.name:port`. */
export interface NameEndpoint {
  kind: 'name';
  /** Lower case, no trailing dot, without the `*.` of a wildcard. */
  name: string;
  /** `*.name`: every name ending in `.name` (not `name` itself). */
  wildcard: boolean;
  /** undefined: any port. */
  port?: number;
}

/** An address or prefix: `1.2.3.4`, `10.0.0.0/8`, `[2001:db8::1]:443`, `2001:db8::/32`. */
export interface AddressEndpoint {
  kind: 'address';
  family: 4 | 6;
  /** 4 or 16 bytes, host bits past the prefix cleared. */
  bytes: Buffer;
  prefix: number;
  port?: number;
}

export type Endpoint = NameEndpoint | AddressEndpoint;

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

function bad(entry: string, why: string): PolicyError {
  return new PolicyError(`allowed-endpoints entry "${entry}": ${why}; accepted: ${ACCEPTED_FORMS}`);
}

function parsePort(entry: string, text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw bad(entry, `port "${text}" is not 1-65535`);
  return Number(text);
}

/** A DNS host name as the kernel writes names: lower-case labels of letters, digits, '-' and '_'. */
export function normalName(text: string): string | undefined {
  const name = text.toLowerCase().replace(/\.$/, '');
  if (name.length === 0 || name.length > 253) return undefined;
  return name.split('.').every((l) => LABEL.test(l)) ? name : undefined;
}

export function ipv4Bytes(text: string): Buffer {
  return Buffer.from(text.split('.').map(Number));
}

export function ipv6Bytes(text: string): Buffer {
  const out = Buffer.alloc(16);
  let body = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (v4) body = body.slice(0, -v4[1]!.length) + '0:0';
  const [head, tail] = body.includes('::') ? body.split('::') : [body, undefined];
  const words = (s: string | undefined) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const h = words(head);
  const t = words(tail);
  const all = [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
  all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  if (v4) ipv4Bytes(v4[1]!).copy(out, 12);
  return out;
}

function masked(bytes: Buffer, prefix: number): Buffer {
  const out = Buffer.from(bytes);
  for (let bit = prefix; bit < out.length * 8; bit++) out[bit >> 3]! &= ~(0x80 >> (bit & 7));
  return out;
}

function addressEntry(entry: string, addr: string, prefixText: string | undefined, port?: number): AddressEndpoint | undefined {
  const family = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : undefined;
  if (!family) return undefined;
  const bits = family === 4 ? 32 : 128;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) throw bad(entry, `prefix length "/${prefixText}" is not 0-${bits}`);
    prefix = Number(prefixText);
  }
  const raw = family === 4 ? ipv4Bytes(addr) : ipv6Bytes(addr);
  return { kind: 'address', family, bytes: masked(raw, prefix), prefix, ...(port !== undefined ? { port } : {}) };
}

function nameEntry(entry: string): NameEndpoint {
  const colon = entry.lastIndexOf(':');
  const host = colon < 0 ? entry : entry.slice(0, colon);
  const port = colon < 0 ? undefined : parsePort(entry, entry.slice(colon + 1));
  const wildcard = host.startsWith('*.');
  const name = normalName(wildcard ? host.slice(2) : host);
  if (!name) throw bad(entry, 'not a host name (labels of letters, digits, "-" and "_"; a wildcard only as a leading "*.")');
  return { kind: 'name', name, wildcard, ...(port !== undefined ? { port } : {}) };
}

/** One entry of the list. */
export function parseEndpoint(entry: string): Endpoint {
  const bracket = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracket) {
    const port = bracket[2] !== undefined ? parsePort(entry, bracket[2]) : undefined;
    const found = isIPv6(bracket[1]!) ? addressEntry(entry, bracket[1]!, undefined, port) : undefined;
    if (!found) throw bad(entry, `"${bracket[1]}" is not an IPv6 address`);
    return found;
  }
  const slash = entry.indexOf('/');
  if (slash >= 0) {
    const found = addressEntry(entry, entry.slice(0, slash), entry.slice(slash + 1));
    if (!found) throw bad(entry, `"${entry.slice(0, slash)}" is not an IP address`);
    return found;
  }
  if (isIPv6(entry)) return addressEntry(entry, entry, undefined)!;
  const v4port = /^(\d+\.\d+\.\d+\.\d+)(?::(.*))?$/.exec(entry);
  if (v4port) {
    const found = addressEntry(entry, v4port[1]!, undefined, v4port[2] !== undefined ? parsePort(entry, v4port[2]) : undefined);
    if (!found) throw bad(entry, `"${v4port[1]}" is not an IPv4 address`);
    return found;
  }
  if ((entry.match(/:/g) ?? []).length > 1) throw bad(entry, 'an IPv6 address with a port needs brackets, as in [2001:db8::1]:443');
  return nameEntry(entry);
}

/** The whole list: entries separated by whitespace or newlines, `#` starts a comment to the end of its line. */
export function parseEndpoints(text: string): Endpoint[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/\s+/))
    .filter((e) => e.length > 0)
    .map(parseEndpoint);
}

/** The entry as a user writes it (the form the recommended list uses). */
export function formatEndpoint(e: Endpoint): string {
  const port = e.port !== undefined ? `:${e.port}` : '';
  if (e.kind === 'name') return `${e.wildcard ? '*.' : ''}${e.name}${port}`;
  const addr = e.family === 4 ? [...e.bytes].join('.') : ipv6(e.bytes, 0);
  const full = e.prefix === (e.family === 4 ? 32 : 128);
  if (!full) return `${addr}/${e.prefix}`;
  return e.family === 6 && port ? `[${addr}]${port}` : `${addr}${port}`;
}
