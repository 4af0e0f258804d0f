import { describe, expect, it } from '@jest/globals';
import type { EventKind, EventRecord, ProcessContext } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { ReportBuilder, type ReportModel } from '../../src/report/model.js';
import { renderText } from '../../src/report/text.js';

const STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 1 << 20 };

function ev(kind: EventKind, fields: Partial<EventRecord> = {}, proc: Partial<ProcessContext> = {}): EventRecord {
  return {
    seq: 0,
    time: '2024-05-01T10:00:00.000000Z',
    kind,
    job: { id: 'job-1' },
    cgroup_id: 42,
    process: { pid: 100, ppid: 1, exec_path: '/usr/bin/node', argv: ['node', 'x.js'], ancestors: [], ...proc },
    ...fields,
  };
}

function model(events: EventRecord[], status: SensorStatus = STATUS): ReportModel {
  const builder = new ReportBuilder({ workspace: '/ws' });
  for (const e of events) builder.add(e);
  return builder.build(status, { job: { id: 'job-1', name: 'test' } });
}

describe('renderText', () => {
  it('always shows lost records, even when there are none', () => {
    const text = renderText(model([]));
    expect(text).toContain('Events: 0  lost records: 0  undecodable: 0');
    expect(text).not.toContain('WARNING');
    expect(text).toContain('Network destinations: none');
  });

  it('warns when records were lost', () => {
    const text = renderText(model([], { ...STATUS, lostRecords: 1500, undecodable: 2 }));
    expect(text).toContain('lost records: 1,500');
    expect(text).toContain('WARNING: 1,500 records were lost in the kernel');
    expect(text).toContain('WARNING: 2 records could not be decoded');
  });

  it('summarises counts, processes, destinations, domains, files and sockets', () => {
    const text = renderText(
      model([
        ev('process_exec'),
        ev('process_exec'),
        ev('network_connect', {
          network: { protocol: 'tcp', family: 'ipv4', address: '1.2.3.4', port: 443, domain: 'a.test' },
        }),
        ev('domain', { domain: { name: 'a.test', source: 'dns' } }),
        ev('domain', { domain: { name: 'b.test', source: 'dns', query_type: 'A', answers: ['10.0.0.1', '10.0.0.2'] } }),
        ev('file_open', { file: { path: '/ws/out', access: 'write' } }),
        ev('file_remove', { file: { path: '/tmp/gone' } }),
        ev('file_move', { file: { path: '/tmp/a', target_path: '/ws/b' } }),
        ev('file_link', { file: { path: '/etc/passwd', target_path: '/tmp/l', link_type: 'hard' } }),
        ev('unix_socket_connect', { unix_socket: { path: '/run/docker.sock' } }),
      ]),
    );
    expect(text).toContain('process_exec 2, process_exit 0, network_connect 1');
    expect(text).toMatch(/Processes \(1\):\n +2 {2}\/usr\/bin\/node {2}node x\.js\n/);
    expect(text).toContain('tcp 1.2.3.4 port 443 (a.test)  /usr/bin/node');
    expect(text).toMatch(/Domains \(2\):\n +1 {2}a\.test {2}dns\n +1 {2}b\.test {2}dns A -> 10\.0\.0\.1, 10\.0\.0\.2\n/);
    expect(text).toContain('[workspace] /ws/out');
    expect(text).toContain('[temp] /tmp/gone');
    expect(text).toContain('[workspace] /tmp/a -> /ws/b');
    expect(text).toContain('[temp] /tmp/l -> /etc/passwd (hard)');
    expect(text).toContain('/run/docker.sock  /usr/bin/node  BYPASS: containers started this way are not attributed');
  });

  it('escapes control characters so the terminal is not driven by job strings', () => {
    const evil = 'x\x1b]0;owned\x07\x1b[2J\ny';
    const text = renderText(model([ev('process_exec', {}, { exec_path: evil, argv: [evil] })]));
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(text).toContain('x\\x1B]0;owned\\x07\\x1B[2J\\ny');
  });

  it('says how many entries it does not list', () => {
    const events = Array.from({ length: 15 }, (_, i) =>
      ev('network_connect', { network: { protocol: 'udp', family: 'ipv4', address: `10.0.0.${i}`, port: 53 } }),
    );
    const text = renderText(model(events));
    expect(text).toContain('Network destinations (15):');
    expect(text).toContain('…and 5 more (see report.json and events.ndjson)');
  });
});
