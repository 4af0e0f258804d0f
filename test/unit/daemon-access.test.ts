import { authorize, type AccessContext, type Peer, type ProcessFacts } from '../../src/daemon/access.js';
import type { Request } from '../../src/daemon/protocol.js';

const root: Peer = { pid: 10, uid: 0, gid: 0 };
const runner: Peer = { pid: 500, uid: 1001, gid: 1001 };
const other: Peer = { pid: 600, uid: 1002, gid: 1002 };

/** The runner's own step under its own worker: the one register a non-root peer may make. */
const ownStep: ProcessFacts = { targetUids: [1001, 1001, 1001], targetWorker: 400, peerWorker: 400, workerUids: [1001, 1001, 1001] };
const byPid = (pid = 500): Request => ({ op: 'register', job: { id: 'j' }, pid });
const byCgroup: Request = { op: 'register', job: { id: 'j' }, cgroup: '/sys/fs/cgroup/x' };
const unregister: Request = { op: 'unregister', id: 'j' };
const fresh: AccessContext = { usedBefore: false };

const cases: [string, Request, Peer | undefined, AccessContext, RegExp | null][] = [
  ['root may stop', { op: 'stop' }, root, fresh, null],
  ['the runner may not stop', { op: 'stop' }, runner, fresh, /only root/],
  ['anyone may ask stats', { op: 'stats' }, other, fresh, null],
  ['an unknown peer may do nothing', { op: 'stats' }, undefined, fresh, /cannot tell who/],
  ['root may register a cgroup', byCgroup, root, fresh, null],
  ['the runner may not register a cgroup', byCgroup, runner, fresh, /only root may register a cgroup/],
  ['the runner registers its own step', byPid(), runner, { ...fresh, facts: ownStep }, null],
  ["the runner may not register root's process", byPid(1), runner, { ...fresh, facts: { ...ownStep, targetUids: [0, 0, 0] } }, /not yours/],
  ['a setuid process is not the runner\'s', byPid(), runner, { ...fresh, facts: { ...ownStep, targetUids: [1001, 0, 0] } }, /not yours/],
  ['a gone process is not the runner\'s', byPid(), runner, { ...fresh, facts: { ...ownStep, targetUids: undefined } }, /does not exist/],
  ['a process with no worker above it', byPid(), runner, { ...fresh, facts: { ...ownStep, targetWorker: undefined } }, /does not run under a Runner\.Worker/],
  ["a process under another worker", byPid(), runner, { ...fresh, facts: { ...ownStep, peerWorker: 401 } }, /your own Runner\.Worker/],
  ['asked from outside any worker', byPid(), runner, { ...fresh, facts: { ...ownStep, peerWorker: undefined } }, /your own Runner\.Worker/],
  ["a worker that is someone else's", byPid(), runner, { ...fresh, facts: { ...ownStep, workerUids: [0, 0, 0] } }, /Runner\.Worker \(pid 400\) above process 500 is not yours/],
  ['no facts, no register', byPid(), runner, fresh, /not yours/],
  ['a used id, even for root', byCgroup, root, { usedBefore: true }, /never reused/],
  ['a used id for the runner', byPid(), runner, { usedBefore: true, facts: ownStep }, /never reused/],
  ['the registrant unregisters', unregister, runner, { ...fresh, registrant: 1001 }, null],
  ['another uid may not unregister', unregister, other, { ...fresh, registrant: 1001 }, /registered by another user/],
  ["the runner may not unregister root's job", unregister, runner, { ...fresh, registrant: 0 }, /registered by another user/],
  ['root unregisters anything', unregister, root, { ...fresh, registrant: 1001 }, null],
  ['the registrant replaces its rules', { op: 'rules', id: 'j', rules: { files: [] } } as unknown as Request, runner, { ...fresh, registrant: 1001 }, null],
  ["another uid may not replace a job's rules", { op: 'rules', id: 'j', rules: { files: [] } } as unknown as Request, other, { ...fresh, registrant: 1001 }, /registered by another user/],
  ['no such job: the job manager answers', unregister, runner, fresh, null],
  ['the registrant takes its finished job\'s report', { op: 'report', id: 'j' }, runner, { ...fresh, registrant: 1001 }, null],
  ["another uid may not take a job's report", { op: 'report', id: 'j' }, other, { ...fresh, registrant: 1001 }, /registered by another user/],
  ["the runner may not take root's job's report", { op: 'report', id: 'j' }, runner, { ...fresh, registrant: 0 }, /registered by another user/],
  ['root takes any report', { op: 'report', id: 'j' }, root, { ...fresh, registrant: 1001 }, null],
  ['the registrant removes its own sudo', { op: 'sudo', id: 'j', disable: true }, runner, { ...fresh, registrant: 1001 }, null],
  ["another uid may not touch a job's sudo", { op: 'sudo', id: 'j', disable: false, token: 't' }, other, { ...fresh, registrant: 1001 }, /registered by another user/],
  ['only root names whose sudo is removed', { op: 'sudo', id: 'j', disable: true, user: 'root' }, runner, { ...fresh, registrant: 1001 }, /only root may name the user/],
  ['root names the user', { op: 'sudo', id: 'j', disable: true, user: 'runner' }, root, { ...fresh, registrant: 0 }, null],
];

describe('authorize', () => {
  test.each(cases)('%s', (_name, req, peer, ctx, refusal) => {
    const verdict = authorize(req, peer, ctx);
    if (refusal === null) expect(verdict).toEqual({ allowed: true });
    else expect(verdict).toEqual({ allowed: false, reason: expect.stringMatching(refusal) });
  });
});
