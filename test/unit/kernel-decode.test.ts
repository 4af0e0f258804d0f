import { describe, expect, it } from '@jest/globals';
import { decodeBatch, decodeRecord, MalformedRecord, type Sample } from '../../src/kernel/decode.js';
import {
  DEFAULT_HEADER,
  argvBlob,
  cgroupRecord,
  components,
  connectRecord,
  execRecord,
  exitRecord,
  fileOpRecord,
  fileOpenRecord,
  forkRecord,
  frame,
  oneOfEach,
  unixConnectRecord,
  tamperRecord,
  withSize,
} from './fixtures/records.js';
import { prng } from './fixtures/prng.js';

const PATH_TRUNCATED = 1 << 1;
const PATH2_TRUNCATED = 1 << 2;
const CWD_TRUNCATED = 1 << 3;

interface Decoded {
  samples: Sample[];
  malformed: string[];
}

/**
 * Runs decodeBatch, collecting what it reports. A decoder that loops without
 * advancing would hang the test, so the callbacks give up after a bound no
 * real batch of this size can reach.
 */
function decode(b: Buffer, len = b.length): Decoded {
  const out: Decoded = { samples: [], malformed: [] };
  const bound = 2 + len / 8;
  const check = (): void => {
    if (out.samples.length + out.malformed.length > bound) throw new Error('decodeBatch does not advance');
  };
  decodeBatch(
    b,
    len,
    (s) => {
      out.samples.push(s);
      check();
    },
    (reason) => {
      out.malformed.push(reason);
      check();
    },
  );
  return out;
}

/** Decodes one framed record that must decode. */
function only(rec: Buffer): Sample {
  const { samples, malformed } = decode(frame(rec));
  expect(malformed).toEqual([]);
  expect(samples).toHaveLength(1);
  return samples[0]!;
}

describe('decodeRecord: each kind', () => {
  it('reads the common header of every kind', () => {
    for (const rec of oneOfEach()) {
      const s = decodeRecord(rec, 0, rec.length);
      expect(s).toMatchObject({
        pid: DEFAULT_HEADER.pid,
        tid: DEFAULT_HEADER.tid,
        timeNs: DEFAULT_HEADER.timeNs,
        cgroupId: DEFAULT_HEADER.cgroupId,
        startNs: DEFAULT_HEADER.startNs,
      });
    }
  });

  it('reads u64 fields above 2^32 in both halves', () => {
    const s = only(forkRecord({ timeNs: 2 ** 40 + 5, cgroupId: 2 ** 33 + 1, parentStartNs: 2 ** 45 + 3 }));
    expect(s).toMatchObject({ timeNs: 2 ** 40 + 5, cgroupId: 2 ** 33 + 1, parentStartNs: 2 ** 45 + 3 });
  });

  it('decodes exec: path, argv and cwd', () => {
    const s = only(
      execRecord({
        ppid: 17,
        uid: 0,
        parentStartNs: 123,
        path: components('/usr/bin/python3'),
        argv: argvBlob(['python3', '-c', 'print("a b")', '']),
        cwd: components('/home/runner/work/repo'),
      }),
    );
    expect(s).toEqual({
      kind: 'exec',
      ...DEFAULT_HEADER,
      ppid: 17,
      uid: 0,
      parentStartNs: 123,
      execPath: '/usr/bin/python3',
      argv: ['python3', '-c', 'print("a b")', ''],
      cwd: '/home/runner/work/repo',
    });
  });

  it('keeps the last argument of a truncated argv, which has no NUL', () => {
    const s = only(execRecord({ argv: Buffer.from('curl\0-sSL\0https://exa'), flags: 1 }));
    expect(s).toMatchObject({ argv: ['curl', '-sSL', 'https://exa'], flags: 1 });
  });

  it('marks truncated exec paths and cwds with a /… prefix, each by its own flag', () => {
    const path = components('lib/ld.so');
    const cwd = components('deep/dir');
    expect(only(execRecord({ path, cwd, flags: PATH_TRUNCATED }))).toMatchObject({
      execPath: '/…/lib/ld.so',
      cwd: '/deep/dir',
    });
    expect(only(execRecord({ path, cwd, flags: CWD_TRUNCATED }))).toMatchObject({
      execPath: '/lib/ld.so',
      cwd: '/…/deep/dir',
    });
  });

  it('gives an empty exec path and argv when the blobs are empty', () => {
    const s = only(execRecord({ path: Buffer.alloc(0), argv: Buffer.alloc(0) }));
    expect(s).toMatchObject({ execPath: '', argv: [] });
  });

  it('decodes fork', () => {
    expect(only(forkRecord({ ppid: 1, uid: 65534, parentStartNs: 99 }))).toEqual({
      kind: 'fork',
      ...DEFAULT_HEADER,
      ppid: 1,
      uid: 65534,
      parentStartNs: 99,
    });
  });

  it('decodes exit with the raw wait status', () => {
    expect(only(exitRecord({ exitCode: (3 << 8) | 0 }))).toEqual({ kind: 'exit', ...DEFAULT_HEADER, status: 0x300 });
    expect(only(exitRecord({ exitCode: 0x89 }))).toMatchObject({ status: 0x89 });
  });

  it('decodes every cgroup op with its name', () => {
    const ops = ['mkdir', 'rmdir', 'attach', 'promote'];
    ops.forEach((name, i) => {
      const s = only(cgroupRecord({ op: i + 1, id: 2 ** 36, parentId: 7, name: 'docker-ab12.scope' }));
      expect(s).toEqual({ kind: 'cgroup', ...DEFAULT_HEADER, op: name, id: 2 ** 36, parentId: 7, name: 'docker-ab12.scope' });
    });
  });

  it('decodes an IPv4 TCP connect', () => {
    const s = only(connectRecord({ protocol: 6, family: 2, port: 443, addr: [140, 82, 112, 3] }));
    expect(s).toEqual({
      kind: 'connect',
      ...DEFAULT_HEADER,
      protocol: 'tcp',
      family: 'ipv4',
      address: '140.82.112.3',
      port: 443,
      viaSendmsg: false,
    });
  });

  it('decodes an IPv6 UDP sendmsg', () => {
    const addr = [0x20, 0x01, 0x48, 0x60, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88];
    const s = only(connectRecord({ protocol: 17, family: 10, port: 53, addr, viaSendmsg: true }));
    expect(s).toMatchObject({ protocol: 'udp', family: 'ipv6', address: '2001:4860:4860::8888', port: 53, viaSendmsg: true });
  });

  it('reads the port in host order and calls other protocols other', () => {
    expect(only(connectRecord({ port: 0xfffe, protocol: 1 }))).toMatchObject({ port: 65534, protocol: 'other' });
  });

  it('decodes file_open with a components path', () => {
    const s = only(fileOpenRecord({ openFlags: 0o1101, access: 2, path: components('/tmp/out.log') }));
    expect(s).toEqual({ kind: 'file_open', ...DEFAULT_HEADER, openFlags: 0o1101, access: 2, path: '/tmp/out.log' });
  });

  it('decodes file_open with a string path as it is', () => {
    expect(only(fileOpenRecord({ pathEnc: 2, path: Buffer.from('rel/file') }))).toMatchObject({ path: 'rel/file' });
  });

  it('decodes a truncated file_open path with a /… prefix', () => {
    const s = only(fileOpenRecord({ path: components('node_modules/x/index.js'), flags: PATH_TRUNCATED }));
    expect(s).toMatchObject({ path: '/…/node_modules/x/index.js' });
  });

  it('decodes unlink and rmdir without a second path', () => {
    const s = only(fileOpRecord({ op: 1, path: 'old.txt', base: components('/work/repo'), path2: 'ignored' }));
    expect(s).toEqual({
      kind: 'file_op',
      ...DEFAULT_HEADER,
      op: 'unlink',
      opFlags: 0,
      path: { raw: 'old.txt', base: '/work/repo' },
    });
    const rmdir = only(fileOpRecord({ op: 2, path: '/tmp/d' }));
    expect(rmdir).toMatchObject({ op: 'rmdir', path: { raw: '/tmp/d' } });
    expect(rmdir).not.toHaveProperty('path2');
    expect((rmdir as { path: object }).path).not.toHaveProperty('base');
  });

  it('decodes rename, link and symlink with both paths and their bases', () => {
    const names = ['rename', 'link', 'symlink'];
    names.forEach((name, i) => {
      const s = only(
        fileOpRecord({
          op: i + 3,
          opFlags: 1,
          path: 'a',
          base: components('/src'),
          path2: '../b',
          base2: components('/dst/sub'),
        }),
      );
      expect(s).toMatchObject({
        op: name,
        opFlags: 1,
        path: { raw: 'a', base: '/src' },
        path2: { raw: '../b', base: '/dst/sub' },
      });
    });
  });

  it('applies the truncation flags to the matching base only', () => {
    const rec = (flags: number): Buffer =>
      fileOpRecord({ op: 3, flags, path: 'a', base: components('/x'), path2: 'b', base2: components('/y') });
    expect(only(rec(PATH_TRUNCATED))).toMatchObject({ path: { base: '/…/x' }, path2: { base: '/y' } });
    expect(only(rec(PATH2_TRUNCATED))).toMatchObject({ path: { base: '/x' }, path2: { base: '/…/y' } });
  });

  it('decodes a pathname unix socket, stopping at its NUL', () => {
    expect(only(unixConnectRecord({ path: '/var/run/docker.sock', sockType: 1 }))).toEqual({
      kind: 'unix_connect',
      ...DEFAULT_HEADER,
      path: '/var/run/docker.sock',
      socketType: 'stream',
    });
    expect(only(unixConnectRecord({ sockType: 2 }))).toMatchObject({ socketType: 'dgram' });
    expect(only(unixConnectRecord({ sockType: 5 }))).toMatchObject({ socketType: 'seqpacket' });
    expect(only(unixConnectRecord({ sockType: 0 }))).toMatchObject({ socketType: 'unknown' });
    expect(only(unixConnectRecord({ path: '/run/s.sock\0\0garbage' }))).toMatchObject({ path: '/run/s.sock' });
  });

  it("gives a unix connect's peer socket file as stat(2) names it, and says when io_uring made it", () => {
    // Kernel dev_t 259:0x12345 (major << 20 | minor); stat's encoding splits the minor around the major.
    const peerDev = (259 << 20) | 0x12345;
    const s = only(unixConnectRecord({ peerDev, peerIno: 2 ** 40 + 7, flags: 1 << 8 }));
    expect(s).toMatchObject({ peer: { dev: 0x45 + 259 * 0x100 + 0x12300 * 0x1000, ino: 2 ** 40 + 7 }, ioUring: true });
    expect(only(unixConnectRecord({ path: '\0abstract' }))).not.toHaveProperty('peer');
  });

  it('decodes what the kernel saw done to the sensor: a signal, a stop window, a tracer', () => {
    expect(only(tamperRecord({ op: 1, sig: 19, targetTid: 77, result: 1 }))).toEqual({
      kind: 'tamper',
      op: 'signal',
      ...DEFAULT_HEADER,
      signal: 19,
      targetTid: 77,
      result: 1,
    });
    expect(only(tamperRecord({ op: 2, sig: 0x8, stoppedNs: 4e9, stoppedTotalNs: 3e6, count: 250 }))).toMatchObject({
      op: 'stopped',
      state: 'traced',
      stoppedNs: 4e9,
      totalNs: 3e6,
      count: 250,
    });
    expect(only(tamperRecord({ op: 2, sig: 0x104, count: 1 }))).toMatchObject({ state: 'stopped' });
    expect(only(tamperRecord({ op: 2, sig: 0x8000, count: 1 }))).toMatchObject({ state: 'frozen' });
    expect(only(tamperRecord({ op: 3, tracerPid: 99, tracerStartNs: 123 }))).toMatchObject({ op: 'traced', tracerPid: 99, tracerStartNs: 123 });
  });

  it('shows abstract unix names with @, drops trailing NUL padding, escapes inner NULs', () => {
    expect(only(unixConnectRecord({ path: '\0dbus-abc' }))).toMatchObject({ path: '@dbus-abc' });
    expect(only(unixConnectRecord({ path: '\0/tmp/.X11-unix/X0\0\0\0\0' }))).toMatchObject({
      path: '@/tmp/.X11-unix/X0',
    });
    expect(only(unixConnectRecord({ path: '\0a\0b\0' }))).toMatchObject({ path: '@a\\x00b' });
    expect(only(unixConnectRecord({ path: '\0' }))).toMatchObject({ path: '@' });
    expect(only(unixConnectRecord({ path: '\0\0\0' }))).toMatchObject({ path: '@' });
  });

  it('escapes invalid UTF-8 in names and keeps valid UTF-8', () => {
    const name = Buffer.concat([Buffer.from('caf\u00e9-'), Buffer.from([0xff, 0x41])]);
    expect(only(cgroupRecord({ name }))).toMatchObject({ name: 'café-\\xffA' });
  });
});

describe('decodeRecord: malformed records', () => {
  const malformed = (rec: Buffer, len = rec.length): void => {
    expect(() => decodeRecord(rec, 0, len)).toThrow(MalformedRecord);
  };

  it('rejects records shorter than the header or their fixed part', () => {
    malformed(Buffer.alloc(39));
    const fork = forkRecord();
    malformed(withSize(fork.subarray(0, 48), 48));
  });

  it('rejects a size field that disagrees with the framing length', () => {
    malformed(withSize(forkRecord(), 57));
    const fork = forkRecord();
    malformed(Buffer.concat([fork, Buffer.alloc(8)]), fork.length + 8);
  });

  it('rejects unknown kinds', () => {
    for (const kind of [0, 9, 0xffff]) {
      const rec = forkRecord();
      rec.writeUInt16LE(kind, 0);
      malformed(rec);
    }
  });

  it('rejects unknown cgroup ops, file ops, families and path encodings', () => {
    malformed(cgroupRecord({ op: 0 }));
    malformed(cgroupRecord({ op: 5 }));
    malformed(fileOpRecord({ op: 0 }));
    malformed(fileOpRecord({ op: 6 }));
    malformed(connectRecord({ family: 1 }));
    malformed(connectRecord({ family: 0 }));
    malformed(fileOpenRecord({ pathEnc: 0 }));
    malformed(fileOpenRecord({ pathEnc: 3 }));
  });

  it('rejects every blob length that runs past the record', () => {
    const cases: [Buffer, number][] = [
      [execRecord(), 56],
      [execRecord(), 58],
      [execRecord(), 60],
      [cgroupRecord(), 60],
      [fileOpenRecord(), 46],
      [fileOpRecord({ op: 3, path: 'a', path2: 'b' }), 48],
      [fileOpRecord({ op: 3, path: 'a', path2: 'b' }), 50],
      [fileOpRecord({ op: 3, path: 'a', path2: 'b' }), 52],
      [fileOpRecord({ op: 3, path: 'a', path2: 'b' }), 54],
      [unixConnectRecord(), 40],
    ];
    for (const [rec, lenField] of cases) {
      const bad = Buffer.from(rec);
      bad.writeUInt16LE(bad.readUInt16LE(lenField) + 1, lenField);
      malformed(bad);
      bad.writeUInt16LE(0xffff, lenField);
      malformed(bad);
    }
  });

  it('accepts a record with bytes left over after its blobs', () => {
    // The decoder trusts the blob lengths, not that they fill the record.
    const rec = withSize(Buffer.concat([unixConnectRecord({ path: '/s' }), Buffer.from('xyz')]), 56 + 2 + 3);
    expect(decodeRecord(rec, 0, rec.length)).toMatchObject({ kind: 'unix_connect', path: '/s' });
  });
});

describe('decodeBatch', () => {
  it('decodes a batch of every kind, in order', () => {
    const { samples, malformed } = decode(frame(...oneOfEach()));
    expect(malformed).toEqual([]);
    expect(samples.map((s) => s.kind)).toEqual([
      'exec',
      'fork',
      'exit',
      'cgroup',
      'connect',
      'file_open',
      'file_op',
      'unix_connect',
      'access',
      'mount',
      'http_request',
      'tamper',
      'domain',
    ]);
  });

  it('reports nothing for an empty batch or one shorter than a framing header', () => {
    expect(decode(Buffer.alloc(0))).toEqual({ samples: [], malformed: [] });
    expect(decode(Buffer.alloc(7))).toEqual({ samples: [], malformed: [] });
  });

  it('decodes only the first len bytes of a larger buffer', () => {
    const batch = frame(forkRecord(), exitRecord());
    const buf = Buffer.concat([batch, frame(forkRecord()), Buffer.alloc(64, 0xee)]);
    expect(decode(buf, batch.length).samples.map((s) => s.kind)).toEqual(['fork', 'exit']);
  });

  it('skips a bad record and goes on with its neighbours', () => {
    const bad = [
      withSize(forkRecord(), 99),
      cgroupRecord({ op: 77 }),
      connectRecord({ family: 3 }),
      fileOpenRecord({ pathEnc: 9 }),
      fileOpRecord({ op: 0 }),
      Buffer.alloc(40),
      Buffer.alloc(12, 0xff),
    ];
    for (const rec of bad) {
      const { samples, malformed } = decode(frame(forkRecord({ pid: 1 }), rec, exitRecord({ pid: 2 })));
      expect(malformed).toHaveLength(1);
      expect(samples.map((s) => [s.kind, s.pid])).toEqual([
        ['fork', 1],
        ['exit', 2],
      ]);
    }
  });

  it('reports a framing length that runs past the batch and stops', () => {
    const batch = frame(forkRecord(), exitRecord());
    const cut = batch.subarray(0, batch.length - 8);
    const { samples, malformed } = decode(cut);
    expect(samples.map((s) => s.kind)).toEqual(['fork']);
    expect(malformed).toHaveLength(1);
  });

  it('ignores a trailing fragment shorter than a framing header', () => {
    const batch = Buffer.concat([frame(forkRecord()), Buffer.alloc(5, 0xff)]);
    expect(decode(batch)).toMatchObject({ malformed: [], samples: [{ kind: 'fork' }] });
  });

  it('reports a zero framing length as malformed and goes on', () => {
    const zero = Buffer.alloc(8);
    const { samples, malformed } = decode(Buffer.concat([zero, frame(forkRecord())]));
    expect(malformed).toHaveLength(1);
    expect(samples.map((s) => s.kind)).toEqual(['fork']);
  });

  it('reports framing lengths near 2^32 instead of throwing or looping', () => {
    for (const len of [0x7ffffff9, 0x80000000, 0xfffffff1, 0xfffffff8, 0xffffffff]) {
      const head = Buffer.alloc(8);
      head.writeUInt32LE(len, 0);
      const batch = Buffer.concat([frame(forkRecord()), head, Buffer.alloc(48)]);
      let result: Decoded | undefined;
      expect(() => {
        result = decode(batch);
      }).not.toThrow();
      expect(result!.samples.map((s) => s.kind)).toEqual(['fork']);
      expect(result!.malformed.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('passes on exceptions from onSample that are not about decoding', () => {
    expect(() =>
      decodeBatch(
        frame(forkRecord()),
        64,
        () => {
          throw new TypeError('consumer bug');
        },
        () => undefined,
      ),
    ).toThrow(TypeError);
  });
});

describe('decodeBatch fuzz', () => {
  /** Callbacks only, never an exception, and no more callbacks than records could fit. */
  function survives(buf: Buffer): Decoded {
    let result: Decoded | undefined;
    expect(() => {
      result = decode(buf);
    }).not.toThrow();
    return result!;
  }

  it('survives random buffers', () => {
    const rand = prng(0x5eed);
    for (let n = 0; n < 3000; n++) {
      const buf = Buffer.alloc(Math.floor(rand() * 600));
      for (let i = 0; i < buf.length; i++) buf[i] = Math.floor(rand() * 256);
      survives(buf);
    }
  });

  it('survives random buffers with plausible framing', () => {
    // Pure noise mostly fails at the first framing word; this gets past it
    // into the record decoders with a plausible kind and size.
    const rand = prng(42);
    for (let n = 0; n < 3000; n++) {
      const parts: Buffer[] = [];
      for (let r = Math.floor(rand() * 4); r >= 0; r--) {
        const rec = Buffer.alloc(40 + Math.floor(rand() * 200));
        for (let i = 0; i < rec.length; i++) rec[i] = Math.floor(rand() * 256);
        rec.writeUInt16LE(1 + Math.floor(rand() * 9), 0);
        rec.writeUInt16LE(rec.length, 2);
        parts.push(frame(rec));
      }
      survives(Buffer.concat(parts));
    }
  });

  it('survives mutations of a valid batch, and keeps decoding the untouched records', () => {
    const rand = prng(7);
    const records = oneOfEach();
    const good = frame(...records);
    const starts: number[] = [];
    let at = 0;
    for (const rec of records) {
      starts.push(at);
      at += 8 + Math.ceil(rec.length / 8) * 8;
    }
    for (let n = 0; n < 3000; n++) {
      const buf = Buffer.from(good);
      // Mutate inside one record only, framing prefix included, so the others stay valid.
      const victim = Math.floor(rand() * records.length);
      const from = starts[victim]!;
      const span = 8 + records[victim]!.length;
      for (let m = 1 + Math.floor(rand() * 4); m > 0; m--) {
        const at = from + Math.floor(rand() * span);
        const r = rand();
        buf[at] = r < 0.3 ? 0 : r < 0.6 ? 0xff : Math.floor(rand() * 256);
      }
      const { samples, malformed } = survives(buf);
      const framingIntact = buf.readUInt32LE(from) === records[victim]!.length;
      if (framingIntact) {
        // Every other record decodes; the victim decodes or is reported, once.
        expect(samples.length + malformed.length).toBe(records.length);
        expect(samples.length).toBeGreaterThanOrEqual(records.length - 1);
        const others = samples.filter((s) => s.timeNs === 5_000_000_123 && s.pid === 4242);
        expect(others.length).toBeGreaterThanOrEqual(records.length - 1);
      } else {
        // Records before the victim are untouched by its framing.
        expect(samples.length).toBeGreaterThanOrEqual(victim);
      }
    }
  });
});

describe('exec cwd at the root', () => {
  it('decodes an empty component list as "/"', () => {
    const rec = execRecord({ cwd: Buffer.alloc(0) });
    const s = decodeRecord(rec, 0, rec.length);
    expect(s.kind === 'exec' && s.cwd).toBe('/');
  });
});

describe('consumer errors', () => {
  it('are not reported as malformed records', () => {
    const rec = execRecord();
    const batch = Buffer.alloc(8 + Math.ceil(rec.length / 8) * 8);
    batch.writeUInt32LE(rec.length, 0);
    rec.copy(batch, 8);
    expect(() =>
      decodeBatch(batch, batch.length, () => {
        throw new RangeError('bug in the consumer');
      }, () => undefined),
    ).toThrow('bug in the consumer');
  });
});
