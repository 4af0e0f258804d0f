import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgroupBelowRoot } from '../../src/daemon/jobCgroup.js';

/** A stand-in cgroup v2 tree: directories with a cgroup.procs file. */
const base = mkdtempSync(join(tmpdir(), 'cs-cgroup-below-'));
const root = join(base, 'cgroup');
const cgroup = (rel: string): string => {
  const dir = join(root, rel);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cgroup.procs'), '');
  return dir;
};

beforeAll(() => {
  cgroup('');
  cgroup('job');
  cgroup('job/inner');
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'cgroup.procs'), '');
  symlinkSync(root, join(root, 'job', 'up'));
  symlinkSync(join(base, 'outside'), join(root, 'job', 'away'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('cgroupBelowRoot', () => {
  test.each([
    ['job', 'job'],
    [`${root}/job/inner`, 'job/inner'],
    ['/job/inner/../inner', 'job/inner'],
  ])('%s resolves to the cgroup below the root', (given, rel) => {
    expect(cgroupBelowRoot(given, root)).toBe(join(root, rel));
  });

  test.each([
    [`${root}/.`, /root cgroup/],
    [`${root}/job/..`, /root cgroup/],
    ['job/up', /root cgroup/],
    ['../..', /root cgroup|not below/],
    [`${root}/../outside`, /not below/],
    ['job/away', /not below/],
    ['missing', /does not exist/],
  ])('%s is refused', (given, why) => {
    expect(() => cgroupBelowRoot(given, root)).toThrow(why);
  });

  test('a directory without cgroup.procs is not a cgroup', () => {
    mkdirSync(join(root, 'plain'));
    expect(() => cgroupBelowRoot('plain', root)).toThrow(/not a cgroup v2 directory/);
  });
});
