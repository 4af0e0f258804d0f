/** Can this runner run the sensor? Each missing piece in words a user can act on. */
import { existsSync } from 'node:fs';
import { cgroup2Root } from '../platform/cgroup.js';
import { runWaited } from './command.js';

export interface ActionPlatform {
  missing: string[];
  /** How to become root: nothing (already root) or sudo -n. */
  elevate: string[];
  /** systemd runs here: the daemon can be a transient unit. */
  systemd: boolean;
}

async function passwordlessSudo(): Promise<boolean> {
  try {
    return (await runWaited(['sudo', '-n', 'true'], 10_000)).exitCode === 0;
  } catch {
    return false; // no sudo at all, or it hung asking for something
  }
}

export async function checkActionPlatform(): Promise<ActionPlatform> {
  const missing: string[] = [];
  if (process.platform !== 'linux') missing.push(`Linux (this runner is ${process.platform})`);
  if (!existsSync('/sys/kernel/btf/vmlinux')) missing.push('kernel BTF (/sys/kernel/btf/vmlinux)');
  if (process.platform === 'linux' && !cgroup2Root()) missing.push('cgroup v2');
  const root = process.getuid?.() === 0;
  if (!root && !(await passwordlessSudo())) missing.push('root or passwordless sudo');
  return { missing, elevate: root ? [] : ['sudo', '-n'], systemd: existsSync('/run/systemd/system') };
}
