/**
 * The bytes of events.ndjson, pinned. Records of every kind, decoded and
 * built by the real tracker and written by the real log writer, must give
 * exactly the lines in fixtures/pinned-events.ndjson (first written with
 * JSON.stringify, before the writer had a serialiser of its own): the fast
 * path may change how a line is made, never what it says. Every line is
 * also checked against the schema and against JSON.stringify of its event.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { EventLogWriter } from '../../src/events/logWriter.js';
import { decodeBatch } from '../../src/kernel/decode.js';
import { KernelTracker } from '../../src/kerneltracker/kernelTracker.js';
import { assertValidEvent } from '../helpers/schema.js';
import { FakeMaps } from './fixtures/fakeMaps.js';
import {
  accessRecord,
  answerEntry,
  argvBlob,
  components,
  connectRecord,
  domainRecord,
  execRecord,
  exitRecord,
  fileOpRecord,
  fileOpenRecord,
  forkRecord,
  frame,
  httpRequestRecord,
  mountRecord,
  unixConnectRecord,
} from './fixtures/records.js';

const PINNED = new URL('./fixtures/pinned-events.ndjson', import.meta.url).pathname;
const CGROUP = 0x1_0000_0007;
const PID = 4242;
const CHILD = 4300;

/** One of every kind, with the strings a serialiser gets wrong: quotes, backslashes, controls, non-ASCII, bad UTF-8. */
function records(): Buffer {
  const child = { pid: CHILD, tid: CHILD, startNs: 4_500_000_000 };
  return frame(
    execRecord({ argv: argvBlob(['sh', '-c', 'echo "quoted" \\ back\ttab \u00e9\u2028 \ud83d\ude00']), cwd: components('/home/runner/wörk') }),
    execRecord({ path: components('/memfd:x (deleted)'), flags: 1 << 5, argv: argvBlob(['x']) }),
    fileOpenRecord({ path: components('/etc/passwd') }),
    fileOpenRecord({ path: Buffer.from('bad\xff.txt\0tmp\0', 'latin1'), openFlags: 0o1101, access: 2 }),
    fileOpenRecord({ path: components('/proc/4242/environ'), flags: 1 << 1 }),
    // Opens as the encoder's fast path writes them: hostile names, every access, other flag sets, a path as passed.
    fileOpenRecord({ path: components('/tmp/q"uo\\te/ctl\x01\x1f\x7f/line\u2028sep\u2029/\u00e9\u{1f600}'), openFlags: 0o2000102, access: 3 }),
    fileOpenRecord({ path: Buffer.from('x\xc0\xafy\0\xed\xa0\x80\0\xe2\x82\0tmp\0', 'latin1'), openFlags: 0o1101, access: 2, flags: 1 << 1 }),
    fileOpenRecord({ path: components('/usr/bin/env'), openFlags: 0o2000000, access: 4 }),
    fileOpenRecord({ path: Buffer.from('rel/"a"\\b\n', 'latin1'), pathEnc: 2, openFlags: 0o200000 }),
    fileOpenRecord({ path: components('/etc/passwd'), openFlags: 0o2000000 }),
    connectRecord({ addr: [198, 51, 100, 7], port: 443 }),
    connectRecord({ protocol: 17, family: 10, addr: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], port: 53, flags: (1 << 6) | (1 << 7) }),
    fileOpRecord({ op: 1, path: 'gone "file"' , base: components('/tmp') }),
    fileOpRecord({ op: 2, path: '/tmp/dir' }),
    fileOpRecord({ op: 3, path: '/tmp/a', path2: '/tmp/b' }),
    fileOpRecord({ op: 4, path: '/tmp/a', path2: '/tmp/hard' }),
    fileOpRecord({ op: 5, path: '../target', path2: '/tmp/x/link' }),
    unixConnectRecord({ path: '/run/docker.sock', sockType: 1 }),
    unixConnectRecord({ path: Buffer.from('\0abstract\0name\0\0', 'latin1'), sockType: 2 }),
    accessRecord({ targetPid: PID, targetStartNs: 4_000_000_000, op: 1, request: 16 }),
    mountRecord({ mountFlags: 4096 | 16384, op: 1, source: '/src', target: 'mnt', targetBase: components('/tmp') }),
    httpRequestRecord({ method: 'GET', path: '/index.html?q=1', host: 'example.com' }),
    domainRecord({ source: 3, name: 'example.org', addr: [198, 51, 100, 8], port: 443 }),
    domainRecord({ source: 1, name: 'example.net', addr: [198, 51, 100, 53], port: 53, qtype: 1, txid: 7 }),
    domainRecord({ source: 2, name: 'example.net', addr: [198, 51, 100, 53], port: 53, qtype: 1, txid: 7, answers: Buffer.concat([answerEntry(3, 'cdn.example.net'), answerEntry(1, [198, 51, 100, 9])]) }),
    forkRecord({ ...child, ppid: PID, parentStartNs: 4_000_000_000 }),
    fileOpenRecord({ ...child, path: components('/tmp/child') }),
    // Another process's /proc entry: the open names it (target_process).
    fileOpenRecord({ ...child, path: components('/proc/4242/environ') }),
    exitRecord({ ...child, exitCode: 9 }),
  );
}

/** The records through decodeBatch, the KernelTracker and the EventLogWriter: the log's text and the events. */
function pipeline(dir: string): { text: string; events: EventRecord[] } {
  const tracker = new KernelTracker(new FakeMaps(), 1_700_000_000e9, () => 0);
  const path = join(dir, 'events.ndjson');
  const events: EventRecord[] = [];
  const writer = new EventLogWriter(path, (e) => events.push(e));
  tracker.registerJob({ id: 'j1', name: 'build "x"', repository: 'o/r' }, [{ id: BigInt(CGROUP) }], writer, { workerPid: 4000 });
  let malformed = 0;
  const decode = (batch: Buffer): void => decodeBatch(batch, batch.length, (s) => tracker.handle(s), () => malformed++);
  decode(records());
  // A create through the docker proxy is judged at the wall clock's time.
  const now = jest.spyOn(Date, 'now').mockReturnValue(1_765_000_000_000);
  try {
    const create = { image: 'busybox', name: 'web', privileged: true, pid_mode: 'host', binds: ['/'], cap_add: ['SYS_ADMIN'], devices: [], refused: true, refusal: 'container-policy: block "privileged"' };
    tracker.deliverProxyRecord(tracker.snapshotProxyRecord('j1', PID, CGROUP, { kind: 'container_create', container_create: create }));
    const exec = { container: 'web', container_id: 'c'.repeat(64), job_container: true, privileged: true, user: '0', cmd: ['sh'], refused: false };
    tracker.deliverProxyRecord(tracker.snapshotProxyRecord('j1', PID, CGROUP, { kind: 'container_exec', container_exec: exec }));
  } finally {
    now.mockRestore();
  }
  decode(frame(exitRecord({ exitCode: 3 << 8 })));
  tracker.releaseDueDomains(true);
  writer.close();
  expect(malformed).toBe(0);
  return { text: readFileSync(path, 'utf8'), events };
}

describe('events.ndjson bytes', () => {
  it('are the pinned lines for one event of every kind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinned-'));
    try {
      const { text, events } = pipeline(dir);
      expect(new Set(events.map((e) => e.kind))).toEqual(
        new Set(['process_exec', 'process_exit', 'network_connect', 'file_open', 'file_remove', 'file_move', 'file_link', 'domain', 'unix_socket_connect', 'mount', 'http_request', 'process_access', 'container_create', 'container_exec']),
      );
      expect(text).toBe(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
      text.trimEnd().split('\n').forEach((line, i) => assertValidEvent(JSON.parse(line), i + 1));
      if (process.env.PIN_EVENTS === 'write') writeFileSync(PINNED, text);
      expect(text).toBe(readFileSync(PINNED, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
