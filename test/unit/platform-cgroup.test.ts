import { describe, expect, it } from '@jest/globals';
import { cgroup2RootFromMounts } from '../../src/platform/cgroup.js';

// /proc/mounts excerpts from real hosts.
const UNIFIED = `sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=1631584k,mode=755,inode64 0 0
/dev/root / ext4 rw,relatime,discard,errors=remount-ro 0 0
cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0
bpf /sys/fs/bpf bpf rw,nosuid,nodev,noexec,relatime,mode=700 0 0
`;

const HYBRID = `sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /sys/fs/cgroup tmpfs ro,nosuid,nodev,noexec,mode=755 0 0
cgroup2 /sys/fs/cgroup/unified cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate 0 0
cgroup /sys/fs/cgroup/systemd cgroup rw,nosuid,nodev,noexec,relatime,xattr,name=systemd 0 0
cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,nodev,noexec,relatime,cpu,cpuacct 0 0
cgroup /sys/fs/cgroup/memory cgroup rw,nosuid,nodev,noexec,relatime,memory 0 0
`;

const LEGACY = `tmpfs /sys/fs/cgroup tmpfs ro,nosuid,nodev,noexec,mode=755 0 0
cgroup /sys/fs/cgroup/systemd cgroup rw,nosuid,nodev,noexec,relatime,xattr,name=systemd 0 0
cgroup /sys/fs/cgroup/memory cgroup rw,nosuid,nodev,noexec,relatime,memory 0 0
`;

describe('cgroup2RootFromMounts', () => {
  it('finds the unified hierarchy at /sys/fs/cgroup', () => {
    expect(cgroup2RootFromMounts(UNIFIED)).toBe('/sys/fs/cgroup');
  });

  it('finds it at /sys/fs/cgroup/unified on a hybrid host, past the tmpfs and v1 mounts', () => {
    expect(cgroup2RootFromMounts(HYBRID)).toBe('/sys/fs/cgroup/unified');
  });

  it('gives undefined without a cgroup2 mount', () => {
    expect(cgroup2RootFromMounts(LEGACY)).toBeUndefined();
    expect(cgroup2RootFromMounts('')).toBeUndefined();
  });

  it('takes the first of several cgroup2 mounts', () => {
    const text = `cgroup2 /first cgroup2 rw 0 0\ncgroup2 /second cgroup2 rw 0 0\n`;
    expect(cgroup2RootFromMounts(text)).toBe('/first');
  });

  it('matches the filesystem type, not the device name', () => {
    expect(cgroup2RootFromMounts('cgroup2 /not-cgroup tmpfs rw 0 0\n')).toBeUndefined();
    expect(cgroup2RootFromMounts('none /mnt/cg cgroup2 rw 0 0')).toBe('/mnt/cg');
  });

  it('unescapes spaces in the mount point', () => {
    expect(cgroup2RootFromMounts('cgroup2 /mnt/my\\040cgroup cgroup2 rw 0 0\n')).toBe('/mnt/my cgroup');
  });
});
