import { describe, expect, it } from '@jest/globals';
import type { EventKind, EventRecord, ProcessContext } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { ReportBuilder, type ReportModel } from '../../src/report/model.js';
import { renderText } from '../../src/report/text.js';
import { jobModel } from '../helpers/reportJob.js';

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
  it('says in one line when all is well, and always shows lost records', () => {
    const text = renderText(model([]));
    expect(text).toContain('VERDICT\nok No findings. Nothing blocked, nothing lost: 0 events from 0 steps.\n');
    expect(text).toContain('  Lost records  0');
    expect(text).toContain('NETWORK EGRESS\n  No connections and no names looked up.');
  });

  it('warns when records were lost, in the verdict', () => {
    const text = renderText(model([], { ...STATUS, lostRecords: 1500, undecodable: 2 }));
    expect(text).toContain('VERDICT\n!! No findings, but see 2 warnings below: 0 events from 0 steps.\n');
    expect(text).toContain('!! 1,500 records were lost in the kernel (the ring buffer was full)');
    expect(text).toContain('!  2 records could not be decoded and are missing from this report.');
    expect(text).toContain('  Lost records  1,500');
  });

  it('keeps the reading order: verdict, egress, steps, files, containers, sockets, diagnostics', () => {
    const text = renderText(jobModel());
    const titles = text.split('\n').filter((l) => /^[A-Z ]+$/.test(l));
    expect(titles).toEqual(['VERDICT', 'NETWORK EGRESS', 'STEPS', 'FILES', 'CONTAINERS', 'UNIX SOCKETS', 'SENSOR DIAGNOSTICS']);
    expect(text).toContain('!! critical  Read of another process\'s environment  run: npm ci');
    expect(text).toContain('  ~/.npm/_cacache/content-v2/sha512/…  home  934  934');
    expect(text).toContain('  registry.npmjs.org  connected  104.16.1.35  tcp 443  1  /usr/local/bin/node  run: npm ci');
    expect(text).toContain('  run: npm ci: 3 processes, 1,369 events, 2 findings');
    expect(text).toContain('  !! /var/run/docker.sock  1  /usr/bin/sh  run: npm ci  bypass: containers started this way');
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
    expect(text.split('\n').filter((l) => /^ {2}10\.0\.0\.\d+ {2}no name seen/.test(l))).toHaveLength(10);
    expect(text).toContain('  …and 5 more in report.json.');
  });
});
