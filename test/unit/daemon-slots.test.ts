import type { Socket } from 'node:net';
import { ControlSlots, MAX_CLIENTS, MAX_CLIENTS_PER_UID, ROOT_CLIENTS, STEP_CLIENTS } from '../../src/daemon/slots.js';
import type { ProcStat } from '../../src/platform/procStat.js';

/** A process table the test edits: pid -> parent and start time. */
const procs = new Map<number, ProcStat>();
const stat = (pid: number): ProcStat | undefined => procs.get(pid);
const proc = (pid: number, ppid: number, startTicks = 1): void => void procs.set(pid, { ppid, pgid: pid, startTicks });

function fakeSocket(): Socket & { destroyed: boolean } {
  const s = { destroyed: false, destroy: () => void (s.destroyed = true) };
  return s as unknown as Socket & { destroyed: boolean };
}

const WORKER = 100;
const RUNNER = 1001;
let slots: ControlSlots;

beforeEach(() => {
  procs.clear();
  proc(WORKER, 1);
  slots = new ControlSlots(stat);
  slots.noteWorker(RUNNER, WORKER);
});

/** Admits n connections from peer; the refusals. */
function fill(n: number, peer: { pid: number; uid: number }): (string | undefined)[] {
  return Array.from({ length: n }, () => slots.admit(fakeSocket(), { ...peer, gid: peer.uid }));
}

test('one uid holds at most its share; another uid and root still get in', () => {
  proc(7, 1);
  expect(fill(MAX_CLIENTS_PER_UID, { pid: 7, uid: RUNNER }).every((r) => r === undefined)).toBe(true);
  expect(fill(1, { pid: 7, uid: RUNNER })[0]).toMatch(/uid 1001 has 128 connections open/);
  expect(fill(1, { pid: 8, uid: 2002 })[0]).toBeUndefined();
  expect(fill(ROOT_CLIENTS, { pid: 9, uid: 0 }).every((r) => r === undefined)).toBe(true);
  expect(fill(1, { pid: 9, uid: 0 })[0]).toMatch(/root's connections are all taken/);
});

test('all users together hold at most MAX_CLIENTS, root beside them', () => {
  fill(MAX_CLIENTS_PER_UID, { pid: 7, uid: 2001 });
  fill(MAX_CLIENTS_PER_UID, { pid: 8, uid: 2002 });
  expect(fill(1, { pid: 9, uid: 2003 })[0]).toMatch(new RegExp(`${MAX_CLIENTS} connections open`));
  expect(fill(1, { pid: 10, uid: 0 })[0]).toBeUndefined();
});

test("the worker's running step has room of its own once the uid's share is gone", () => {
  proc(7, 1);
  fill(MAX_CLIENTS_PER_UID, { pid: 7, uid: RUNNER });
  proc(50, WORKER);
  expect(fill(STEP_CLIENTS, { pid: 50, uid: RUNNER }).every((r) => r === undefined)).toBe(true);
  expect(slots.inUse()).toEqual({ [`uid ${RUNNER}`]: MAX_CLIENTS_PER_UID, [`step ${WORKER}`]: STEP_CLIENTS });
  // Another uid's process under that worker is not its step.
  proc(51, WORKER);
  expect(fill(1, { pid: 51, uid: 2002 })[0]).toBeUndefined();
  expect(slots.inUse()[`step ${WORKER}`]).toBe(STEP_CLIENTS);
});

test('a step that ended loses its room to the next step; one still running keeps it', () => {
  proc(7, 1);
  fill(MAX_CLIENTS_PER_UID, { pid: 7, uid: RUNNER });
  proc(50, WORKER);
  const held = Array.from({ length: STEP_CLIENTS }, () => fakeSocket());
  for (const s of held) expect(slots.admit(s, { pid: 50, uid: RUNNER, gid: RUNNER })).toBeUndefined();
  // Still running: the next step (a sibling) finds no room.
  proc(60, WORKER);
  expect(fill(1, { pid: 60, uid: RUNNER })[0]).toMatch(/connections open/);
  // Ended (its child keeps the connections): they go, the new step gets one.
  procs.delete(50);
  expect(fill(1, { pid: 60, uid: RUNNER })[0]).toBeUndefined();
  expect(held.every((s) => s.destroyed)).toBe(true);
  // A process that reuses the pid is not the step either.
  proc(50, WORKER, 2);
  expect(slots.inUse()[`step ${WORKER}`]).toBe(1);
});

test('a worker that is gone, or whose pid was reused, has no steps', () => {
  proc(7, 1);
  fill(MAX_CLIENTS_PER_UID, { pid: 7, uid: RUNNER });
  proc(WORKER, 1, 5);
  proc(50, WORKER);
  expect(fill(1, { pid: 50, uid: RUNNER })[0]).toMatch(/connections open/);
});

test('released connections free their seat', () => {
  proc(7, 1);
  const socks = Array.from({ length: MAX_CLIENTS_PER_UID }, () => fakeSocket());
  for (const s of socks) slots.admit(s, { pid: 7, uid: RUNNER, gid: RUNNER });
  slots.release(socks[0]!);
  slots.release(socks[0]!);
  expect(fill(1, { pid: 7, uid: RUNNER })[0]).toBeUndefined();
  expect(fill(1, { pid: 7, uid: RUNNER })[0]).toMatch(/connections open/);
});
