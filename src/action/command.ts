/**
 * The commands the action waits for (the sudo check, systemd-run, stopping
 * the daemon), run through @actions/exec with their output captured rather
 * than echoed into the job's log. The daemon's own detached launch is a
 * plain spawn elsewhere: nothing waits for it to end.
 */
import { getExecOutput } from '@actions/exec';

export class CommandTimeout extends Error {}

export interface CommandResult {
  exitCode: number;
  stderr: string;
}

/**
 * Runs argv and resolves with its exit code, whatever it is; rejects with
 * CommandTimeout when it takes longer than timeoutMs (@actions/exec has no
 * timeout of its own; the caller cleans up what the command left, e.g. with
 * `daemon kill`), or when it cannot be started at all. input: the command's stdin.
 */
export async function runWaited(argv: string[], timeoutMs: number, input?: string): Promise<CommandResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CommandTimeout(`${argv[0]} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const run = getExecOutput(argv[0]!, argv.slice(1), { silent: true, ignoreReturnCode: true, ...(input !== undefined ? { input: Buffer.from(input) } : {}) });
    const { exitCode, stderr } = await Promise.race([run, timeout]);
    return { exitCode, stderr };
  } finally {
    clearTimeout(timer);
  }
}
