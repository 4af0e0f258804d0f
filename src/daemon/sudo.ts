/**
 * disable-sudo: the runner user's sudo is removed while its job runs, so
 * the job cannot stop the sensor or lift its policy with `sudo`. The daemon
 * (root) does it and undoes it, because once it is done the job's own steps,
 * post included, have no sudo left to undo it with.
 *
 * How: a root-owned drop-in at the end of /etc/sudoers.d saying
 * `USER ALL=(ALL:ALL) !ALL`. sudoers applies the last entry that matches, so
 * this denies every command the user's earlier grants allowed (its own
 * NOPASSWD file, the sudo or admin group), and removing the one file gives
 * them back exactly as they were: nothing of the user's own files is moved
 * or rewritten. The file is checked with `visudo -c` under a name sudo
 * ignores (it holds a dot) before it is renamed into place, and the whole
 * configuration is checked again after: a sudoers sudo cannot parse would
 * lock root out of sudo on the host.
 *
 * Giving it back early takes the token the disable answered with: the
 * job's steps run as the same user as pre and post, so the registrant's uid
 * alone would let any step ask for its sudo back. Pre keeps the token in the
 * action's saved state, which the runner hands to post only.
 *
 * What the daemon did is written to DIR/sudo.json (root's, 0600) before the
 * drop-in is in place. It is undone when the job's registrant asks (post),
 * when the job ends any other way (unregister, expiry, daemon stop), and,
 * for a daemon that was killed before it could, when the next daemon starts
 * on the same state directory or `daemon kill` runs. Only files this daemon
 * recorded, still root's and still starting with its mark, are removed.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, existsSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeReplacing } from '../platform/noFollow.js';
import type { SudoReply, SudoRequest } from './protocol.js';

export const SUDOERS_DIR = '/etc/sudoers.d';
const MARK = '# cicd-sensor disable-sudo';
/** User names sudoers takes without quoting; anything else is refused rather than escaped. */
const USER_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,31}$/;

interface SudoRecord {
  job: string;
  user: string;
  file: string;
  /** sha256 of the token that may give it back early. */
  tokenHash: string;
}

const hash = (token: string): Buffer => createHash('sha256').update(token).digest();

export class SudoError extends Error {}

/** The name /etc/passwd gives uid, if any. */
export function userName(uid: number, passwd = '/etc/passwd'): string | undefined {
  for (const line of readFileSync(passwd, 'utf8').split('\n')) {
    const [name, , id] = line.split(':');
    if (name && Number(id) === uid && id !== '') return name;
  }
  return undefined;
}

const visudo = (args: string[]): void => {
  execFileSync('visudo', ['-c', '-q', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
};

export class SudoSwitch {
  private readonly records = new Map<string, SudoRecord>();

  constructor(
    private readonly stateDir: string,
    private readonly dir = SUDOERS_DIR,
  ) {}

  private get recordPath(): string {
    return join(this.stateDir, 'sudo.json');
  }

  private save(): void {
    writeReplacing(this.recordPath, JSON.stringify([...this.records.values()]) + '\n', 0o600);
  }

  /** Gives back the sudo a previous daemon on this state directory removed and never restored (it was killed). */
  repair(): string[] {
    if (!existsSync(this.recordPath)) return [];
    const left = JSON.parse(readFileSync(this.recordPath, 'utf8')) as SudoRecord[];
    for (const r of left) removeOurs(r.file);
    rmSync(this.recordPath, { force: true });
    return left.map((r) => r.user);
  }

  /** Removes user's sudo until the job ends: the drop-in's path, and the token that gives it back early. */
  disable(job: string, user: string): { file: string; token: string } {
    if (!USER_NAME.test(user)) throw new SudoError(`cannot remove the sudo of "${user}": not a plain user name`);
    if (this.records.has(job)) throw new SudoError(`sudo is already removed for job ${job}`);
    const file = join(this.dir, `zz-cicd-sensor-${job.replace(/[^A-Za-z0-9_-]/g, '_')}`);
    const staged = join(this.dir, `.cicd-sensor-${process.pid}.tmp`);
    writeNew(staged, `${MARK} for job ${job}: ${user} may not use sudo until the job ends\n${user} ALL=(ALL:ALL) !ALL\n`);
    const token = randomBytes(24).toString('base64url');
    try {
      visudo(['-f', staged]);
      this.records.set(job, { job, user, file, tokenHash: hash(token).toString('hex') });
      this.save();
      renameSync(staged, file);
      visudo([]);
    } catch (err) {
      rmSync(staged, { force: true });
      this.restore(job);
      throw new SudoError(`cannot remove the sudo of ${user}: ${(err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message}`);
    }
    return { file, token };
  }

  /** Whether token is the one the job's disable answered with. */
  tokenMatches(job: string, token: string | undefined): boolean {
    const r = this.records.get(job);
    return r !== undefined && token !== undefined && timingSafeEqual(hash(token), Buffer.from(r.tokenHash, 'hex'));
  }

  /** Gives the job's user its sudo back; false when this daemon removed none for the job. */
  restore(job: string): boolean {
    const r = this.records.get(job);
    if (!r) return false;
    removeOurs(r.file);
    this.records.delete(job);
    if (this.records.size > 0) this.save();
    else rmSync(this.recordPath, { force: true });
    return true;
  }

  jobs(): string[] {
    return [...this.records.keys()];
  }
}

/** Created, never through a link, never over a file: sudo reads what root wrote, nothing else. */
function writeNew(path: string, text: string): void {
  rmSync(path, { force: true });
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o440);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Removes a drop-in only when it is still the one the daemon wrote. */
function removeOurs(file: string): void {
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.uid !== 0 || !readFileSync(file, 'utf8').startsWith(MARK)) return;
  } catch {
    return; // gone already
  }
  rmSync(file, { force: true });
}

/**
 * The control op: disable removes the registrant's own sudo (root names
 * the user); restore gives it back to root or to whoever holds the token.
 */
export function answerSudo(sw: SudoSwitch, req: SudoRequest, peerUid: number, registered: boolean): SudoReply {
  if (!req.disable) {
    if (peerUid !== 0 && !sw.tokenMatches(req.id, req.token)) throw new SudoError(`giving back the sudo removed for job ${req.id} takes the token its disable answered with`);
    return { ok: true, restored: sw.restore(req.id) };
  }
  if (!registered) throw new SudoError(`no job ${req.id} is registered`);
  const user = peerUid === 0 ? req.user : userName(peerUid);
  if (user === undefined) throw new SudoError(peerUid === 0 ? 'root must name the user whose sudo is removed' : `uid ${peerUid} has no name in /etc/passwd`);
  return { ok: true, ...sw.disable(req.id, user) };
}
