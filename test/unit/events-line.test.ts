import { eventLine } from '../../src/events/eventLine.js';
import type { EventRecord } from '../../src/events/eventRecord.js';

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
