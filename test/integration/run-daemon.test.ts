/**
 * `cicd-sensor run` with a daemon already running: the command becomes a
 * job of that daemon (no BPF loaded for the run), and what the user gets
 * (events, report files, findings, printed summary, exit code) is what
 * run's own sensor gives for the same command.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { ask, cleanupDaemons, startDaemon } from '../helpers/daemon.js';
import { cleanupRuns, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';

const RULES = `rule_sets:
  - ruleset_id: test/run-daemon
    rules:
      - rule_id: marker_read
        rule_name: Marker file read
        description: A test rule that fires on reading the marker file.
        event_type: file_open
        condition: is_read && path.endsWith("/run-daemon.marker")
        action: detect
        tags: { severity: high }
`;

let work: string;
let daemon: { stateDir: string; pid: number };

/** What the command did, without what differs by run (times, pids, ids, seq): the kind and the process and file it names. */
function behaviour(events: EventRecord[]): string[] {
  return events
    .map((e) => {
      const r = e as unknown as { kind: string; process?: { exec_path?: string; argv?: string[] }; path?: string; step?: { label?: string } };
      return [r.kind, r.process?.exec_path, r.process?.argv?.join(' '), r.path ?? '', r.step?.label ?? ''].join(' | ');
    })
    .filter((line) => line.includes(work) || line.startsWith('process_'))
    .sort();
}

/**
 * The printed report up to its sensor diagnostics (which describe the sensor,
 * not the command: a daemon's ring and hook counters are the host's since it
 * started), without the lines that name the run (times, the daemon's notes).
 */
const printedReport = (r: RunResult): string =>
  r.stderr
    .split('SENSOR DIAGNOSTICS')[0]!
    .split('\n')
    .filter((l) => !/recording through the daemon|Recording (started|ended)|Notes:|Events from|Sensor (started|ended)/.test(l))
    .join('\n');

beforeAll(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'cs-run-daemon-'));
  writeFileSync(join(work, 'run-daemon.marker'), 'x\n');
  writeFileSync(join(work, 'rules.yml'), RULES);
  daemon = startDaemon();
});

afterAll(async () => {
  await cleanupDaemons();
  cleanupRuns();
  rmSync(work, { recursive: true, force: true });
}, 60_000); // stopping daemons detaches their links: seconds on a loaded machine

/** Ids of the BPF links of cicd-sensor programs (cs_*) attached on the host now. */
function sensorLinks(): Set<number> {
  const links = JSON.parse(execFileSync('bpftool', ['-j', 'link', 'show'], { encoding: 'utf8' })) as { id: number; prog_id: number }[];
  const progs = JSON.parse(execFileSync('bpftool', ['-j', 'prog', 'show'], { encoding: 'utf8' })) as { id: number; name?: string }[];
  const ours = new Set(progs.filter((p) => p.name?.startsWith('cs_')).map((p) => p.id));
  return new Set(links.filter((l) => ours.has(l.prog_id)).map((l) => l.id));
}

describe('cicd-sensor run with its own sensor', () => {
  it('exits before its links are detached, and a child process detaches every one of them', async () => {
    // Compared by id: an earlier test's detaching child (or this file's
    // daemon) may still hold links of its own, which may go meanwhile.
    const before = sensorLinks();
    const r = await runSensor(['--no-daemon'], ['true']);
    expect(r.code).toBe(0);
    const left = (): number[] => [...sensorLinks()].filter((id) => !before.has(id));
    let after = left();
    for (let waited = 0; after.length > 0 && waited < 20_000; waited += 200) {
      await new Promise((ok) => setTimeout(ok, 200));
      after = left();
    }
    expect(after).toEqual([]);
  });
});

describe('cicd-sensor run with a daemon running', () => {
  const script = () => `cat ${work}/run-daemon.marker >/dev/null; touch ${work}/made; rm ${work}/made; exit 3`;

  it('registers a job instead of loading BPF, says so, and gives what its own sensor gives', async () => {
    const via = await runSensor(['--state-dir', daemon.stateDir], ['sh', '-c', script()]);
    const own = await runSensor(['--no-daemon'], ['sh', '-c', script()]);
    expect(via.stderr).toMatch(/recording through the daemon at .*: no BPF loaded for this run/);
    expect(own.stderr).not.toMatch(/recording through the daemon/);
    expect(via.code).toBe(3);
    expect(own.code).toBe(3);
    for (const r of [via, own]) {
      for (const f of ['events.ndjson', 'report.json', 'summary.md', 'report.html', 'sensor.json']) expect(existsSync(join(r.outDir, f))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(via.outDir, 'sensor.json'), 'utf8'))).toMatchObject({ daemon: daemon.stateDir });
    expect(behaviour(via.events)).toEqual(behaviour(own.events));
    expect(behaviour(via.events).some((l) => l.startsWith('file_open') && l.includes('run-daemon.marker'))).toBe(true);
    expect(via.events.every((e) => e.job.name === 'local')).toBe(true);
    expect(printedReport(via)).toMatch(/VERDICT[\s\S]*FILES/);
    expect(printedReport(via)).toEqual(printedReport(own));
    // The job's files moved to --out; the daemon keeps nothing of it and runs on.
    expect(readdirSync(join(daemon.stateDir, 'jobs'))).toEqual([]);
    const stats = await ask(daemon.stateDir, { op: 'stats' });
    expect(stats).toMatchObject({ ok: true, jobs: [] });
  });

  it('passes the rules on: the same findings and the same --fail-on exit code', async () => {
    const flags = ['--rules', join(work, 'rules.yml'), '--fail-on', 'high'];
    const command = ['sh', '-c', `cat ${work}/run-daemon.marker >/dev/null`];
    const via = await runSensor(['--state-dir', daemon.stateDir, ...flags], command);
    const own = await runSensor(['--no-daemon', ...flags], command);
    expect(via.stderr).toMatch(/recording through the daemon/);
    for (const r of [via, own]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/finding\(s\) at or above --fail-on high: exiting 1/);
      const findings = readFileSync(join(r.outDir, 'findings.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { rule_id?: string; rule?: { id?: string } });
      expect(findings).toHaveLength(1);
      expect(JSON.stringify(findings[0])).toContain('marker_read');
    }
  });

  it('loads its own sensor when no daemon answers on the state directory', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cs-no-daemon-'));
    try {
      const r = await runSensor(['--state-dir', empty], ['true']);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/recording through the daemon/);
      expect(JSON.parse(readFileSync(join(r.outDir, 'sensor.json'), 'utf8')).plan.length).toBeGreaterThan(5);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
