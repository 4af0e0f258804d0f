/** The mount table as the tamper check reads it, and which mounts hide the cgroup fs. */
import { describe, expect, it } from '@jest/globals';
import { covers, parseMountInfo } from '../../src/platform/mounts.js';

describe('parseMountInfo', () => {
  it('reads id, mount point (unescaped), type and source, optional fields or not', () => {
    const text = [
      '36 25 0:31 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate',
      '812 36 0:77 / /sys/fs/cgroup/unified/with\\040space rw,relatime - tmpfs cs-tamper rw',
      'garbage',
    ].join('\n');
    expect(parseMountInfo(text)).toEqual([
      { id: 36, mountPoint: '/sys/fs/cgroup/unified', fsType: 'cgroup2', source: 'cgroup2' },
      { id: 812, mountPoint: '/sys/fs/cgroup/unified/with space', fsType: 'tmpfs', source: 'cs-tamper' },
    ]);
  });
});

describe('covers', () => {
  const root = '/sys/fs/cgroup/unified';
  it('is true for a mount on the path, inside it, or on a directory above it', () => {
    expect(covers(root, root)).toBe(true);
    expect(covers(`${root}/job/child`, root)).toBe(true);
    expect(covers('/sys/fs/cgroup', root)).toBe(true);
    expect(covers('/sys', `${root}/`)).toBe(true);
  });
  it("is false for '/', a sibling, or a name that merely starts the same", () => {
    expect(covers('/', root)).toBe(false);
    expect(covers('/sys/fs/cgroup/cpu', root)).toBe(false);
    expect(covers('/sys/fs/cgroup/unified2', root)).toBe(false);
  });
});
