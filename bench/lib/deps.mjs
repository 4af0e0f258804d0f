// What the bench needs from the machine, installed with apt-get only when
// missing (as scripts/ensure-deps.sh does for the build). A tool that cannot
// be had makes its mode "n/a" with the reason, rather than failing the bench.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** libc.a, for the statically linked exec-storm binary. */
function hasStaticLibc() {
  const dirs = ['/usr/lib', '/usr/lib64', ...readdirSync('/usr/lib').map((d) => `/usr/lib/${d}`)];
  return dirs.some((d) => existsSync(`${d}/libc.a`));
}

const REQUIREMENTS = [
  { pkg: 'gcc', present: () => has('gcc') },
  { pkg: 'make', present: () => has('make') },
  { pkg: 'libc6-dev', present: hasStaticLibc },
  { pkg: 'strace', present: () => has('strace') },
  { pkg: 'auditd', present: () => has('auditd') && has('auditctl') },
];

function aptInstall(pkgs, log) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { env, stdio: 'ignore' });
  log(`installing: ${pkgs.join(' ')}`);
  try {
    install();
  } catch {
    // The package lists may be missing or stale (a fresh container): refresh once.
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    install();
  }
}

/**
 * Installs what is missing; returns { missing: {pkg: reason} } for what is
 * still missing afterwards.
 */
export function ensureDeps(log) {
  const wanted = REQUIREMENTS.filter((r) => !r.present()).map((r) => r.pkg);
  const missing = {};
  if (wanted.length > 0) {
    try {
      aptInstall(wanted, log);
    } catch (err) {
      log(`apt-get could not install ${wanted.join(' ')}: ${err.message.split('\n')[0]}`);
    }
  }
  for (const r of REQUIREMENTS) if (!r.present()) missing[r.pkg] = `${r.pkg} is not installed and apt-get could not install it`;
  return { missing };
}
