/**
 * Workflow steps. On a runner every step is a child of Runner.Worker, so a
 * step's root process is the ancestor whose parent is the worker; its label
 * comes from what the runner ran: the script a `run:` step's shell was given
 * (read at exec: the runner deletes it when the step ends), or the action
 * directory a `uses:` step's node runs from.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';

export interface StepRef {
  pid: number;
  label: string;
}

const ACTION_PATH = /\/_actions\/([^/]+)\/([^/]+)\/([^/]+)\//;
/** The runner writes `run:` scripts to RUNNER_TEMP (…/_temp/<uuid>.sh and friends). */
const RUN_SCRIPT = /\/_temp\/[^/]+\.(sh|bash|ps1|py|cmd)$/;
const LABEL_MAX = 200;

/** More than a script's first lines is never read (a label needs one). */
const SCRIPT_READ_BYTES = 8192;

/**
 * First non-empty line of a script the runner wrote, read as root on behalf
 * of the job: so never through a link (O_NOFOLLOW: a swapped `_temp/x.sh ->
 * /etc/shadow` would put the first line of a root file in the report), never
 * anything but a regular file (O_NONBLOCK, then fstat: a FIFO planted there
 * would hang the daemon), only a file owned by the process that runs it (or
 * any file for a root process, which could read it itself), and at most
 * SCRIPT_READ_BYTES of it.
 */
export function firstScriptLine(path: string, runnerUid?: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    if (runnerUid !== undefined && runnerUid !== 0 && st.uid !== runnerUid) return undefined;
    const buf = Buffer.alloc(SCRIPT_READ_BYTES);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf
      .subarray(0, n)
      .toString('utf8')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const clip = (s: string): string => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

export function stepLabel(
  execPath: string,
  argv: readonly string[],
  readLine: (path: string) => string | undefined = firstScriptLine,
): string {
  for (const arg of argv) {
    const action = ACTION_PATH.exec(arg);
    if (action) return `uses: ${action[1]}/${action[2]}@${action[3]}`;
  }
  const script = argv.find((a) => RUN_SCRIPT.test(a));
  if (script) {
    const line = readLine(script);
    return clip(`run: ${line ?? `(script ${basename(script)} already removed)`}`);
  }
  const shown = argv.length ? argv.join(' ') : basename(execPath);
  return clip(`run: ${shown}`);
}
