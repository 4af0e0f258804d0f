/**
 * The tracker process (dist/tracker.js): the daemon in the foreground. It
 * tells whoever started it "ready ..." or "error: ..." on stdout, one line,
 * then keeps its log in DIR/daemon.log.
 */
import { join } from 'node:path';
import { parseArgs, UsageError } from '../cli/args.js';
import { runDaemon } from './daemon.js';
import { AlreadyRunning } from './instance.js';
import { fileLogger } from './log.js';
import { surviveInternalErrors } from './survive.js';

function tell(line: string): void {
  try {
    process.stdout.write(`${line}\n`);
  } catch {
    /* nobody listens */
  }
}

export async function trackerMain(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(['daemon', ...argv]);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    tell(`error: ${err.message}`);
    return 2;
  }
  if (parsed.help || parsed.subcommand !== 'daemon') {
    tell('error: usage: tracker.js [--state-dir DIR] [--ringbuf-size BYTES] [--no-function-hooks]');
    return 2;
  }
  const opts = parsed.options;
  const log = fileLogger(join(opts.stateDir, 'daemon.log'), !opts.detach && process.stderr.isTTY);
  surviveInternalErrors(log);
  try {
    return await runDaemon({
      ...opts,
      log,
      onReady: ({ pid, socket }) => tell(`ready pid=${pid} socket=${socket}`),
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(message);
    tell(`error: ${message}`);
    return err instanceof AlreadyRunning ? 4 : 3;
  }
}
