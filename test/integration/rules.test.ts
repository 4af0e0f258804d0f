/**
 * Rules end to end on the real kernel: `cicd-sensor run --rules` with a rule
 * file of the test's own detects exec, file, domain, connect and unix
 * socket behaviour of a workload, a terminate rule kills its victim, fail-on
 * sets the exit code, and `rules eval` on the same events.ndjson gives the
 * same findings.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/events/finding.js';
import { startDnsServer, type DnsServer } from '../helpers/dnsServer.js';
import { cliPath, fixturesDir } from '../helpers/paths.js';
import { assertValidFinding } from '../helpers/schema.js';
import { cleanupRuns, requireRoot, runSensor, type RunResult } from '../helpers/sensorRun.js';

const DNS = '127.0.0.154';
const E2E = join(fixturesDir, 'rules', 'e2e');

let work: string;
let dns: DnsServer;
let tcp: net.Server;
let unix: net.Server;
let rulesFile: string;
let script: string;

function listening(server: net.Server, where: net.ListenOptions): Promise<void> {
  return new Promise((resolve) => server.listen(where, resolve));
}

beforeAll(async () => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'rules-e2e-'));
  dns = await startDnsServer(DNS, { 'exfil.rules-test.example': { a: ['127.0.0.9'] } });
  tcp = net.createServer((s) => s.destroy());
  await listening(tcp, { host: '127.0.0.1', port: 0 });
  unix = net.createServer((s) => s.destroy());
  await listening(unix, { path: join(work, 'rules-e2e.sock') });
  const port = (tcp.address() as net.AddressInfo).port;
  rulesFile = join(work, 'rules.yml');
  writeFileSync(rulesFile, readFileSync(join(E2E, 'rules.yml'), 'utf8').replace('REPLACED_PORT', String(port)));
  copyFileSync('/bin/true', join(work, 'rules-marker'));
  copyFileSync('/bin/sleep', join(work, 'rules-victim'));
  spawnSync('chmod', ['755', join(work, 'rules-marker'), join(work, 'rules-victim')]);
  writeFileSync(join(work, 'token.rules-secret'), 'hunter2\n');
  script = [
    `${work}/rules-marker --MARK`,
    `${work}/rules-victim 30; echo "victim=$?" > ${work}/victim.txt`,
    `${process.execPath} ${E2E}/workload.mjs ${DNS} ${port} ${work}/rules-e2e.sock ${work}/token.rules-secret`,
  ].join('; ');
});

afterAll(async () => {
  await dns?.close();
  tcp?.close();
  unix?.close();
  rmSync(work, { recursive: true, force: true });
  cleanupRuns();
});

const ids = (findings: readonly Finding[]) => findings.map((f) => f.rule_id);

describe('cicd-sensor run --rules', () => {
  let run: RunResult;
  let findings: Finding[];

  beforeAll(async () => {
    const started = Date.now();
    run = await runSensor(['--rules', rulesFile, '--fail-on', 'none'], ['sh', '-c', script]);
    findings = (run.report?.findings ?? []) as Finding[];
    if (Date.now() - started > 25_000) throw new Error('the victim was not killed: the run waited for its sleep');
  }, 60_000);

  it('detects each behaviour at the event that showed it', () => {
    expect(run.code).toBe(0);
    expect(new Set(ids(findings))).toEqual(
      new Set(['marker_exec', 'victim_exec', 'secret_read', 'exfil_lookup', 'loopback_connect', 'unix_connect', 'all_of_it']),
    );
    for (const f of findings) {
      assertValidFinding(f);
      const event = run.events.find((e) => e.seq === f.seq)!;
      expect(event).toBeDefined();
      expect(f.event_kind).toBe(event.kind);
      expect(f.process?.pid).toBe(event.process.pid);
    }
    expect(findings.find((f) => f.rule_id === 'secret_read')!.summary).toMatch(/opened .*token\.rules-secret for read/);
  });

  it('kills the victim as soon as its exec is evaluated, and says so', () => {
    expect(readFileSync(join(work, 'victim.txt'), 'utf8').trim()).toBe('victim=137');
    expect(findings.find((f) => f.rule_id === 'victim_exec')).toMatchObject({ action: 'terminate', response: { kind: 'killed' } });
  });

  it('writes findings.ndjson and prints the findings before the summary', () => {
    const lines = readFileSync(join(run.outDir, 'findings.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Finding)).toEqual(findings);
    const at = run.stderr.indexOf('FINDINGS: 7 (');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(run.stderr.indexOf('Attach plan'));
    expect(run.stderr).toMatch(/critical +The victim was started .*-> killed/);
  });

  it('rules eval on the same events.ndjson gives the same findings', () => {
    const r = spawnSync(process.execPath, [cliPath, 'rules', 'eval', '--rules', rulesFile, '--events', join(run.outDir, 'events.ndjson')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const replayed = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Finding);
    const key = (f: Finding) => `${f.ruleset_id}/${f.rule_id}@${f.seq}`;
    expect(replayed.map(key)).toEqual(findings.map(key));
    const { response: _r, ...live } = findings.find((f) => f.rule_id === 'victim_exec')!;
    expect(replayed.find((f) => f.rule_id === 'victim_exec')).toEqual(live);
  });
});

describe('--fail-on', () => {
  it('exits 1 when met, the command\'s own failure winning, and checks the rule files first', async () => {
    const met = await runSensor(['--rules', rulesFile, '--fail-on', 'high', '--monitor-mode'], ['sh', '-c', `${work}/rules-marker --MARK; ${process.execPath} ${E2E}/workload.mjs ${DNS} 1 ${work}/rules-e2e.sock ${work}/token.rules-secret`]);
    expect(met.code).toBe(1);
    expect(met.stderr).toMatch(/finding\(s\) at or above --fail-on high: exiting 1/);
    const own = await runSensor(['--rules', rulesFile], ['sh', '-c', `${work}/rules-victim 0.1; exit 3`]);
    expect(own.code).toBe(3);
    expect(((own.report?.findings ?? []) as Finding[]).map((f) => f.response?.kind)).toEqual(['killed']);
    const monitored = ((met.report?.findings ?? []) as Finding[]);
    expect(monitored.every((f) => f.action !== 'terminate')).toBe(true);
    const bad = spawnSync(process.execPath, [cliPath, 'run', '--rules', join(fixturesDir, 'rules', 'bad-conditions.yml'), '--', 'true'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad-conditions\.yml:11:20: test\/bad-conditions\/uses_matches/);
  }, 90_000);
});
