/**
 * The kernel's domain parsers on crafted packets, run by the real kernel
 * through BPF_PROG_TEST_RUN on the loaded (never attached) cgroup_skb
 * programs: valid messages, compression, pointer loops, labels past the end,
 * names too long, non-ASCII, truncated ClientHellos. A broken packet must
 * give no record at all (never a wrong name), and the program must always
 * allow the packet.
 *
 * BPF_PROG_TEST_RUN gives the packet a socket of its own in the caller's
 * cgroup, so the test tracks its own cgroup in a private sensor instance;
 * that socket has no owner, so records carry pid 0.
 *
 * Every packet also goes through a second instance loaded with the parsers'
 * loops as plain bounded loops (what kernels before 5.17, without bpf_loop,
 * run), which must give the same records.
 */
import { join } from 'node:path';
import { decodeBatch, type DomainSample } from '../../src/kernel/decode.js';
import { Flag } from '../../src/kernel/layout.js';
import { EnvVar } from '../../src/action/constants.js';
import { Sensor } from '../../src/native/sensor.js';
import { cgroup2Root, cgroupId, processCgroup } from '../../src/platform/cgroup.js';
import {
  clientHello,
  dnsAnswer,
  dnsHeader,
  dnsQuery,
  encodeName,
  extension,
  frameOf,
  ipv4Bytes,
  pointer,
  rr,
  sniExtension,
  tcpDns,
  TYPE,
  type Endpoints,
} from '../helpers/packets.js';
import { requireRoot } from '../helpers/sensorRun.js';

let sensor: Sensor;
let bounded: Sensor;
const batch = Buffer.alloc(1 << 20);

/** A sensor instance with the loops forced to plain bounded loops. */
function openBounded(): Sensor {
  process.env[EnvVar.DebugBoundedLoops] = '1';
  try {
    return Sensor.open({ ringbufBytes: 1 << 20 });
  } finally {
    delete process.env[EnvVar.DebugBoundedLoops];
  }
}

beforeAll(() => {
  requireRoot();
  const cgroup = cgroupId(join(cgroup2Root()!, processCgroup(process.pid)!));
  sensor = Sensor.open({ ringbufBytes: 1 << 20 });
  sensor.trackCgroup(cgroup);
  bounded = openBounded();
  bounded.trackCgroup(cgroup);
});

afterAll(() => {
  sensor?.close();
  bounded?.close();
});

const OUT: Endpoints = { src: '10.0.0.2', dst: '10.0.0.53', sport: 40000, dport: 53 };
const IN: Endpoints = { src: '10.0.0.53', dst: '10.0.0.2', sport: 53, dport: 40000 };

/** Runs prog of one instance on the frame; returns the domain records it sent, without their times. */
function runOn(instance: Sensor, prog: 'cs_skb_egress' | 'cs_skb_ingress', frame: Buffer): DomainSample[] {
  expect(instance.testSkb(prog, frame)).toBe(1);
  const out: DomainSample[] = [];
  const n = instance.pollNow(batch);
  decodeBatch(
    batch,
    n,
    (s) => {
      if (s.kind === 'domain') out.push(s);
    },
    (reason) => {
      throw new Error(`undecodable record: ${reason}`);
    },
  );
  return out;
}

/** Runs prog on the frame with bpf_loop and with bounded loops: both must send the same records. */
function run(prog: 'cs_skb_egress' | 'cs_skb_ingress', frame: Buffer): DomainSample[] {
  const out = runOn(sensor, prog, frame);
  const strip = (records: DomainSample[]) => records.map(({ timeNs: _t, ...rest }) => rest);
  expect(strip(runOn(bounded, prog, frame))).toEqual(strip(out));
  return out;
}

const egress = (frame: Buffer) => run('cs_skb_egress', frame);
const ingress = (frame: Buffer) => run('cs_skb_ingress', frame);

describe('DNS questions leaving', () => {
  it('reads name, type, id and server from a UDP query, lower-cased', () => {
    const [s, ...rest] = egress(frameOf('udp', OUT, dnsQuery(0xbeef, 'WWW.Example.COM', TYPE.AAAA)));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      source: 'dns_query',
      protocol: 'udp',
      family: 'ipv4',
      address: '10.0.0.53',
      port: 53,
      name: 'www.example.com',
      qtype: TYPE.AAAA,
      txid: 0xbeef,
      pid: 0,
    });
  });

  it('reads queries over IPv6 and over TCP', () => {
    const v6: Endpoints = { src: 'fd00::2', dst: 'fd00::53', sport: 40000, dport: 53 };
    expect(egress(frameOf('udp', v6, dnsQuery(1, 'six.example', TYPE.A)))).toMatchObject([
      { family: 'ipv6', address: 'fd00::53', name: 'six.example' },
    ]);
    expect(egress(frameOf('tcp', OUT, tcpDns(dnsQuery(2, 'tcp.example', TYPE.TXT))))).toMatchObject([
      { protocol: 'tcp', name: 'tcp.example', qtype: TYPE.TXT },
    ]);
  });

  it('accepts a name of exactly 253 characters', () => {
    const name = [...Array(3).fill('a'.repeat(63)), 'b'.repeat(61)].join('.');
    expect(egress(frameOf('udp', OUT, dnsQuery(3, name, TYPE.A))).map((s) => s.name)).toEqual([name]);
  });

  const rejected: [string, Buffer][] = [
    ['a name over 253 characters', dnsQuery(4, [...Array(4).fill('a'.repeat(63))].join('.'), TYPE.A)],
    ['a label running past the end', Buffer.concat([dnsHeader(5, 0x0100, 1, 0), Buffer.from([63]), Buffer.from('short')])],
    ['a pointer to itself', Buffer.concat([dnsHeader(6, 0x0100, 1, 0), pointer(12), Buffer.from([0, 1, 0, 1])])],
    ['a pointer forward', Buffer.concat([dnsHeader(7, 0x0100, 1, 0), pointer(16), Buffer.from([0, 1, 0, 1]), encodeName('x.y')])],
    [
      'a pointer loop through two labels',
      Buffer.concat([dnsHeader(8, 0x0100, 1, 0), Buffer.from([1, 0x61]), pointer(12), Buffer.from([0, 1, 0, 1])]),
    ],
    ['non-ASCII in a label', dnsQuery(9, Buffer.concat([Buffer.from([4]), Buffer.from('b\xfcch', 'latin1'), Buffer.from([0])]), TYPE.A)],
    ['a dot inside a label', dnsQuery(10, Buffer.from([3, 0x61, 0x2e, 0x62, 0]), TYPE.A)],
    ['a NUL inside a label', dnsQuery(11, Buffer.from([3, 0x61, 0, 0x62, 0]), TYPE.A)],
    ['the root name', dnsQuery(12, Buffer.from([0]), TYPE.A)],
    ['a response flag on a query', Buffer.concat([dnsHeader(13, 0x8180, 1, 0), encodeName('a.example'), Buffer.from([0, 1, 0, 1])])],
    ['no question', Buffer.concat([dnsHeader(14, 0x0100, 0, 0), encodeName('a.example'), Buffer.from([0, 1, 0, 1])])],
    ['a message cut before its type', dnsQuery(15, 'cut.example', TYPE.A).subarray(0, 12 + 13)],
    ['a header alone', dnsHeader(16, 0x0100, 1, 0)],
  ];

  it.each(rejected)('sends nothing for %s', (_what, msg) => {
    expect(egress(frameOf('udp', OUT, msg))).toEqual([]);
  });

  it('ignores other ports', () => {
    expect(egress(frameOf('udp', { ...OUT, dport: 5353 }, dnsQuery(17, 'mdns.local', TYPE.A)))).toEqual([]);
  });
});

describe('DNS answers coming back', () => {
  const zone = {
    'www.example.com': { cname: 'www.cdn.example.net' },
    'www.cdn.example.net': { cname: 'edge-7.cdn.example.net' },
    'edge-7.cdn.example.net': { a: ['192.0.2.7', '192.0.2.8'], aaaa: ['2001:db8::7'] },
  };

  it('follows a compressed CNAME chain to the addresses', () => {
    const msg = dnsAnswer(dnsQuery(0x77, 'www.example.com', TYPE.A), zone);
    const [s, ...rest] = ingress(frameOf('udp', IN, msg));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      source: 'dns_answer',
      address: '10.0.0.53',
      port: 53,
      name: 'www.example.com',
      qtype: TYPE.A,
      txid: 0x77,
      rcode: 0,
      cnames: ['www.cdn.example.net', 'edge-7.cdn.example.net'],
      answers: ['192.0.2.7', '192.0.2.8'],
    });
  });

  it('reads AAAA answers, over TCP too', () => {
    const msg = dnsAnswer(dnsQuery(0x78, 'edge-7.cdn.example.net', TYPE.AAAA), zone);
    expect(ingress(frameOf('tcp', IN, tcpDns(msg)))).toMatchObject([{ protocol: 'tcp', answers: ['2001:db8::7'], cnames: [] }]);
  });

  it('reports NXDOMAIN with no answers', () => {
    const msg = dnsAnswer(dnsQuery(0x79, 'nope.example', TYPE.A), zone);
    expect(ingress(frameOf('udp', IN, msg))).toMatchObject([{ name: 'nope.example', rcode: 3, answers: [] }]);
  });

  it('decodes a CNAME target that points into the question', () => {
    // edge + pointer to "example.com" inside the question (offset 12 + 4).
    const question = Buffer.concat([encodeName('www.example.com'), Buffer.from([0, 1, 0, 1])]);
    const target = Buffer.concat([Buffer.from([4]), Buffer.from('edge'), pointer(16)]);
    const msg = Buffer.concat([dnsHeader(1, 0x8180, 1, 2), question, rr(pointer(12), TYPE.CNAME, target), rr(pointer(12), TYPE.A, ipv4Bytes('198.51.100.1'))]);
    expect(ingress(frameOf('udp', IN, msg))).toMatchObject([{ cnames: ['edge.example.com'], answers: ['198.51.100.1'] }]);
  });

  it('drops a looping CNAME but keeps the sound answers', () => {
    const question = Buffer.concat([encodeName('loop.example'), Buffer.from([0, 1, 0, 1])]);
    const cnameAt = 12 + question.length + 2 + 10; // rdata of the first record
    const loop = Buffer.concat([Buffer.from([1, 0x61]), pointer(cnameAt)]);
    const msg = Buffer.concat([dnsHeader(2, 0x8180, 1, 2), question, rr(pointer(12), TYPE.CNAME, loop), rr(pointer(12), TYPE.A, ipv4Bytes('198.51.100.2'))]);
    expect(ingress(frameOf('udp', IN, msg))).toMatchObject([{ name: 'loop.example', cnames: [], answers: ['198.51.100.2'] }]);
  });

  it('keeps what precedes an answer that runs past the end', () => {
    const question = Buffer.concat([encodeName('cut.example'), Buffer.from([0, 1, 0, 1])]);
    const good = rr(pointer(12), TYPE.A, ipv4Bytes('198.51.100.3'));
    const bad = rr(pointer(12), TYPE.A, ipv4Bytes('198.51.100.4')).subarray(0, 12);
    const msg = Buffer.concat([dnsHeader(3, 0x8180, 1, 2), question, good, bad]);
    expect(ingress(frameOf('udp', IN, msg))).toMatchObject([{ answers: ['198.51.100.3'] }]);
  });

  it('keeps the first answers of a long response and says it was cut', () => {
    const question = Buffer.concat([encodeName('many.example'), Buffer.from([0, 1, 0, 1])]);
    const records = Array.from({ length: 20 }, (_, i) => rr(pointer(12), TYPE.A, ipv4Bytes(`198.51.100.${i + 10}`)));
    const msg = Buffer.concat([dnsHeader(4, 0x8180, 1, records.length), question, ...records]);
    const [s] = ingress(frameOf('udp', IN, msg));
    expect(s?.answers).toHaveLength(12);
    expect(s!.flags & Flag.ANSWERS_TRUNCATED).toBeTruthy();
  });

  it('ignores a query arriving on port 53 (a server in the job)', () => {
    expect(ingress(frameOf('udp', IN, dnsQuery(5, 'q.example', TYPE.A)))).toEqual([]);
  });
});

describe('TLS SNI and HTTP Host', () => {
  const TLS: Endpoints = { src: '10.0.0.2', dst: '10.0.0.44', sport: 40001, dport: 443 };

  it('reads the SNI of a ClientHello, behind other extensions', () => {
    const grease = extension(0x0a0a, Buffer.alloc(0));
    const keyShare = extension(51, Buffer.alloc(1200, 0x11));
    const hello = clientHello([grease, keyShare, extension(10, Buffer.from([0, 2, 0, 29])), sniExtension('Registry.NPMJS.org.')]);
    expect(egress(frameOf('tcp', TLS, hello))).toMatchObject([
      { source: 'tls_sni', protocol: 'tcp', address: '10.0.0.44', port: 443, name: 'registry.npmjs.org' },
    ]);
  });

  const badHellos: [string, Buffer][] = [
    ['a ClientHello cut inside the name', clientHello([sniExtension('cut-short.example.org')]).subarray(0, 100)],
    ['a ClientHello cut before its extensions', clientHello([sniExtension('a.example')]).subarray(0, 60)],
    ['a non-ASCII SNI', clientHello([sniExtension(Buffer.from('b\xfccher.de', 'latin1'))])],
    ['an SNI of 300 bytes', clientHello([sniExtension('a'.repeat(60).concat('.', 'b'.repeat(60), '.', 'c'.repeat(60), '.', 'd'.repeat(60), '.', 'e'.repeat(56)))])],
    ['an SNI with an empty label', clientHello([sniExtension('a..example')])],
    ['an SNI with a space', clientHello([sniExtension('a b.example')])],
    ['no SNI', clientHello([extension(10, Buffer.from([0, 2, 0, 29]))])],
    ['a ServerHello', Buffer.from(clientHello([sniExtension('s.example')]).map((b, i) => (i === 5 ? 2 : b)))],
  ];

  it.each(badHellos)('sends nothing for %s', (_what, payload) => {
    expect(egress(frameOf('tcp', TLS, payload))).toEqual([]);
  });

  const HTTP: Endpoints = { src: '10.0.0.2', dst: '10.0.0.80', sport: 40002, dport: 8080 };
  const request = (head: string) => Buffer.from(head, 'latin1');

  it('reads the Host of an HTTP request, without its port, whatever its case', () => {
    expect(egress(frameOf('tcp', HTTP, request('GET /x HTTP/1.1\r\nUser-Agent: t\r\nhost:  Deb.Debian.ORG:8080\r\n\r\n')))).toMatchObject([
      { source: 'http_host', address: '10.0.0.80', port: 8080, name: 'deb.debian.org' },
    ]);
    expect(egress(frameOf('tcp', HTTP, request('POST /api HTTP/1.1\r\nHost: api.example\r\nContent-Length: 0\r\n\r\n'))).map((s) => s.name)).toEqual([
      'api.example',
    ]);
  });

  const badRequests: [string, string][] = [
    ['no Host header', 'GET / HTTP/1.1\r\nAccept: */*\r\n\r\nHost: body.example\r\n'],
    ['a Host past the first KiB', `GET / HTTP/1.1\r\nX-Pad: ${'p'.repeat(1100)}\r\nHost: late.example\r\n\r\n`],
    ['a Host with markup', 'GET / HTTP/1.1\r\nHost: <b>x</b>\r\n\r\n'],
    ['a Host line never ended', 'GET / HTTP/1.1\r\nHost: unended.example'],
    ['not a request', 'HTTP/1.1 200 OK\r\nHost: reply.example\r\n\r\n'],
  ];

  it.each(badRequests)('sends nothing for %s', (_what, head) => {
    expect(egress(frameOf('tcp', HTTP, request(head)))).toEqual([]);
  });

  it('looks at TCP payloads only on the way out', () => {
    expect(ingress(frameOf('tcp', { ...HTTP, sport: 53 }, request('GET / HTTP/1.1\r\nHost: in.example\r\n\r\n')))).toEqual([]);
  });
});

describe('fuzzed packets', () => {
  it('never yields a name that is not one, and always allows', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const seeds = [
      frameOf('udp', OUT, dnsQuery(1, 'fuzz.example.com', TYPE.A)),
      frameOf('udp', IN, dnsAnswer(dnsQuery(2, 'www.example.com', TYPE.A), { 'www.example.com': { cname: 'x.example.net' }, 'x.example.net': { a: ['192.0.2.1'] } })),
      frameOf('tcp', { src: '10.0.0.2', dst: '10.0.0.9', sport: 1, dport: 443 }, clientHello([sniExtension('fuzz.example')])),
    ];
    for (let n = 0; n < 600; n++) {
      const frame = Buffer.from(seeds[n % seeds.length]!);
      for (let m = 1 + Math.floor(rand() * 4); m > 0; m--) {
        // Keep Ethernet, IP and the ports intact so the parsers are reached.
        const at = 42 + Math.floor(rand() * (frame.length - 42));
        frame[at] = rand() < 0.3 ? 0xc0 | Math.floor(rand() * 64) : Math.floor(rand() * 256);
      }
      for (const s of [...egress(frame), ...ingress(frame)]) {
        expect(s.name).toMatch(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/);
        expect(s.name.length).toBeLessThanOrEqual(253);
      }
    }
  });
});
