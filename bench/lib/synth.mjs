// A synthetic events.ndjson shaped like a real build's log (the shapes
// src/events/eventRecord.ts and schema/event-record.schema.json define):
// compile units of gcc → cc1 → as with their header reads, object writes and
// temp-file removes, plus the connects, DNS names, unix sockets, moves and
// links a CI job adds. Deterministic, so every run times the same input.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './sensor.mjs';

const WORKSPACE = '/home/runner/work/app/app';
const JOB = { id: 'build', name: 'build', workflow: 'CI', repository: 'org/app', run_id: '1234567890', run_attempt: '1' };
const STEP = { pid: 2000, label: 'run: make -j2' };
const SYSTEM_HEADERS = Array.from({ length: 300 }, (_, i) => `/usr/include/x86_64-linux-gnu/bits/header${i}.h`);
const LIBS = ['/etc/ld.so.cache', '/usr/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/x86_64-linux-gnu/libm.so.6'];
const HOSTS = ['registry.npmjs.org', 'github.com', 'objects.githubusercontent.com', 'pypi.org', 'files.pythonhosted.org'];

/** xorshift32: the same sequence on every run. */
function random(seed) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

function timeOf(ns) {
  const iso = new Date(Math.floor(ns / 1e6)).toISOString();
  return `${iso.slice(0, 23)}${String(Math.floor(ns / 1e3) % 1000).padStart(3, '0')}Z`;
}

class Generator {
  constructor(emit) {
    this.emit = emit;
    this.seq = 0;
    this.clock = Date.parse('2026-01-01T00:00:00Z') * 1e6;
    this.nextPid = 3000;
    this.rand = random(0x5eed);
    this.make = this.spawn(undefined, '/usr/bin/make', ['make', '-j2']);
  }

  spawn(parent, execPath, argv) {
    this.clock += 20_000;
    const ancestors = parent
      ? [{ pid: parent.pid, exec_path: parent.exec_path, argv: parent.argv }, ...parent.ancestors].slice(0, 8)
      : [{ pid: STEP.pid, exec_path: '/usr/bin/bash', argv: ['bash', '-e', '/home/runner/work/_temp/step.sh'] }];
    return {
      pid: this.nextPid++,
      ppid: parent?.pid ?? STEP.pid,
      uid: 1001,
      exec_path: execPath,
      argv,
      cwd: WORKSPACE,
      start_time: timeOf(this.clock),
      ancestors,
    };
  }

  event(kind, proc, extra = {}) {
    this.clock += 1_000 + Math.floor(this.rand() * 4_000);
    this.emit({ seq: this.seq++, time: timeOf(this.clock), kind, job: JOB, cgroup_id: 4242, step: STEP, process: proc, ...extra });
  }

  open(proc, path, access = 'read', flags = ['O_RDONLY', 'O_CLOEXEC']) {
    this.event('file_open', proc, { file: { path, access, flags } });
  }

  exec(parent, execPath, argv) {
    const proc = this.spawn(parent, execPath, argv);
    this.event('process_exec', proc);
    for (const lib of LIBS) this.open(proc, lib);
    return proc;
  }

  exit(proc) {
    this.event('process_exit', { ...proc, exit_code: 0 });
  }

  /** One translation unit: about 140 events. */
  unit(k) {
    const src = `src/dir${k % 97}/unit${k}.c`;
    const obj = `obj/dir${k % 97}/unit${k}.o`;
    const tmp = `/tmp/cc${k.toString(36).padStart(6, 'x')}.s`;
    const gcc = this.exec(this.make, '/usr/bin/x86_64-linux-gnu-gcc-12', ['cc', '-O2', '-Wall', '-Iinclude', '-MMD', '-c', src, '-o', obj]);
    // The same argv gcc 12 gives cc1 for this project's Makefile.
    const cc1argv = ['/usr/lib/gcc/x86_64-linux-gnu/12/cc1', '-quiet', '-I', 'include', '-imultiarch', 'x86_64-linux-gnu',
      '-MMD', obj.replace(/\.o$/, '.d'), '-MQ', obj, src, '-quiet', '-dumpdir', 'obj/', '-dumpbase', `unit${k}.c`,
      '-dumpbase-ext', '.c', '-mtune=generic', '-march=x86-64', '-O2', '-Wall', '-fasynchronous-unwind-tables', '-o', tmp];
    const cc1 = this.exec(gcc, cc1argv[0], cc1argv);
    this.open(cc1, `${WORKSPACE}/${src}`);
    for (let h = 0; h < 110; h++) this.open(cc1, SYSTEM_HEADERS[Math.floor(this.rand() * SYSTEM_HEADERS.length)]);
    for (let h = 0; h < 4; h++) this.open(cc1, `${WORKSPACE}/include/mod${(k + h * 5) % 16}.h`);
    this.open(cc1, tmp, 'write', ['O_WRONLY', 'O_CREAT', 'O_TRUNC']);
    this.exit(cc1);
    const as = this.exec(gcc, '/usr/bin/x86_64-linux-gnu-as', ['as', '--64', '-o', obj, tmp]);
    this.open(as, tmp);
    this.open(as, `${WORKSPACE}/${obj}`, 'write', ['O_WRONLY', 'O_CREAT', 'O_TRUNC']);
    this.exit(as);
    this.event('file_remove', gcc, { file: { path: tmp } });
    this.exit(gcc);
    if (k % 50 === 0) this.network(gcc, k);
    if (k % 100 === 0) this.archive(k);
  }

  network(proc, k) {
    const host = HOSTS[k % HOSTS.length];
    const address = `140.82.${(k >> 8) & 255}.${k & 255}`;
    this.event('domain', proc, { domain: { name: host, source: 'dns', query_type: 'A', server: { address: '127.0.0.53', port: 53 }, answers: [address] } });
    this.event('network_connect', proc, { network: { protocol: 'udp', family: 'ipv4', address: '127.0.0.53', port: 53 } });
    this.event('network_connect', proc, { network: { protocol: 'tcp', family: 'ipv4', address, port: 443, domain: host } });
    if (k % 200 === 0) this.event('unix_socket_connect', proc, { unix_socket: { path: '/var/run/docker.sock' } });
  }

  archive(k) {
    const ar = this.exec(this.make, '/usr/bin/x86_64-linux-gnu-ar', ['ar', 'rcs', 'libunits.a', 'obj/unit0.o']);
    this.event('file_move', ar, { file: { path: `${WORKSPACE}/stT${k}`, target_path: `${WORKSPACE}/libunits.a` } });
    this.event('file_link', ar, { file: { path: `${WORKSPACE}/libunits.a`, target_path: `${WORKSPACE}/lib/libunits-${k}.a`, link_type: 'symbolic' } });
    this.exit(ar);
  }
}

/** ajv's validator for the event contract, or undefined when ajv is not installed. */
function schemaValidator() {
  try {
    const require = createRequire(join(REPO, 'package.json'));
    const Ajv = require('ajv/dist/2020.js').default;
    const addFormats = require('ajv-formats').default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schema', 'event-record.schema.json'), 'utf8')));
    return (e) => (validate(e) ? undefined : ajv.errorsText(validate.errors));
  } catch {
    return undefined;
  }
}

/**
 * Writes `count` events to `path`. The first few thousand are checked
 * against the schema, so the report is timed on input the contract allows.
 * Returns { events, bytes, schemaChecked }.
 */
export function writeSyntheticLog(path, count) {
  const validate = schemaValidator();
  const fd = openSync(path, 'w');
  let pending = [];
  let pendingBytes = 0;
  let bytes = 0;
  let written = 0;
  const flush = () => {
    const chunk = pending.join('');
    writeSync(fd, chunk);
    bytes += Buffer.byteLength(chunk);
    pending = [];
    pendingBytes = 0;
  };
  const gen = new Generator((e) => {
    if (written >= count) return;
    if (validate && written < 5000) {
      const error = validate(e);
      if (error) throw new Error(`synthetic event ${written} breaks the schema: ${error}`);
    }
    const line = `${JSON.stringify(e)}\n`;
    pending.push(line);
    pendingBytes += line.length;
    written++;
    if (pendingBytes > 4 << 20) flush();
  });
  try {
    for (let k = 0; written < count; k++) gen.unit(k);
    flush();
  } finally {
    closeSync(fd);
  }
  return { events: written, bytes, schemaChecked: validate ? Math.min(count, 5000) : 0 };
}
