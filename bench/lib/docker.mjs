// The docker figure: `docker run --rm IMAGE true`, N times in a row, through
// the sensor's proxy against the real socket. Both sides run tracked by the
// same sensor, so the ratio is the proxy's own cost (forwarding, the create
// inspection and the staging promote); a third side without any sensor shows
// what tracking a container costs on top.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTs } from './bundle.mjs';
import { onCleanup } from './cleanup.mjs';
import { run } from './proc.mjs';
import { startSensor } from './sensor.mjs';
import { summary } from './stats.mjs';

export const DOCKER_SIDES = ['baseline', 'real', 'proxy'];
const LABELS = { baseline: 'real socket, no sensor', real: 'real socket, sensor tracking (--no-docker-proxy)', proxy: 'through the proxy, sensor tracking' };

/** The tests' dockerd helper: the dockerd already running, or one it starts (and stops), and the offline image. */
async function dockerHelper(ctx) {
  const path = await bundleTs(ctx.tmp, 'test/helpers/docker.ts', 'dockerHelper.mjs');
  return import(path);
}

async function ensureDockerInstalled(ctx) {
  if (existsSync('/usr/sbin/dockerd') && (await run('sh', ['-c', 'command -v docker'], { allowFail: true })).code === 0) return;
  ctx.log('installing: docker.io');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'docker.io'], { env, allowFail: true });
  if (!existsSync('/usr/sbin/dockerd')) throw new Error('dockerd is not installed and apt-get could not install docker.io');
}

/** One timed loop of `containers` sequential `docker run --rm IMAGE true`. */
async function dockerRound(ctx, helper, side, containers, round) {
  const timing = join(ctx.tmp, `docker-${side}-${round}.timing.json`);
  const loop = `i=0; while [ $i -lt ${containers} ]; do docker run --rm ${helper.IMAGE} true || exit 1; i=$((i+1)); done`;
  const command = [ctx.tools.timeit, timing, 'sh', '-c', loop];
  const env = { ...process.env, DOCKER_HOST: `unix://${helper.REAL_SOCKET}`, DOCKER_BUILDKIT: '0' };
  if (side === 'baseline') {
    await run(command[0], command.slice(1), { env });
  } else {
    const outDir = join(ctx.tmp, `docker-${side}-${round}`);
    mkdirSync(outDir, { recursive: true });
    const flags = side === 'real' ? ['--no-docker-proxy'] : [];
    const sensor = await startSensor(ctx.tools, outDir, command, flags, undefined, env).done;
    if (sensor.failure !== undefined) throw new Error(`cicd-sensor run (${side}) failed: ${sensor.failure}`);
    if (sensor.exit !== 0) throw new Error(`docker run loop (${side}) failed with status ${sensor.exit}`);
    rmSync(outDir, { recursive: true, force: true });
  }
  const t = JSON.parse(readFileSync(timing, 'utf8'));
  return t.wallNs / 1e6 / containers;
}

/** Per-container time on each side, rotated per round; ratios within a round. */
export async function measureDocker(ctx, sizes) {
  await ensureDockerInstalled(ctx);
  const helper = await dockerHelper(ctx);
  await helper.ensureDockerd();
  const stop = onCleanup('stop the dockerd the bench started', () => helper.stopDockerd());
  try {
    helper.ensureImage();
    const perContainer = { baseline: [], real: [], proxy: [] };
    const ratio = { proxy: [], tracking: [] };
    for (let round = 0; round < sizes.rounds; round++) {
      const order = DOCKER_SIDES.map((_, i) => DOCKER_SIDES[(i + round) % DOCKER_SIDES.length]);
      const ms = {};
      for (const side of order) {
        ms[side] = await dockerRound(ctx, helper, side, sizes.containers, round);
        perContainer[side].push(ms[side]);
        ctx.log(`docker: ${LABELS[side]}: ${ms[side].toFixed(0)} ms per container`);
      }
      ratio.proxy.push(ms.proxy / ms.real);
      ratio.tracking.push(ms.real / ms.baseline);
    }
    return {
      containers: sizes.containers,
      msPerContainer: Object.fromEntries(DOCKER_SIDES.map((s) => [s, summary(perContainer[s])])),
      proxyOverReal: summary(ratio.proxy),
      trackedOverBaseline: summary(ratio.tracking),
      dockerdStartedByBench: helper.weStartedDockerd(),
    };
  } finally {
    stop.drop();
    await helper.stopDockerd();
  }
}
