// auditd as the comparison the sensor must beat: the kernel's audit rules for
// the same syscalls, logged by a daemon the bench starts itself (auditd -n,
// its log in the bench's temp dir) and stops afterwards. Every change to the
// kernel's audit state is registered for undo the moment it is made.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup.mjs';
import { startChild } from './proc.mjs';

export const AUDIT_SYSCALLS = ['execve', 'openat', 'connect', 'sendto', 'unlinkat', 'renameat2', 'linkat', 'symlinkat'];
const KEY = 'cicd-sensor-bench';
const RULE = ['always,exit', '-F', 'arch=b64', '-S', AUDIT_SYSCALLS.join(','), '-k', KEY];
/** Debian's default (/etc/audit/rules.d/audit.rules): room for bursts without blocking at once. */
const BACKLOG = 8192;

const auditctl = (...args) => execFileSync('auditctl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `auditctl -s` as { enabled, pid, backlog_limit, ... } (numbers). */
export function auditStatus() {
  const status = {};
  for (const line of auditctl('-s').split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined && /^\d+$/.test(value)) status[key] = Number(value);
  }
  return status;
}

/** The distribution's auditd.conf with the log moved into `dir` and no plugins. */
function writeConfig(dir) {
  const base = existsSync('/etc/audit/auditd.conf') ? readFileSync('/etc/audit/auditd.conf', 'utf8') : '';
  const overrides = {
    log_file: join(dir, 'audit.log'),
    log_group: 'root',
    plugin_dir: join(dir, 'plugins.d'),
    // Never suspend logging or act on the host because the temp disk fills.
    space_left_action: 'ignore',
    admin_space_left_action: 'ignore',
    disk_full_action: 'ignore',
    disk_error_action: 'ignore',
  };
  const kept = base.split('\n').filter((l) => !(l.split('=')[0].trim() in overrides));
  const text = [...kept, ...Object.entries(overrides).map(([k, v]) => `${k} = ${v}`)].join('\n') + '\n';
  mkdirSync(join(dir, 'plugins.d'), { recursive: true });
  writeFileSync(join(dir, 'auditd.conf'), text, { mode: 0o640 });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Starts our auditd unless one already runs; resolves when the kernel talks to it. */
async function startDaemon(dir, log) {
  writeConfig(dir);
  const daemon = startChild('auditd', 'auditd', ['-n', '-c', dir]);
  for (let i = 0; i < 200; i++) {
    if (auditStatus().pid === daemon.pid) return daemon;
    if (daemon.child.exitCode !== null) break;
    await sleep(25);
  }
  await daemon.stop();
  throw new Error(`auditd did not start: ${daemon.stderr.text.trim().split('\n').slice(-3).join(' ')}`);
}

/**
 * Audit on: daemon, backlog, rule. Returns stop(), which undoes all of it in
 * reverse order (also registered for the signal and failure paths).
 */
export async function startAudit(dir, log) {
  const before = auditStatus();
  if (before.enabled === 2) throw new Error('audit configuration is locked (enabled 2)');
  const undo = [];
  try {
    if (before.pid === 0) {
      const daemon = await startDaemon(dir, log);
      undo.push(onCleanup(`stop auditd ${daemon.pid}, audit enabled ${before.enabled}`, async () => {
        await daemon.stop();
        auditctl('-e', String(before.enabled));
      }));
    } else {
      log(`an audit daemon (pid ${before.pid}) is already running: adding the bench's rule to it, not starting another`);
    }
    auditctl('-b', String(BACKLOG));
    undo.push(onCleanup(`restore audit backlog ${before.backlog_limit}`, () => auditctl('-b', String(before.backlog_limit))));
    auditctl('-a', ...RULE);
    undo.push(onCleanup(`remove audit rule -k ${KEY}`, () => auditctl('-d', ...RULE)));
  } catch (err) {
    for (const u of undo.reverse()) await u.run();
    throw err;
  }
  return {
    rule: `auditctl -a ${RULE.join(' ')}`,
    stop: async () => {
      const status = auditStatus();
      for (const u of undo.reverse()) await u.run();
      return { lost: status.lost - (before.lost ?? 0), backlogLimit: BACKLOG };
    },
  };
}
