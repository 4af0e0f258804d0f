/**
 * `inIpRange(ip, "CIDR")`: IPv4 and IPv6 ranges, IPv4-mapped IPv6 addresses
 * (::ffff:a.b.c.d) matched against IPv4 ranges too, since a dual-stack socket
 * reports IPv4 peers that way. Addresses are compared as 128-bit bigints:
 * IPv4 in the mapped range, so one comparison covers both spellings.
 */
import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_PREFIX = 0xffffn << 32n;

export interface IpRange {
  /** network address, 128-bit */
  readonly base: bigint;
  readonly mask: bigint;
}

function v4ToBigint(text: string): bigint {
  let value = 0n;
  for (const part of text.split('.')) value = (value << 8n) | BigInt(Number(part));
  return value;
}

function v6ToBigint(text: string): bigint {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = v4ToBigint(text.slice(lastColon + 1));
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const leftParts = left ? left.split(':') : [];
  const rightParts = right ? right.split(':') : [];
  const zeros = right === undefined ? [] : new Array<string>(8 - leftParts.length - rightParts.length).fill('0');
  let value = 0n;
  for (const part of [...leftParts, ...zeros, ...rightParts]) value = (value << 16n) | BigInt(parseInt(part, 16));
  return tailV4 === undefined ? value : (value & ~0xffffffffn) | tailV4;
}

/** The address as 128 bits (IPv4 as IPv4-mapped), or undefined for text that is not an IP. */
export function ipToBigint(text: string): bigint | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const noZone = bare.includes('%') ? bare.slice(0, bare.indexOf('%')) : bare;
  if (isIPv4(noZone)) return MAPPED_PREFIX | v4ToBigint(noZone);
  if (isIPv6(noZone)) return v6ToBigint(noZone);
  return undefined;
}

/** The range of a CIDR, or an error message saying what is wrong with it. */
export function parseCidr(cidr: string): IpRange | string {
  const slash = cidr.indexOf('/');
  const addrText = slash < 0 ? cidr : cidr.slice(0, slash);
  const v4 = isIPv4(addrText);
  if (!v4 && !isIPv6(addrText)) return `"${cidr}" is not a CIDR: "${addrText}" is not an IP address`;
  const width = v4 ? 32 : 128;
  const prefixText = slash < 0 ? String(width) : cidr.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > width) {
    return `"${cidr}" is not a CIDR: the prefix length must be 0-${width}`;
  }
  const prefix = Number(prefixText) + (v4 ? 96 : 0);
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(128 - prefix);
  return { base: ipToBigint(addrText)! & mask, mask };
}

export function inRange(ip: string, range: IpRange): boolean {
  const value = ipToBigint(ip);
  return value !== undefined && (value & range.mask) === range.base;
}
