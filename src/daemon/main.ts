/**
 * The tracker process (dist/tracker.js): the daemon in the foreground. It
 * tells whoever started it "ready ..." or "error: ..." on stdout, one line,
 * then keeps its log in DIR/daemon.log.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../options/argv.js';
import { pruneCodeCopies } from './codePrune.js';
import { runDaemon } from './daemon.js';
import { AlreadyRunning } from './instance.js';
import { fileLogger } from './log.js';
import { parseDaemonOptions, type DaemonOptions } from './options.js';
import { surviveInternalErrors } from './survive.js';

function tell(line: string): void {
  try {
    process.stdout.write(`${line}\n`);
  } catch {
    /* nobody listens */
  }
}

/** dist/tracker.js: the daemon's own argv. */
export async function trackerMain(argv: string[]): Promise<number> {
  let opts: DaemonOptions | undefined;
  try {
    opts = parseDaemonOptions(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    tell(`error: ${err.message}`);
    return 2;
  }
  if (!opts) {
    tell('error: usage: tracker.js [--state-dir DIR] [--ringbuf-size BYTES] [--no-function-hooks] [--no-tls-requests]');
    return 2;
  }
  return daemonMain(opts);
}

/** The daemon in this process until it stops; its exit code. */
export async function daemonMain(opts: DaemonOptions): Promise<number> {
  const log = fileLogger(join(opts.stateDir, 'daemon.log'), !opts.detach && process.stderr.isTTY);
  surviveInternalErrors(log);
  try {
    return await runDaemon({
      ...opts,
      log,
      onReady: ({ pid, socket }) => {
        tell(`ready pid=${pid} socket=${socket}`);
        // After ready, never before: a job is waiting for the daemon, not for the cleanup.
        const codeDir = dirname(fileURLToPath(import.meta.url));
        setImmediate(() => void pruneCodeCopies(codeDir, log).catch((err: Error) => log.warn(`pruning old code copies: ${err.message}`)));
      },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(message);
    tell(`error: ${message}`);
    return err instanceof AlreadyRunning ? 4 : 3;
  }
}
