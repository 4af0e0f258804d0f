import { eventLine } from '../../src/events/eventLine.js';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { prng } from './fixtures/prng.js';

const job = { id: 'j1', name: 'build', repository: 'o/r' };
const process = {
  pid: 42,
  ppid: 1,
  exec_path: '/bin/sh',
  argv: ['sh', '-c', 'echo "quoted" \\ back\nslash \u2028 \ud83d\ude00 \u0001'],
  ancestors: [{ pid: 1, exec_path: '/sbin/init' }],
};

function record(over: Partial<EventRecord>): EventRecord {
  return {
    seq: 7,
    time: '2026-12-02T10:00:00.123456Z',
    kind: 'file_open',
    job,
    cgroup_id: 99,
    container: undefined,
    step: { pid: 42, label: 'Run make' },
    process,
    file: { path: '/tmp/a"b', access: 'read', flags: ['O_RDONLY'] },
    ...over,
  };
}

describe('eventLine', () => {
  it('gives exactly what JSON.stringify gives, one line', () => {
    for (const r of [
      record({}),
      record({ step: undefined, file: undefined, network: { protocol: 'tcp', family: 'ipv4', address: '1.2.3.4', port: 443 } }),
      record({ container: { id: 'c'.repeat(64), name: 'n', image: 'busybox' }, unix_socket: { path: '/run/docker.sock' } }),
    ]) {
      const line = eventLine(r);
      expect(line).toBe(`${JSON.stringify(r)}\n`);
      expect(line.indexOf('\n')).toBe(line.length - 1);
    }
  });

  it('reuses the JSON of shared parts, which callers replace rather than mutate', () => {
    const shared = { ...process, argv: ['make'] };
    const first = eventLine(record({ process: shared }));
    const replaced = { ...shared, argv: ['make', '-j2'] };
    const second = eventLine(record({ process: replaced }));
    expect(first).toContain('"argv":["make"]');
    expect(second).toContain('"argv":["make","-j2"]');
    expect(eventLine(record({ process: shared }))).toBe(first);
  });
});

describe('eventLine against JSON.stringify, fuzzed', () => {
  // What a serialiser gets wrong: quotes, backslashes, controls, DEL, non-ASCII, pairs and lone surrogates.
  const CHARS = ['a', 'Z', '"', '\\', '\n', '\u0001', '\u007f', '\u00e9', '\u2028', '\ud83d\ude00', '\ud800', '\udc00', '/', ' '];

  it('gives the same text for any plain data in the payloads', () => {
    const rnd = prng(18);
    const str = (): string => Array.from({ length: Math.floor(rnd() * 12) }, () => CHARS[Math.floor(rnd() * CHARS.length)]).join('');
    const value = (depth: number): unknown => {
      const r = rnd();
      if (depth > 2 || r < 0.3) return str();
      if (r < 0.4) return (Math.floor(rnd() * 1e6) * (rnd() < 0.5 ? -1 : 1)) / (rnd() < 0.3 ? 7 : 1);
      if (r < 0.45) return [NaN, Infinity, -0, 2 ** 60, 1e-7][Math.floor(rnd() * 5)];
      if (r < 0.5) return rnd() < 0.5;
      if (r < 0.55) return null;
      if (r < 0.6) return undefined;
      if (r < 0.8) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
      return Object.fromEntries(['path', str(), '1', 'a"b'].map((k) => [k, value(depth + 1)]));
    };
    for (let i = 0; i < 3000; i++) {
      // Payloads in the schema's order, as the tracker builds them: the writer writes that order.
      const { file: _file, ...head } = record({ seq: i, time: str(), process: { ...process, argv: [str()] } });
      const r = { ...head, network: rnd() < 0.3 ? (value(0) as never) : undefined, file: value(0) as never };
      expect(eventLine(r)).toBe(`${JSON.stringify(r)}\n`);
    }
  });
});
