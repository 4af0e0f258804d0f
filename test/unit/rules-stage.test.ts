import { afterEach, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/events/finding.js';
import { loadRuleBook } from '../../src/rules/book.js';
import { RuleEngine } from '../../src/rules/engine.js';
import { FINDINGS_FILE, RuleStage } from '../../src/rules/ruleStage.js';
import { killProcess } from '../../src/rules/terminate.js';
import { exec, fileOpen, proc } from './fixtures/ruleEvents.js';

const fixture = (name: string): string => join(process.cwd(), 'test/fixtures/rules', name);
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      c.kill('SIGKILL');
    }
  }
});

const alive = (pid: number): boolean => {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
};

async function until(test: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return test();
}

/** A shell leading its own process group (detached) with a sleeping child; resolves with both pids. */
async function group(): Promise<{ leader: number; child: number }> {
  const c = spawn('sh', ['-c', 'sleep 60 & echo $!; wait'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(c);
  const child = await new Promise<number>((resolve) => c.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  return { leader: c.pid!, child };
}

describe('killProcess', () => {
  it('kills a group leader and its group', async () => {
    const { leader, child } = await group();
    const outcome = killProcess(leader, new Date().toISOString());
    expect(outcome).toEqual({ killed: true, detail: `SIGKILL to pid ${leader} and its process group` });
    expect(await until(() => !alive(leader) && !alive(child))).toBe(true);
  });
  it('kills only the process when it shares a group (as steps share Runner.Worker\'s)', async () => {
    const c = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(c);
    expect(killProcess(c.pid!).detail).toBe(`SIGKILL to pid ${c.pid}`);
    expect(await until(() => !alive(c.pid!))).toBe(true);
    expect(alive(process.pid)).toBe(true);
  });
  it('leaves a pid alone when its start time says it is another process now', async () => {
    const { leader } = await group();
    expect(killProcess(leader, '2001-01-01T00:00:00Z')).toMatchObject({ killed: false });
    expect(alive(leader)).toBe(true);
  });
  it('says when the process had already exited', () => {
    expect(killProcess(2 ** 22 + 5)).toEqual({ killed: false, detail: `pid ${2 ** 22 + 5} had already exited` });
  });
});

describe('RuleStage', () => {
  it('kills on terminate as the event is evaluated, records the response, writes findings.ndjson and releases the job', async () => {
    const engine = new RuleEngine(loadRuleBook([fixture('features.yml')]));
    const stage = new RuleStage(engine);
    const { leader } = await group();
    const memfd = exec(proc('/memfd:x'), { process: { ...proc('/memfd:x'), pid: leader, memfd: true, start_time: new Date().toISOString() } });
    stage.onEvent(fileOpen('/tmp/nothing'));
    stage.onEvent(memfd);
    expect(await until(() => !alive(leader))).toBe(true);
    stage.onEvent(exec(proc('/usr/bin/curl')));
    expect(stage.findings.map((f) => [f.rule_id, f.response?.kind])).toEqual([
      ['memfd_exec', 'killed'],
      ['curl_exec', undefined],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'rule-stage-'));
    try {
      stage.finish({ dir });
      const lines = readFileSync(join(dir, FINDINGS_FILE), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Finding);
      expect(lines.map((f) => f.rule_id)).toEqual(['memfd_exec', 'curl_exec']);
      expect(lines[0]!.response!.detail).toMatch(/and its process group/);
      expect(engine.jobCount).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('kills on terminate past max_alerts too, with no finding recorded', () => {
    const killed: number[] = [];
    const stage = new RuleStage(new RuleEngine(loadRuleBook([fixture('features.yml')])), (pid) => {
      killed.push(pid);
      return { killed: true, detail: 'test' };
    });
    for (let i = 0; i < 12; i++) stage.onEvent(exec(proc('/memfd:x'), { process: { ...proc('/memfd:x'), pid: 7000 + i, memfd: true } }));
    expect(killed).toHaveLength(12);
    expect(stage.findings).toHaveLength(10);
  });
  it('reload: past events replayed through the new book, what was done kept, nothing killed again', () => {
    const killed: number[] = [];
    const killer = (pid: number) => {
      killed.push(pid);
      return { killed: true, detail: 'test' };
    };
    const stage = new RuleStage(new RuleEngine(loadRuleBook([fixture('features.yml')])), killer);
    const past = [
      exec(proc('/memfd:x'), { process: { ...proc('/memfd:x'), pid: 8001, memfd: true } }),
      fileOpen('/home/runner/.npmrc'),
      exec(proc('/usr/bin/curl')),
    ];
    for (const e of past) stage.onEvent(e);
    expect(killed).toEqual([8001]);
    stage.reload(new RuleEngine(loadRuleBook([fixture('features.yml'), fixture('correlation.yml'), fixture('modifiers.yml')])), (visit) => past.forEach(visit));
    expect(killed).toEqual([8001]);
    expect(stage.findings.map((f) => [f.rule_id, f.action, f.response?.kind])).toEqual([
      ['memfd_exec', 'detect', 'killed'],
      ['npmrc_read', 'collect', undefined],
      ['curl_exec', 'detect', undefined],
    ]);
    stage.onEvent(exec(proc('/usr/local/bin/trufflehog')));
    expect(stage.findings.map((f) => f.rule_id).slice(3)).toEqual(['scanner_run', 'steal_and_scan', 'two_of_three']);
    const late = new RuleStage(new RuleEngine(loadRuleBook([fixture('correlation.yml')])), killer);
    late.reload(new RuleEngine(loadRuleBook([fixture('features.yml')])), (visit) => past.forEach(visit));
    expect(late.findings[0]).toMatchObject({ rule_id: 'memfd_exec', response: { kind: 'none', detail: expect.stringMatching(/loaded after this event/) } });
    // Each finding's event is kept, for the report to show it.
    for (const f of stage.findings) expect(stage.findingEvent(f.seq)?.seq).toBe(f.seq);
    expect(stage.findingEvent(past[1]!.seq)).toBe(past[1]);
  });

  it('recall: a finding found again keeps the response an earlier evaluation gave it', () => {
    const stage = new RuleStage(new RuleEngine(loadRuleBook([fixture('features.yml')])), () => ({ killed: false, detail: 'not now' }));
    const memfd = exec(proc('/memfd:x'), { process: { ...proc('/memfd:x'), pid: 8101, memfd: true } });
    const response = { kind: 'killed', detail: 'SIGKILL pid 8101' } as const;
    stage.recall([{ ruleset_id: 'test/features', rule_id: 'memfd_exec', action: 'terminate', severity: 'critical', seq: memfd.seq, time: memfd.time, response }]);
    stage.onEvent(memfd);
    expect(stage.findings).toHaveLength(1);
    expect(stage.findings[0]!.response).toEqual(response);
    expect(stage.findingEvent(memfd.seq)).toBe(memfd);
    expect(stage.findingEvent(memfd.seq + 1)).toBeUndefined();
  });
});
