/** Runs the real `cicd-sensor run` from dist/ and reads back what it wrote. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import { cliPath } from './paths.js';
import { assertValidEvent } from './schema.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
  events: EventRecord[];
  summary: string;
  report: Record<string, unknown> | undefined;
}

/** BPF tests are never skipped: without root they fail and say why. */
export function requireRoot(): void {
  if (process.getuid?.() !== 0) throw new Error('BPF integration tests must run as root');
}

export function readEvents(path: string): EventRecord[] {
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return lines.map((line, i) => {
    const record = JSON.parse(line) as EventRecord;
    assertValidEvent(record, i + 1);
    return record;
  });
}

const outDirs: string[] = [];

export function cleanupRuns(): void {
  if (process.env.CS_KEEP_RUNS) return; // for looking at a failed run by hand
  for (const dir of outDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh report directory, removed by cleanupRuns. */
export function newOutDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cs-run-'));
  outDirs.push(dir);
  return dir;
}

export function runSensor(
  flags: string[],
  command: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; prefix?: string[]; timeoutMs?: number; outDir?: string } = {},
): Promise<RunResult> {
  const outDir = opts.outDir ?? newOutDir();
  const argv = [...(opts.prefix ?? []), process.execPath, cliPath, 'run', '--out', outDir, ...flags, '--', ...command];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        const summaryPath = join(outDir, 'summary.md');
        const reportPath = join(outDir, 'report.json');
        resolve({
          code: code ?? -1,
          stdout,
          stderr,
          outDir,
          events: readEvents(join(outDir, 'events.ndjson')),
          summary: existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '',
          report: existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : undefined,
        });
      } catch (err) {
        reject(err);
      }
    });
  });
}
