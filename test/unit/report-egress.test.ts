import { describe, expect, test } from '@jest/globals';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ReportBuilder } from '../../src/report/model.js';

const STATUS: SensorStatus = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 1 << 20 };
const proc = { pid: 7, ppid: 1, exec_path: '/usr/bin/curl', argv: ['curl'], ancestors: [] };
const base = { seq: 0, time: '2026-01-01T00:00:00.000001Z', job: { id: 'j' }, cgroup_id: 1, process: proc, step: { pid: 7, label: 'run: curl' } };
const connect = (address: string, port: number, extra: object = {}): EventRecord => ({
  ...base,
  kind: 'network_connect',
  network: { protocol: 'tcp', family: 'ipv4', address, port, ...extra },
});

function model(events: EventRecord[]) {
  const b = new ReportBuilder();
  events.forEach((e) => b.add(e));
  return b.build(STATUS, { job: { id: 'j' } });
}

describe('the egress section', () => {
  const events = [
    connect('198.51.100.7', 443, { domain: 'github.com' }),
    connect('198.51.100.66', 4444, { outside_policy: true, blocked: true }),
    connect('198.51.100.66', 4444, { outside_policy: true, blocked: true }),
    { ...base, kind: 'domain', domain: { name: 'evil.example.net', source: 'dns', query_type: 'A', outside_policy: true, blocked: true } } as EventRecord,
    connect('198.51.100.9', 80, { outside_policy: true }),
  ];

  test('the model counts what was outside the policy, with the process and step, and holds the recommendation', () => {
    const m = model(events);
    expect(m.egress!.outside.items).toEqual([
      { destination: '198.51.100.66:4444', via: 'connect', blocked: true, count: 2, execPath: '/usr/bin/curl', step: 'run: curl' },
      { destination: 'evil.example.net', via: 'dns', blocked: true, count: 1, execPath: '/usr/bin/curl', step: 'run: curl' },
      { destination: '198.51.100.9:80', via: 'connect', blocked: false, count: 1, execPath: '/usr/bin/curl', step: 'run: curl' },
    ]);
    expect(m.egress!.recommendedEntries).toBe(2);
    expect(m.egress!.recommended).toContain('github.com:443\n');
    expect(m.egress!.recommended).toContain('198.51.100.9:80  # raw address');
    expect(m.egress!.recommended).toContain('# refused by the policy: 198.51.100.66:4444');
  });

  test('the summary shows the refusals and a copy-paste block', () => {
    const md = renderMarkdown(model(events));
    expect(md).toContain('## Network egress');
    expect(md).toContain('### Outside the egress policy');
    expect(md).toMatch(/\| 198\.51\.100\.66:4444 \| connect \| <b>refused<\/b> \| 2 \|/);
    expect(md).toMatch(/\| 198\.51\.100\.9:80 \| connect \| outside the policy \(audit\) \|/);
    // Escaped as every job string is (# as &#35;): a browser shows, and copies, the text.
    expect(md).toMatch(/<pre>\n&#35; allowed-endpoints that let this run pass[^\n]*\ngithub\.com:443\n/);
  });

  test('a run with no network still gets the (empty) recommendation', () => {
    const md = renderMarkdown(model([]));
    expect(md).toContain('## Network egress');
    expect(md).not.toContain('### Outside the egress policy');
    expect(md).toMatch(/<b>Recommended allowed-endpoints[^<]*<\/b>\n\n<pre>\n/);
  });
});
