/** A busy job for the report's scale tests: every kind the report shapes, mostly distinct keys, strings that need escaping. */
import { type EventKind, type EventRecord } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { ReportBuilder, type ReportModel } from '../../src/report/model.js';

export const BUSY_STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 3, undecodable: 0, ringbufBytes: 8 << 20 };
const WORKSPACE = '/home/runner/work/app/app';

/** Mostly distinct keys: the worst case for memory. */
function payload(kind: EventKind, i: number): Partial<EventRecord> {
  const path = `${WORKSPACE}/dir${i % 100}/file${i}.txt`;
  const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  switch (kind) {
    case 'network_connect':
      return { network: { protocol: 'tcp', family: 'ipv4', address, port: 443 } };
    case 'file_open':
      return { file: { path: i % 10 < 3 ? '/etc/ld.so.cache' : path, access: i % 7 < 4 ? 'read' : 'write' } };
    case 'file_remove':
      return { file: { path: `/tmp/x${i}` } };
    case 'file_move':
    case 'file_link':
      return { file: { path, target_path: `${path}.new`, link_type: 'hard' } };
    case 'domain':
      return { domain: { name: `h${i}.example.com`, source: 'dns', query_type: 'A', answers: [address] } };
    case 'unix_socket_connect':
      return { unix_socket: { path: i % 1000 === 0 ? '/var/run/docker.sock' : `/run/app/${i}.sock` } };
    default:
      return {};
  }
}

/** The kinds payload() shapes: the ones whose sections this test measures. */
export const KINDS: readonly EventKind[] = [
  'process_exec', 'process_exit', 'network_connect', 'file_open', 'file_remove',
  'file_move', 'file_link', 'domain', 'unix_socket_connect',
];

/** A busy job: every kind, and job strings that need escaping. */
export function* busyJob(events: number): Generator<EventRecord> {
  for (let i = 0; i < events; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const pid = 1000 + (i % 30_000);
    yield {
      seq: i,
      time: '2024-05-01T10:00:00.000000Z',
      kind,
      job: { id: 'job-1' },
      cgroup_id: 42,
      step: { label: `run: step ${i % 7} | <b>` },
      process: {
        pid,
        ppid: pid - 1,
        exec_path: `/usr/bin/tool${i % 3000}`,
        argv: ['tool', `--n=${i}`, '`x`'],
        ancestors: [],
        ...(kind === 'process_exit' && { exit_code: i % 3 }),
      },
      ...(i % 50 === 0 && { container: { id: `c${i % 5000}`, image: 'img' } }),
      ...payload(kind, i),
    };
  }
}

export function buildBusy(events: number, lostRecords = 3): ReportModel {
  const builder = new ReportBuilder({ workspace: WORKSPACE });
  for (const e of busyJob(events)) builder.add(e);
  return builder.build({ ...BUSY_STATUS, lostRecords }, { job: { id: 'job-1', name: 'busy' }, workspace: WORKSPACE });
}

