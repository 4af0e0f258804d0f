/** Can this runner run the sensor? Each missing piece in words a user can act on. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cgroup2Root } from '../platform/cgroup.js';

export interface ActionPlatform {
  missing: string[];
  /** How to become root: nothing (already root) or sudo -n. */
  elevate: string[];
  /** systemd runs here: the daemon can be a transient unit. */
  systemd: boolean;
}

function passwordlessSudo(): boolean {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export function checkActionPlatform(): ActionPlatform {
  const missing: string[] = [];
  if (process.platform !== 'linux') missing.push(`Linux (this runner is ${process.platform})`);
  if (!existsSync('/sys/kernel/btf/vmlinux')) missing.push('kernel BTF (/sys/kernel/btf/vmlinux)');
  if (process.platform === 'linux' && !cgroup2Root()) missing.push('cgroup v2');
  const root = process.getuid?.() === 0;
  if (!root && !passwordlessSudo()) missing.push('root or passwordless sudo');
  return { missing, elevate: root ? [] : ['sudo', '-n'], systemd: existsSync('/run/systemd/system') };
}
