/**
 * Puts the proxy on the Docker daemon's default socket path, for clients
 * that ignore DOCKER_HOST (hard-coded /var/run/docker.sock, sudo docker,
 * SDKs), without touching dockerd's configuration: the real socket is
 * bind-mounted to a path in the state directory (the proxy's upstream), then
 * the proxy's socket is bind-mounted over the default path. Bind mounts,
 * not hard links, because the state directory may be on another filesystem.
 * What was done is written to DIR/interpose.json first, so a later start
 * can undo a crashed run's mounts exactly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Interposition {
  /** The daemon's default path, now answered by the proxy. */
  defaultPath: string;
  /** The daemon's real socket, reachable here for the proxy only. */
  upstreamPath: string;
}

const recordPath = (stateDir: string): string => join(stateDir, 'interpose.json');

/** Mount points as /proc/self/mountinfo spells them (octal escapes undone). */
function mountPoints(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ')[4]!.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
}

function unmountAll(path: string): void {
  // Mounts may be stacked (a crash between two starts): peel every one.
  for (let i = 0; i < 16 && mountPoints().includes(path); i++) execFileSync('umount', [path]);
}

function bind(source: string, target: string): void {
  execFileSync('mount', ['--bind', source, target]);
}

/** Undoes a previous run's interposition recorded in the state directory. */
export function repairInterposition(stateDir: string): Interposition | undefined {
  const path = recordPath(stateDir);
  if (!existsSync(path)) return undefined;
  const rec = JSON.parse(readFileSync(path, 'utf8')) as Interposition;
  unmountAll(rec.defaultPath);
  unmountAll(rec.upstreamPath);
  rmSync(rec.upstreamPath, { force: true });
  rmSync(path, { force: true });
  return rec;
}

export function interpose(stateDir: string, defaultPath: string, proxyPath: string): Interposition {
  const real = realpathSync(defaultPath); // /var/run is a symlink to /run on most hosts
  const rec: Interposition = { defaultPath: real, upstreamPath: join(stateDir, 'docker.upstream.sock') };
  writeFileSync(recordPath(stateDir), JSON.stringify(rec) + '\n');
  writeFileSync(rec.upstreamPath, '');
  try {
    bind(real, rec.upstreamPath);
    bind(proxyPath, real);
  } catch (err) {
    repairInterposition(stateDir);
    throw err;
  }
  return rec;
}
