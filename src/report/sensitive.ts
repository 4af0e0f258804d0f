/**
 * Places whose reads matter whatever else the job read: credentials, and
 * other processes' memory and environment. A build reads tens of thousands of
 * files and the report keeps the most read; one read of ~/.ssh/id_rsa must
 * not be pruned among them, so these are kept apart, by path.
 */

/** Our own words for what each place holds; the first match wins. */
const PLACES: readonly [RegExp, string][] = [
  [/^\/proc\/(\d+)\/(environ|mem|maps|smaps|pagemap|auxv)$/, "another process's memory or environment"],
  [/\/\.ssh\//, 'SSH keys'],
  [/\/\.aws\/(credentials|config)$/, 'AWS credentials'],
  [/\/\.azure\//, 'Azure credentials'],
  [/\/\.config\/gcloud\//, 'Google Cloud credentials'],
  [/\/\.kube\/config$/, 'Kubernetes credentials'],
  [/\/\.docker\/config\.json$/, 'Docker registry credentials'],
  [/\/\.(npmrc|pypirc|netrc|git-credentials)$/, 'package or git credentials'],
  [/\/\.config\/gh\/hosts\.yml$/, 'GitHub CLI token'],
  [/\/\.gnupg\//, 'GPG keys'],
  [/\/\.(credentials|credentials_rsaparams|runner)$/, "the runner's own credentials"],
  [/^\/etc\/(shadow|gshadow|sudoers)$/, 'system passwords'],
  [/^\/(var\/)?run\/secrets\//, 'mounted secrets'],
];

const PROC_PID = /^\/proc\/(\d+)\//;

/**
 * Every place above is under one of these roots or has a dot-named
 * component: a path with neither (nearly every path a build opens) is
 * answered without trying the patterns one by one.
 */
function mayBeSensitive(path: string): boolean {
  if (path.includes('/.')) return true;
  // The root's first letter picks the one root to try (this runs per file event).
  switch (path.charCodeAt(1)) {
    case 0x70: // p
      return path.startsWith('/proc/');
    case 0x65: // e
      return path.startsWith('/etc/');
    case 0x72: // r
      return path.startsWith('/run/');
    case 0x76: // v
      return path.startsWith('/var/run/');
    default:
      return false;
  }
}

/** What `path` holds, when reading it is sensitive for process `pid`; undefined otherwise. */
export function sensitiveReason(path: string, pid: number): string | undefined {
  if (!mayBeSensitive(path)) return undefined;
  const proc = PROC_PID.exec(path);
  // A process reading its own /proc entries is how runtimes work.
  if (proc !== null && Number(proc[1]) === pid) return undefined;
  for (const [pattern, reason] of PLACES) if (pattern.test(path)) return reason;
  return undefined;
}
