/** The daemon's CLI verbs: start (foreground or detached), stop, stats, job register/unregister. */
import { request, DaemonUnavailable } from '../daemon/client.js';
import { startDetached } from '../daemon/detach.js';
import { killDaemon } from '../daemon/kill.js';
import { daemonMain } from '../daemon/main.js';
import type { DaemonOptions } from '../daemon/options.js';
import type { Request } from '../daemon/protocol.js';

function say(line: string): void {
  process.stderr.write(`cicd-sensor: ${line}\n`);
}

export async function startDaemon(opts: DaemonOptions): Promise<number> {
  if (!opts.detach) return daemonMain(opts);
  const result = await startDetached(opts);
  if (!result.ok) {
    say(`daemon did not start: ${result.message}`);
    return 3;
  }
  process.stdout.write(`${result.message}\n`);
  return 0;
}

/** Sends one request and prints the reply as JSON; a refusal is exit 4. */
export async function sendAndPrint(stateDir: string, req: Request): Promise<number> {
  try {
    const res = await request(stateDir, req);
    process.stdout.write(JSON.stringify(res, null, 2) + '\n');
    if (!res.ok) say(`daemon refused: ${res.error}`);
    return res.ok ? 0 : 4;
  } catch (err) {
    if (!(err instanceof DaemonUnavailable)) throw err;
    say(err.message);
    return 4;
  }
}

/** daemon kill: for a daemon that no longer answers; prints what was done. */
export async function killAndPrint(stateDir: string): Promise<number> {
  try {
    process.stdout.write(JSON.stringify(await killDaemon(stateDir)) + '\n');
    return 0;
  } catch (err) {
    say(`daemon kill: ${(err as Error).message}`);
    return 4;
  }
}
