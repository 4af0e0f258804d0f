import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventLine } from '../../src/events/eventLine.js';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { EventLineParser, forEachLine } from '../../src/report/logReader.js';

const job = { id: 'j', name: 'n' };
const hostile = ['x",' + '"file":{"path":"/evil"}}', '},"network":{"port":1', '\\', '"', 'é\u2028', ',"process":{'];

function record(i: number, over: Partial<EventRecord> = {}): EventRecord {
  return {
    seq: i,
    time: '2026-12-02T10:00:00.000001Z',
    kind: 'file_open',
    job,
    cgroup_id: 5,
    step: { pid: 1, label: hostile[i % hostile.length] },
    process: { pid: 10 + (i % 3), ppid: 1, exec_path: '/bin/sh', argv: ['sh', hostile[i % hostile.length]!], ancestors: [] },
    file: { path: `/tmp/${hostile[(i + 1) % hostile.length]}`, access: 'read' },
    ...over,
  } as EventRecord;
}

describe('EventLineParser', () => {
  it('reads back exactly what the tracker wrote, hostile strings included', () => {
    const parser = new EventLineParser();
    const records: EventRecord[] = [];
    for (let i = 0; i < 60; i++) {
      records.push(record(i));
      records.push(record(i, { kind: 'network_connect', file: undefined, network: { protocol: 'tcp', family: 'ipv4', address: '127.0.0.1', port: i } }));
      records.push(record(i, { kind: 'process_exec', file: undefined, step: undefined }));
      records.push(record(i, { kind: 'unix_socket_connect', file: undefined, unix_socket: { path: hostile[i % hostile.length]! }, container: { id: 'c' } }));
    }
    for (const r of records) {
      const line = eventLine(r).slice(0, -1);
      expect(parser.parse(line)).toEqual(JSON.parse(line));
    }
  });

  it('parses lines of another shape whole, and throws on broken ones', () => {
    const parser = new EventLineParser();
    const foreign = { kind: 'file_open', process: { pid: 1 }, job: { id: 'x' }, seq: 1 };
    expect(parser.parse(JSON.stringify(foreign))).toEqual(foreign);
    for (const head of [{ seq: 1.5 }, { seq: 1, time: 'a\\"b' }, { seq: 2, kind: 'x\\y' }]) {
      const line = eventLine({ ...record(3), ...head } as EventRecord).slice(0, -1);
      expect(parser.parse(line)).toEqual(JSON.parse(line));
    }
    expect(() => parser.parse(eventLine(record(1)).slice(0, 80))).toThrow(SyntaxError);
    expect(() => parser.parse('{"seq":1,"job":{},"process":{')).toThrow(SyntaxError);
  });
});

describe('forEachLine', () => {
  it('gives every non-empty line, a last one without its newline too, and lines longer than its buffer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-log-'));
    try {
      const long = 'y'.repeat(9 << 20);
      writeFileSync(join(dir, 'l'), `a\n\nbé\n${long}\ntorn`);
      const lines: string[] = [];
      forEachLine(join(dir, 'l'), (l) => lines.push(l));
      expect(lines).toEqual(['a', 'bé', long, 'torn']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
