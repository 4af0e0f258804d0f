/**
 * Workflow steps. On a runner every step is a child of Runner.Worker, so a
 * step's root process is the ancestor whose parent is the worker; its label
 * comes from what the runner ran: the script a `run:` step's shell was given
 * (read at exec: the runner deletes it when the step ends), or the action
 * directory a `uses:` step's node runs from.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';

export interface StepRef {
  pid: number;
  label: string;
}

const ACTION_PATH = /\/_actions\/([^/]+)\/([^/]+)\/([^/]+)\//;
/** The runner writes `run:` scripts to RUNNER_TEMP (…/_temp/<uuid>.sh and friends). */
const RUN_SCRIPT = /\/_temp\/[^/]+\.(sh|bash|ps1|py|cmd)$/;
const LABEL_MAX = 200;

/** First non-empty line of a script, read without loading a large file whole. */
export function firstScriptLine(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(8192);
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
