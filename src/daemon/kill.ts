/**
 * The last resort for a daemon that does not answer (hung before it became
 * ready, or wedged): SIGKILL the process the pidfile names, if it is still a
 * cicd-sensor, then undo what it leaves behind (the docker socket
 * interposition, its sockets and ready file) so the job's Docker keeps working,
 * and gives back the sudo it removed (disable-sudo).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repairInterposition } from '../proxy/interpose.js';
import { isLiveDaemon, pidfilePath, recordedPid } from './instance.js';
import { SudoSwitch } from './sudo.js';

export interface KillResult {
  /** The pid killed; undefined when no daemon was running. */
  killed?: number;
  /** A docker socket interposition was undone. */
  repairedDocker: boolean;
  /** Users whose sudo (disable-sudo) the killed daemon had removed, given back. */
  sudoGivenBack: string[];
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isLiveDaemon(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !isLiveDaemon(pid);
}

export async function killDaemon(stateDir: string): Promise<KillResult> {
  const pid = recordedPid(stateDir);
  let killed: number | undefined;
  if (pid !== undefined && pid !== process.pid && isLiveDaemon(pid)) {
    process.kill(pid, 'SIGKILL');
    if (!(await gone(pid, 10_000))) throw new Error(`daemon pid ${pid} survived SIGKILL for 10 s`);
    killed = pid;
  }
  const repairedDocker = repairInterposition(stateDir) !== undefined;
  const sudoGivenBack = new SudoSwitch(stateDir).repair();
  for (const name of ['ready', 'control.sock', 'docker.sock']) rmSync(join(stateDir, name), { force: true });
  rmSync(pidfilePath(stateDir), { force: true });
  return { killed, repairedDocker, sudoGivenBack };
}
