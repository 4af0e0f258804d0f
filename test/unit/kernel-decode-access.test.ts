/**
 * The decoders of process_access and mount records: every field from its
 * offset, flags turned into booleans and names, and a fuzz run of random
 * and mutated records that must decode cleanly or be reported.
 */
import { decodeBatch, decodeRecord, type Sample } from '../../src/kernel/decode.js';
import { accessRecord, components, DEFAULT_HEADER, execRecord, frame, httpRequestRecord, mountRecord } from './fixtures/records.js';
import { prng } from './fixtures/prng.js';

function decodeOne(rec: Buffer): Sample {
  return decodeRecord(rec, 0, rec.length);
}

const MEMFD = 1 << 5;
const PATH_TRUNCATED = 1 << 1;

describe('process_access records', () => {
  it('decodes a prevented ptrace attach', () => {
    expect(decodeOne(accessRecord({ op: 1, request: 16, targetPid: 777, prevented: 1 }))).toEqual({
      kind: 'access',
      ...DEFAULT_HEADER,
      op: 'ptrace',
      request: 16,
      targetPid: 777,
      targetStartNs: 0,
      targetInCallerNs: false,
      write: false,
      prevented: 'signal',
    });
  });

  it('decodes a /proc/<pid>/ open with its file, target start and write access', () => {
    const s = decodeOne(accessRecord({ op: 4, procFile: 2, targetStartNs: 2 ** 40 + 9, write: 1, prevented: 2 }));
    expect(s).toMatchObject({ op: 'proc_mem_open', procFile: 'maps', targetStartNs: 2 ** 40 + 9, write: true, prevented: 'lsm' });
  });

  it('names every operation and /proc file, and marks pids of the caller\'s namespace', () => {
    expect(decodeOne(accessRecord({ op: 2, targetNs: 1 }))).toMatchObject({ op: 'process_vm_readv', targetInCallerNs: true, prevented: undefined });
    expect(decodeOne(accessRecord({ op: 3, write: 1 }))).toMatchObject({ op: 'process_vm_writev', write: true });
    const files = [1, 2, 3, 4, 5, 6].map((f) => (decodeOne(accessRecord({ op: 4, procFile: f })) as { procFile?: string }).procFile);
    expect(files).toEqual(['mem', 'maps', 'smaps', 'smaps_rollup', 'numa_maps', 'pagemap']);
  });

  it('refuses unknown operations, /proc files, preventions and a missing target', () => {
    expect(() => decodeOne(accessRecord({ op: 9 }))).toThrow(/operation/);
    expect(() => decodeOne(accessRecord({ op: 4, procFile: 0 }))).toThrow(/proc file/);
    expect(() => decodeOne(accessRecord({ op: 1, procFile: 1 }))).toThrow(/proc file/);
    expect(() => decodeOne(accessRecord({ prevented: 3 }))).toThrow(/prevention/);
    expect(() => decodeOne(accessRecord({ targetPid: 0 }))).toThrow(/target/);
  });
});

describe('mount records', () => {
  it('decodes a bind mount with a relative source', () => {
    expect(decodeOne(mountRecord({ mountFlags: 4096 | 16384, source: 'etc', sourceBase: components('/work'), target: '/mnt/x' }))).toEqual({
      kind: 'mount',
      ...DEFAULT_HEADER,
      op: 'mount',
      mountFlags: 4096 | 16384,
      source: { raw: 'etc', base: '/work' },
      target: { raw: '/mnt/x' },
      pathTruncated: false,
    });
  });

  it('decodes move_mount with an empty path and the dirfd as its base', () => {
    const s = decodeOne(mountRecord({ op: 2, mountFlags: 4, source: '', sourceBase: components('/tmp/tree'), target: '/srv', flags: PATH_TRUNCATED }));
    expect(s).toMatchObject({ op: 'move_mount', source: { raw: '', base: '/…/tmp/tree' }, target: { raw: '/srv' }, pathTruncated: true });
  });

  it('refuses an unknown operation and blobs past the record', () => {
    expect(() => decodeOne(mountRecord({ op: 3 }))).toThrow(/mount operation/);
    const rec = mountRecord();
    rec.writeUInt16LE(500, 50);
    expect(() => decodeOne(rec)).toThrow(/past the record/);
  });
});

describe('http_request records', () => {
  it('decodes method, path, host and the server', () => {
    expect(decodeOne(httpRequestRecord())).toEqual({
      kind: 'http_request',
      ...DEFAULT_HEADER,
      method: 'POST',
      path: '/upload',
      host: 'codecov.example:8080',
      source: 'cleartext_http',
      family: 'ipv4',
      address: '198.51.100.7',
      port: 8080,
    });
    expect(decodeOne(httpRequestRecord({ host: '', pathCut: 1, family: 10, addr: [0x20, 0x01, 0x0d, 0xb8, ...Array(11).fill(0), 1] }))).toMatchObject({
      host: '',
      pathCut: true,
      address: '2001:db8::1',
    });
  });

  it('decodes a request read from SSL_write, which names no server', () => {
    const tls = { source: 1, family: 0, port: 0, addr: Array(16).fill(0) };
    expect(decodeOne(httpRequestRecord({ ...tls, method: 'GET', path: '/repos/o/r', host: 'api.github.example' }))).toEqual({
      kind: 'http_request',
      ...DEFAULT_HEADER,
      method: 'GET',
      path: '/repos/o/r',
      host: 'api.github.example',
      source: 'openssl',
    });
    expect(() => decodeOne(httpRequestRecord({ ...tls, family: 2 }))).toThrow(/names a server/);
    expect(() => decodeOne(httpRequestRecord({ ...tls, port: 443 }))).toThrow(/names a server/);
    expect(() => decodeOne(httpRequestRecord({ source: 2 }))).toThrow(/http source/);
  });

  it('refuses bytes the kernel never writes', () => {
    expect(() => decodeOne(httpRequestRecord({ method: 'get' }))).toThrow(/method/);
    expect(() => decodeOne(httpRequestRecord({ path: '/a b' }))).toThrow(/path or host/);
    expect(() => decodeOne(httpRequestRecord({ path: '' }))).toThrow(/path or host/);
    expect(() => decodeOne(httpRequestRecord({ host: 'Upper.case' }))).toThrow(/path or host/);
    expect(() => decodeOne(httpRequestRecord({ family: 1 }))).toThrow(/family/);
  });
});

it('exec records carry memfd, set only when true', () => {
  expect(decodeOne(execRecord({ flags: MEMFD }))).toMatchObject({ memfd: true });
  expect((decodeOne(execRecord()) as { memfd?: true }).memfd).toBeUndefined();
});

describe('process_access and mount fuzz', () => {
  function randomRecord(rand: () => number): Buffer {
    const pick = (n: number): number => Math.floor(rand() * n);
    if (rand() < 0.2) {
      const tls = rand() < 0.5 ? { source: 1, family: 0, port: 0, addr: Array(16).fill(0) } : {};
      return httpRequestRecord({ ...tls, method: ['GET', 'POST', 'PUT'][pick(3)], path: `/${pick(1e6)}`, host: `h${pick(100)}.test:${pick(65536)}` });
    }
    if (rand() < 0.5) {
      const op = 1 + pick(4);
      return accessRecord({ op, procFile: op === 4 ? 1 + pick(6) : 0, targetPid: 1 + pick(1 << 22), prevented: pick(3), write: pick(2), request: pick(0x4210) });
    }
    const path = (): string => Array.from({ length: pick(40) }, () => String.fromCharCode(32 + pick(95))).join('');
    return mountRecord({ op: 1 + pick(2), mountFlags: pick(2 ** 32), source: path(), target: path(), targetBase: rand() < 0.5 ? components('/a/b') : Buffer.alloc(0) });
  }

  function run(buf: Buffer): { samples: number; malformed: number } {
    let samples = 0;
    let malformed = 0;
    expect(() =>
      decodeBatch(
        buf,
        buf.length,
        (s) => {
          samples++;
          if (s.kind === 'access' && (s.targetPid === 0 || (s.op === 'proc_mem_open') !== (s.procFile !== undefined))) throw new Error('inconsistent access sample');
          if (s.kind === 'mount' && typeof s.target.raw !== 'string') throw new Error('mount without a target');
        },
        () => malformed++,
      ),
    ).not.toThrow();
    return { samples, malformed };
  }

  it('decodes thousands of valid random records', () => {
    const rand = prng(0xacce55);
    for (let n = 0; n < 2000; n++) expect(run(frame(randomRecord(rand)))).toEqual({ samples: 1, malformed: 0 });
  });

  it('survives mutated records: each decodes to a consistent sample or is reported', () => {
    const rand = prng(0x3017);
    for (let n = 0; n < 5000; n++) {
      const rec = randomRecord(rand);
      for (let m = 1 + Math.floor(rand() * 6); m > 0; m--) rec[Math.floor(rand() * rec.length)] = Math.floor(rand() * 256);
      const framed = frame(rand() < 0.5 ? rec : rec.subarray(0, Math.floor(rand() * rec.length)));
      const { samples, malformed } = run(framed);
      expect(samples + malformed).toBeLessThanOrEqual(1);
    }
  });
});
