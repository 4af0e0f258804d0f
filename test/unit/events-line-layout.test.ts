/** The writer and the reader of events.ndjson share one layout: every payload kind goes round. */
import { describe, expect, it } from '@jest/globals';
import { eventLine } from '../../src/events/eventLine.js';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { HEAD_KEYS, PAYLOAD_KEYS, SHARED_KEYS } from '../../src/events/lineLayout.js';
import { EventLineParser } from '../../src/report/logReader.js';

const process = { pid: 42, ppid: 1, exec_path: '/bin/sh', argv: ['sh', '-c', 'echo ,"file": ,"access":'], ancestors: [] };
const base = { seq: 3, time: '2026-12-02T10:00:00.123456Z', job: { id: 'j' }, cgroup_id: 9, step: { pid: 42, label: 'run: x' }, process };

const payloads: Record<(typeof PAYLOAD_KEYS)[number], Partial<EventRecord>> = {
  network: { kind: 'network_connect', network: { protocol: 'tcp', family: 'ipv4', address: '198.51.100.1', port: 80, domain: 'a.example' } },
  file: { kind: 'file_open', file: { path: '/tmp/a', access: 'read', flags: ['O_RDONLY'] } },
  domain: { kind: 'domain', domain: { name: 'a.example', source: 'dns', query_type: 'A', answers: ['198.51.100.1'] } },
  unix_socket: { kind: 'unix_socket_connect', unix_socket: { path: '/run/docker.sock' } },
  mount: { kind: 'mount', mount: { target: '/mnt', flags: ['MS_BIND'] } },
  http: { kind: 'http_request', http: { method: 'GET', host: 'a.example', path: '/x', source: 'cleartext_http' } },
  access: { kind: 'process_access', access: { operation: 'ptrace', request: 'PTRACE_ATTACH', target: { pid: 7 } } },
  container_create: {
    kind: 'container_create',
    container_create: { image: 'alpine', privileged: true, binds: ['/'], cap_add: [], devices: [], refused: true, refusal: 'cicd-sensor container-policy block: refused --privileged' },
  },
  container_exec: {
    kind: 'container_exec',
    container_exec: { container: 'web', container_id: 'c'.repeat(64), job_container: true, privileged: true, user: '0', cmd: ['sh', '-c', 'id'], refused: true, refusal: 'r' },
  },
};

describe('line layout', () => {
  it('names every EventRecord key once, in the schema order the writer uses', () => {
    const keys = [...HEAD_KEYS, ...SHARED_KEYS, ...PAYLOAD_KEYS];
    expect(new Set(keys).size).toBe(keys.length);
    const all = { ...base, kind: 'domain', container: { id: 'c' }, ...Object.assign({}, ...Object.values(payloads)) } as EventRecord;
    expect(Object.keys(JSON.parse(eventLine(all)) as object)).toEqual(keys);
  });

  it.each(PAYLOAD_KEYS)('writes and reads back a %s event unchanged', (key) => {
    const { kind, ...payload } = payloads[key];
    const { seq, time, ...shared } = base;
    const event = { seq, time, kind, ...shared, ...payload } as EventRecord;
    const line = eventLine(event);
    expect(line).toBe(`${JSON.stringify(event)}\n`);
    const parser = new EventLineParser();
    expect(parser.parse(line.trimEnd())).toEqual(event);
    // Twice: the second time the shared run comes from the reader's cache.
    expect(parser.parse(line.trimEnd())).toEqual(event);
  });
});
