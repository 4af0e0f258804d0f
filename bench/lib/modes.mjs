// The five ways a workload is run. Each mode has a setup and teardown around
// a round's workloads and runs every workload through timeit, so the time
// compared is always the workload's own.
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_SYSCALLS, startAudit } from './auditd.mjs';
import { run } from './proc.mjs';
import { runTracked, startSensor } from './sensor.mjs';

export const MODE_IDS = ['baseline', 'tracked', 'untracked', 'auditd', 'strace', 'egressAudit', 'egressBlock'];

export const MODE_LABELS = {
  baseline: 'baseline',
  tracked: 'sensor tracked',
  untracked: 'sensor untracked',
  auditd: 'auditd',
  strace: 'strace -f',
  egressAudit: 'sensor, egress audit',
  egressBlock: 'sensor, egress block',
};

/*
 * The egress policy's cost: loopback needs an entry (so every connect and
 * datagram goes through the policy's maps, not the loopback shortcut), and
 * block against audit is the budget (the same lookups, only the verdict
 * differs).
 */
const EGRESS_FLAGS = ['--no-allow-loopback', '--allowed-endpoints', '127.0.0.0/8 ::1'];

/** Runs argv under timeit (itself under `wrapper`, if any); returns the workload's { wallMs, cpuMs }. */
async function timed(tools, resultPath, argv, wrapper = []) {
  const [cmd, ...args] = [...wrapper, tools.timeit, resultPath, ...argv];
  await run(cmd, args);
  return readTiming(resultPath);
}

function readTiming(path) {
  const t = JSON.parse(readFileSync(path, 'utf8'));
  if (t.status !== 0) throw new Error(`workload exited with wait status ${t.status}`);
  return { wallMs: t.wallNs / 1e6, cpuMs: (t.userUs + t.sysUs) / 1e3, startRealtimeNs: t.startRealtimeNs };
}

/** A workload under `cicd-sensor run` with these flags. */
function trackedMode(flags) {
  return {
    async run(ctx, _state, w) {
      const outDir = scratch(ctx.tmp, `tracked-${w.id}`);
      const timing = `${outDir}.timing.json`;
      mkdirSync(outDir);
      const sensor = await runTracked(ctx.tools, outDir, [ctx.tools.timeit, timing, ...w.argv], flags);
      if (sensor.failure !== undefined) throw new Error(`cicd-sensor run failed: ${sensor.failure}`);
      if (sensor.exit !== 0) throw new Error(`cicd-sensor run exited with wait status ${sensor.exit}`);
      const sample = { ...readTiming(timing), sensor };
      rmSync(outDir, { recursive: true, force: true });
      return sample;
    },
  };
}

let seq = 0;
const scratch = (dir, name) => join(dir, `${name}-${++seq}`);

/**
 * Mode objects: { id, setup(ctx) → state, run(ctx, state, workload) → sample, teardown(ctx, state) → info }.
 * ctx: { tmp, tools, log }.
 */
export const MODES = {
  baseline: {
    async run(ctx, _state, w) {
      return timed(ctx.tools, scratch(ctx.tmp, 'timing'), w.argv);
    },
  },

  tracked: trackedMode([]),
  egressAudit: trackedMode(['--egress-policy', 'audit', ...EGRESS_FLAGS]),
  egressBlock: trackedMode(['--egress-policy', 'block', ...EGRESS_FLAGS]),

  untracked: {
    async setup(ctx) {
      const outDir = scratch(ctx.tmp, 'background-sensor');
      mkdirSync(outDir);
      const sensor = startSensor(ctx.tools, outDir, ['sleep', '86400']);
      if (!(await sensor.ready)) {
        const summary = await sensor.stop();
        throw new Error(`the background sensor did not become ready: ${summary.failure ?? 'no sensor.json'}`);
      }
      return { sensor, outDir };
    },
    async run(ctx, _state, w) {
      return timed(ctx.tools, scratch(ctx.tmp, 'timing'), w.argv);
    },
    async teardown(_ctx, state) {
      const summary = await state.sensor.stop();
      rmSync(state.outDir, { recursive: true, force: true });
      // The tracked cgroup held only `sleep`: anything more leaked from the workloads.
      return { backgroundEvents: summary.events, readyMs: summary.readyMs, lostRecords: summary.lostRecords };
    },
  },

  auditd: {
    async setup(ctx) {
      const dir = scratch(ctx.tmp, 'audit');
      mkdirSync(dir, { mode: 0o700 });
      return { audit: await startAudit(dir, ctx.log), dir };
    },
    async run(ctx, _state, w) {
      return timed(ctx.tools, scratch(ctx.tmp, 'timing'), w.argv);
    },
    async teardown(_ctx, state) {
      const info = await state.audit.stop();
      const logBytes = fileSize(join(state.dir, 'audit.log'));
      rmSync(state.dir, { recursive: true, force: true });
      return { auditLost: info.lost, auditLogBytes: logBytes, rule: state.audit.rule };
    },
  },

  strace: {
    async run(ctx, _state, w) {
      const out = scratch(ctx.tmp, 'strace');
      const prefix = ['strace', '-f', '-qq', '-o', out, '-e', `trace=${AUDIT_SYSCALLS.join(',')}`];
      const sample = await timed(ctx.tools, `${out}.timing.json`, w.argv, prefix);
      sample.straceLogBytes = fileSize(out);
      rmSync(out, { force: true });
      return sample;
    },
  },
};

function fileSize(path) {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
