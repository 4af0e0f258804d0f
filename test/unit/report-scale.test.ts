import { describe, expect, it } from '@jest/globals';
import { EVENT_KINDS, type EventRecord } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ReportBuilder } from '../../src/report/model.js';
import { renderText } from '../../src/report/text.js';

const EVENTS = 1_000_000;
const STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 3, undecodable: 0, ringbufBytes: 8 << 20 };

/**
 * A busy job: every kind, mostly distinct keys (the worst case for memory),
 * plus job strings that need escaping.
 */
function* busyJob(): Generator<EventRecord> {
  for (let i = 0; i < EVENTS; i++) {
    const kind = EVENT_KINDS[i % EVENT_KINDS.length];
    const pid = 1000 + (i % 30_000);
    const e: EventRecord = {
      seq: i,
      time: '2024-05-01T10:00:00.000000Z',
      kind,
      job: { id: 'job-1' },
      cgroup_id: 42,
      step: { label: `run: step ${i % 7} | <b>` },
      process: { pid, ppid: pid - 1, exec_path: `/usr/bin/tool${i % 3000}`, argv: ['tool', `--n=${i}`, '`x`'], ancestors: [] },
    };
    if (i % 50 === 0) e.container = { id: `c${i % 5000}`, image: 'img' };
    const path = `/home/runner/work/app/app/dir${i % 100}/file${i}.txt`;
    if (kind === 'process_exit') e.process.exit_code = i % 3;
    if (kind === 'network_connect') e.network = { protocol: 'tcp', family: 'ipv4', address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, port: 443 };
    if (kind === 'file_open') e.file = { path: i % 10 < 3 ? '/etc/ld.so.cache' : path, access: i % 7 < 4 ? 'read' : 'write' };
    if (kind === 'file_remove') e.file = { path: `/tmp/x${i}` };
    if (kind === 'file_move' || kind === 'file_link') e.file = { path, target_path: `${path}.new`, link_type: 'hard' };
    if (kind === 'domain') e.domain = { name: `h${i}.example.com`, source: 'dns', query_type: 'A', answers: [`10.0.0.${i & 255}`] };
    if (kind === 'unix_socket_connect') e.unix_socket = { path: i % 1000 === 0 ? '/var/run/docker.sock' : `/run/app/${i}.sock` };
    yield e;
  }
}

describe('a million events', () => {
  it('builds in bounded memory and renders under the step summary limit', () => {
    const builder = new ReportBuilder({ workspace: '/home/runner/work/app/app' });
    for (const e of busyJob()) builder.add(e);
    const model = builder.build(STATUS, { job: { id: 'job-1', name: 'busy' } });

    expect(model.events.total).toBe(EVENTS);
    expect(Object.values(model.events.byKind).reduce((a, b) => a + b, 0)).toBe(EVENTS);
    const network = model.network;
    expect(network.items).toHaveLength(model.limits.entryLimit);
    expect(network.omittedEstimated).toBe(true);
    expect(Math.abs(network.items.length + network.omitted - EVENTS / 9) / (EVENTS / 9)).toBeLessThan(0.05);
    expect(model.files.read.items[0]).toMatchObject({ path: '/etc/ld.so.cache', group: 'system' });
    expect(model.unixSockets.items.some((u) => u.bypass)).toBe(true);
    // The model is what stays in memory: its size does not grow with the event count.
    expect(JSON.stringify(model).length).toBeLessThan(20_000_000);

    const md = renderMarkdown(model);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('**3 records were lost in the kernel**');
    expect(renderText(model)).toContain('lost records: 3');
  }, 20_000);
});
