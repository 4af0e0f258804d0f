/** What the sensor needs from the host, each with the words a user can act on. */
import { existsSync } from 'node:fs';
import { cgroup2Root } from './cgroup.js';

export interface PlatformReport {
  ok: boolean;
  /** One line per missing requirement. */
  missing: string[];
  cgroupRoot?: string;
}

export function checkPlatform(): PlatformReport {
  const missing: string[] = [];
  if (process.platform !== 'linux') missing.push(`Linux is required (this is ${process.platform})`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    missing.push('root is required to load BPF programs (run with sudo)');
  }
  if (!existsSync('/sys/kernel/btf/vmlinux')) {
    missing.push('kernel BTF is missing (/sys/kernel/btf/vmlinux; needs CONFIG_DEBUG_INFO_BTF)');
  }
  const cgroupRoot = cgroup2Root();
  if (!cgroupRoot) missing.push('cgroup v2 is not mounted (no cgroup2 entry in /proc/mounts)');
  return { ok: missing.length === 0, missing, cgroupRoot };
}
