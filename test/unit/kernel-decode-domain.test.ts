/**
 * The domain record decoder: every field, every way a record can lie, and a
 * fuzz run that throws thousands of random and mutated records at it. Names
 * reach reports and rules, so the bar is: never an exception, and never a
 * name or address that is not one.
 */
import { describe, expect, it } from '@jest/globals';
import { decodeBatch, decodeRecord, isHostName, MalformedRecord, type DomainSample } from '../../src/kernel/decode.js';
import { answerEntry, DEFAULT_HEADER, domainRecord, frame } from './fixtures/records.js';
import { prng } from './fixtures/prng.js';

const ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+(:\d{1,3}(\.\d{1,3}){3})?|\/run\/systemd\/resolve\/io\.systemd\.Resolve)$/;

function decodeOne(rec: Buffer): DomainSample {
  const s = decodeRecord(rec, 0, rec.length);
  if (s.kind !== 'domain') throw new Error(`decoded as ${s.kind}`);
  return s;
}

const v6 = (...words: number[]): number[] => words.flatMap((w) => [w >> 8, w & 0xff]);

describe('domain records', () => {
  it('decodes a DNS query with its server', () => {
    expect(decodeOne(domainRecord({ name: 'api.github.com', qtype: 28, txid: 77, port: 53 }))).toEqual({
      kind: 'domain',
      pid: DEFAULT_HEADER.pid,
      tid: DEFAULT_HEADER.tid,
      flags: 0,
      timeNs: DEFAULT_HEADER.timeNs,
      cgroupId: DEFAULT_HEADER.cgroupId,
      startNs: DEFAULT_HEADER.startNs,
      source: 'dns_query',
      protocol: 'udp',
      family: 'ipv4',
      address: '127.0.0.53',
      port: 53,
      name: 'api.github.com',
      qtype: 28,
      txid: 77,
      rcode: 0,
      answers: [],
      cnames: [],
    });
  });

  it('decodes the answers of a response: CNAME chain, A and AAAA, in order', () => {
    const answers = Buffer.concat([
      answerEntry(3, 'a.b.example.net'),
      answerEntry(3, 'edge-1.cdn.example'),
      answerEntry(1, [10, 0, 0, 1]),
      answerEntry(2, v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1)),
    ]);
    const s = decodeOne(domainRecord({ source: 2, name: 'www.example.com', answers, family: 10, addr: v6(0, 0, 0, 0, 0, 0, 0, 1), rcode: 3 }));
    expect(s).toMatchObject({
      source: 'dns_answer',
      family: 'ipv6',
      address: '::1',
      rcode: 3,
      answers: ['10.0.0.1', '2001:db8::1'],
      cnames: ['a.b.example.net', 'edge-1.cdn.example'],
    });
  });

  it('decodes TLS SNI and HTTP Host over TCP', () => {
    expect(decodeOne(domainRecord({ source: 3, protocol: 6, name: 'registry.npmjs.org', port: 443 }))).toMatchObject({
      source: 'tls_sni',
      protocol: 'tcp',
      port: 443,
      name: 'registry.npmjs.org',
    });
    expect(decodeOne(domainRecord({ source: 4, protocol: 6, name: 'deb.debian.org', port: 80 })).source).toBe('http_host');
  });

  it('decodes a name sent to systemd-resolved, whose peer is its socket', () => {
    expect(decodeOne(domainRecord({ source: 5, protocol: 0, family: 1, port: 0, qtype: 0, addr: [] }))).toMatchObject({
      source: 'resolved',
      protocol: 'unix',
      family: 'unix',
      address: '/run/systemd/resolve/io.systemd.Resolve',
      name: 'example.com',
    });
  });

  const malformed: [string, Buffer][] = [
    ['a resolved name with an inet family', domainRecord({ source: 5, protocol: 0, family: 2 })],
    ['a resolved name over UDP', domainRecord({ source: 5, protocol: 17, family: 1 })],
    ['a DNS question from a unix socket', domainRecord({ source: 1, protocol: 17, family: 1 })],
    ['an unknown source', domainRecord({ source: 9 })],
    ['an unknown protocol', domainRecord({ protocol: 1 })],
    ['an unknown family', domainRecord({ family: 7 })],
    ['an empty name', domainRecord({ name: '' })],
    ['upper case', domainRecord({ name: 'Example.com' })],
    ['a trailing dot', domainRecord({ name: 'example.com.' })],
    ['an empty label', domainRecord({ name: 'a..b' })],
    ['a label over 63 bytes', domainRecord({ name: `${'a'.repeat(64)}.com` })],
    ['a name over 253 bytes', domainRecord({ name: Array(64).fill('abc').join('.') })],
    ['non-ASCII bytes', domainRecord({ name: Buffer.from('b\xfccher.de', 'latin1') })],
    ['a NUL', domainRecord({ name: Buffer.from('a\0b.com', 'latin1') })],
    ['markup', domainRecord({ name: '<b>.com' })],
    ['answers on a query', domainRecord({ source: 1, answers: answerEntry(1, [1, 2, 3, 4]) })],
    ['an A answer of 5 bytes', domainRecord({ source: 2, answers: answerEntry(1, [1, 2, 3, 4, 5]) })],
    ['an unknown answer type', domainRecord({ source: 2, answers: answerEntry(7, [1, 2, 3, 4]) })],
    ['a bad CNAME', domainRecord({ source: 2, answers: answerEntry(3, 'x y') })],
    ['an answer entry cut short', domainRecord({ source: 2, answers: answerEntry(2, [1, 2, 3, 4]).subarray(0, 4) })],
    ['a lone answer type byte', domainRecord({ source: 2, answers: Buffer.from([1]) })],
  ];

  it.each(malformed)('rejects %s', (_what, rec) => {
    expect(() => decodeRecord(rec, 0, rec.length)).toThrow(MalformedRecord);
  });

  it('rejects a name length past the record', () => {
    const rec = domainRecord();
    rec.writeUInt16LE(200, 50);
    expect(() => decodeRecord(rec, 0, rec.length)).toThrow(MalformedRecord);
  });

  it('accepts a name of exactly 253 bytes and labels of exactly 63', () => {
    const name = [...Array(3).fill('a'.repeat(63)), 'b'.repeat(61)].join('.');
    expect(name).toHaveLength(253);
    expect(decodeOne(domainRecord({ name })).name).toBe(name);
  });
});

describe('domain records fuzz', () => {
  const LABEL_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-_';

  function randomName(rand: () => number): string {
    const labels: string[] = [];
    for (let n = 1 + Math.floor(rand() * 5); n > 0; n--) {
      let l = '';
      for (let i = 1 + Math.floor(rand() * 20); i > 0; i--) l += LABEL_CHARS[Math.floor(rand() * LABEL_CHARS.length)];
      labels.push(l);
    }
    return labels.join('.');
  }

  function randomRecord(rand: () => number): Buffer {
    const source = 1 + Math.floor(rand() * 5);
    if (source === 5) return domainRecord({ source, protocol: 0, family: 1, name: randomName(rand), addr: [] });
    const entries: Buffer[] = [];
    if (source === 2) {
      for (let n = Math.floor(rand() * 6); n > 0; n--) {
        const t = 1 + Math.floor(rand() * 3);
        const data = t === 3 ? randomName(rand) : Array.from({ length: t === 1 ? 4 : 16 }, () => Math.floor(rand() * 256));
        entries.push(answerEntry(t, data));
      }
    }
    return domainRecord({ source, name: randomName(rand), answers: Buffer.concat(entries), family: rand() < 0.5 ? 2 : 10 });
  }

  /** Whatever comes out must be a domain sample whose every string is what it claims to be. */
  function checkOutput(buf: Buffer): { samples: number; malformed: number } {
    let samples = 0;
    let malformed = 0;
    expect(() =>
      decodeBatch(
        buf,
        buf.length,
        (s) => {
          samples++;
          if (s.kind !== 'domain') return;
          if (!isHostName(s.name)) throw new Error(`garbage name ${JSON.stringify(s.name)}`);
          for (const c of s.cnames) if (!isHostName(c)) throw new Error(`garbage cname ${JSON.stringify(c)}`);
          for (const a of [s.address, ...s.answers]) if (!ADDRESS.test(a)) throw new Error(`garbage address ${a}`);
          if (!['dns_query', 'dns_answer', 'tls_sni', 'http_host', 'resolved'].includes(s.source)) throw new Error(`bad source ${s.source}`);
        },
        () => malformed++,
      ),
    ).not.toThrow();
    return { samples, malformed };
  }

  it('decodes thousands of valid random records exactly', () => {
    const rand = prng(0xd0d0);
    for (let n = 0; n < 2000; n++) {
      const rec = randomRecord(rand);
      expect(checkOutput(frame(rec))).toEqual({ samples: 1, malformed: 0 });
    }
  });

  it('survives mutated records: each decodes to a clean sample or is reported', () => {
    const rand = prng(0xbad);
    for (let n = 0; n < 5000; n++) {
      const rec = randomRecord(rand);
      for (let m = 1 + Math.floor(rand() * 6); m > 0; m--) {
        const at = Math.floor(rand() * rec.length);
        const r = rand();
        rec[at] = r < 0.2 ? 0 : r < 0.4 ? 0xff : r < 0.5 ? 0x2e : r < 0.6 ? 0x80 + Math.floor(rand() * 128) : Math.floor(rand() * 256);
      }
      // Keep the framing honest half the time, so the decoder proper is reached.
      const framed = frame(rand() < 0.5 ? rec : rec.subarray(0, Math.floor(rand() * rec.length)));
      const { samples, malformed } = checkOutput(framed);
      expect(samples + malformed).toBeLessThanOrEqual(1);
    }
  });

  it('survives random bytes behind a domain header', () => {
    const rand = prng(0xf00d);
    for (let n = 0; n < 5000; n++) {
      const rec = Buffer.alloc(72 + Math.floor(rand() * 300));
      for (let i = 0; i < rec.length; i++) rec[i] = Math.floor(rand() * 256);
      rec.writeUInt16LE(9, 0);
      rec.writeUInt16LE(rec.length, 2);
      if (rand() < 0.7) rec.writeUInt16LE(Math.floor(rand() * (rec.length - 72)), 50);
      if (rand() < 0.7) rec.writeUInt16LE(Math.floor(rand() * 40), 52);
      checkOutput(frame(rec));
    }
  });
});
