import { describe, expect, it } from '@jest/globals';
import { ipv4, ipv6 } from '../../src/kernel/address.js';

/** 16 bytes from eight 16-bit groups, network order. */
function v6(...groups: number[]): Buffer {
  expect(groups).toHaveLength(8);
  const b = Buffer.alloc(16);
  groups.forEach((g, i) => b.writeUInt16BE(g, i * 2));
  return b;
}

const show = (...groups: number[]): string => ipv6(v6(...groups), 0);

describe('ipv4', () => {
  it('prints dotted quads in byte order', () => {
    expect(ipv4(Buffer.from([140, 82, 112, 3]), 0)).toBe('140.82.112.3');
    expect(ipv4(Buffer.from([0, 0, 0, 0]), 0)).toBe('0.0.0.0');
    expect(ipv4(Buffer.from([255, 255, 255, 255]), 0)).toBe('255.255.255.255');
  });

  it('reads at the offset', () => {
    expect(ipv4(Buffer.from([9, 9, 10, 0, 0, 1]), 2)).toBe('10.0.0.1');
  });
});

describe('ipv6 (RFC 5952)', () => {
  it('writes the unspecified and loopback addresses', () => {
    expect(show(0, 0, 0, 0, 0, 0, 0, 0)).toBe('::');
    expect(show(0, 0, 0, 0, 0, 0, 0, 1)).toBe('::1');
  });

  it('uses lower-case hex without leading zeros', () => {
    expect(show(0x2001, 0x0db8, 0x00ab, 0xcdef, 0x1, 0x2, 0x3, 0x4)).toBe('2001:db8:ab:cdef:1:2:3:4');
  });

  it('compresses the longest run of zero groups', () => {
    expect(show(0x2001, 0xdb8, 0, 0, 1, 0, 0, 0)).toBe('2001:db8:0:0:1::');
    expect(show(0x2001, 0, 0, 1, 0, 0, 0, 1)).toBe('2001:0:0:1::1');
  });

  it('compresses the leftmost run when two are equally long', () => {
    expect(show(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1)).toBe('2001:db8::1:0:0:1');
  });

  it('does not compress a single zero group', () => {
    expect(show(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)).toBe('2001:db8:0:1:1:1:1:1');
  });

  it('compresses runs at either end', () => {
    expect(show(0, 0, 0, 0, 0, 0, 0x1, 0x2)).toBe('::1:2');
    expect(show(0xfe80, 0, 0, 0, 0, 0, 0, 0)).toBe('fe80::');
    expect(show(0xff02, 0, 0, 0, 0, 0, 0, 0xfb)).toBe('ff02::fb');
  });

  it('shows IPv4-mapped addresses as dotted IPv4', () => {
    expect(show(0, 0, 0, 0, 0, 0xffff, 0x7f00, 0x0001)).toBe('127.0.0.1');
    expect(show(0, 0, 0, 0, 0, 0xffff, 0x8c52, 0x7003)).toBe('140.82.112.3');
  });

  it('does not mistake near-mapped addresses for IPv4', () => {
    expect(show(0, 0, 0, 0, 1, 0xffff, 0x7f00, 1)).toBe('::1:ffff:7f00:1');
    expect(show(0, 0, 0, 0, 0, 0xfffe, 0x7f00, 1)).toBe('::fffe:7f00:1');
  });

  it('reads at the offset', () => {
    const b = Buffer.concat([Buffer.from([0xaa, 0xbb]), v6(0x2606, 0x4700, 0, 0, 0, 0, 0x6810, 0x84e5)]);
    expect(ipv6(b, 2)).toBe('2606:4700::6810:84e5');
  });
});
