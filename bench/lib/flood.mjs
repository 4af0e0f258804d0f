// The flood figure (issue 18): a 1,000,000-open flood from one process of
// a job while another does every high-value action (floodActor.mjs); per
// kind, what the actor did, what reached events.ndjson, and what the
// kernel sent and lost. The budget: none of them lost.
import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startSensor } from './sensor.mjs';

const ACTOR = new URL('./floodActor.mjs', import.meta.url).pathname;
const MARKED_EXEC = /^cs-flood-\d+$/;

/** The actor's kinds: its count in `done`, the kernel hooks that send them, and how to spot its events. */
const KINDS = [
  { kind: 'process_exec', did: 'execs', hooks: ['process_exec', 'process_fork', 'process_exit'], mine: (e) => MARKED_EXEC.test(e.process?.argv?.at(-1) ?? '') },
  { kind: 'network_connect', did: 'connects', hooks: ['network_connect'], mine: (e, a) => e.network?.protocol === 'tcp' && e.network.port === a.tcpPort },
  { kind: 'domain', did: 'dns', hooks: ['udp_sendmsg', 'domain'], mine: (e) => e.domain?.name?.endsWith('.cicd-sensor.invalid') },
  { kind: 'unix_socket_connect', did: 'unix', hooks: ['unix_socket_connect'], mine: (e, a) => e.unix_socket?.path === a.unixPath },
  { kind: 'process_access', did: 'procMaps', hooks: ['process_access'], mine: (e) => MARKED_EXEC.test(e.process?.argv?.at(-1) ?? '') },
  { kind: 'cgroup_tracking', did: 'cgroups', hooks: ['cgroup_tracking'] },
];

/** Counts the actor's events per kind in the log, skipping the flood's file_open lines unparsed. */
async function actorEvents(eventsPath, actor) {
  const found = Object.fromEntries(KINDS.map((k) => [k.kind, 0]));
  const byKind = new Map(KINDS.filter((k) => k.mine).map((k) => [k.kind, k]));
  for await (const line of createInterface({ input: createReadStream(eventsPath) })) {
    if (line.includes('"kind":"file_open"')) continue;
    const e = JSON.parse(line);
    if (byKind.get(e.kind)?.mine(e, actor)) found[e.kind]++;
  }
  return found;
}

export async function measureFlood(ctx, filesDir, sizes) {
  const outDir = join(ctx.tmp, 'flood');
  mkdirSync(outDir, { recursive: true });
  const actorOut = join(ctx.tmp, 'flood-actor.json');
  const opens = sizes.openFiles * sizes.floodProcs;
  const flood = `${ctx.tools.openstorm} run ${filesDir} ${sizes.openFiles} ${sizes.floodProcs} 2`;
  const script = `${flood} & ${process.execPath} ${ACTOR} ${sizes.floodRounds} ${ctx.tmp} > ${actorOut}; wait`;
  ctx.log(`flood: ${opens.toLocaleString('en')} opens alongside ${sizes.floodRounds} rounds of high-value actions, default ring buffers`);
  const sensor = await startSensor(ctx.tools, outDir, ['sh', '-c', script]).done;
  if (sensor.failure !== undefined) throw new Error(`cicd-sensor run failed: ${sensor.failure}`);
  const actor = JSON.parse(readFileSync(actorOut, 'utf8'));
  const found = await actorEvents(join(outDir, 'events.ndjson'), actor);
  rmSync(outDir, { recursive: true, force: true });
  const hook = (name) => sensor.hooks?.find((h) => h.hook === name) ?? { sent: 0, lost: 0 };
  const kinds = KINDS.map((k) => ({
    kind: k.kind,
    did: actor.done[k.did],
    inLog: k.mine ? found[k.kind] : undefined,
    sent: k.hooks.reduce((sum, h) => sum + hook(h).sent, 0),
    lost: k.hooks.reduce((sum, h) => sum + hook(h).lost, 0),
  }));
  const result = {
    opens,
    actorRounds: actor.rounds,
    actorMs: actor.ms,
    sensorWallMs: sensor.sensorWallMs,
    fileOpenLost: hook('file_open').lost,
    fileOpenSent: hook('file_open').sent,
    rings: sensor.rings,
    lostByProcess: sensor.lostByProcess?.slice(0, 3),
    sensorPeakRssMb: sensor.sensorPeakRssMb,
    sensorPeakRssAnonMb: sensor.sensorPeakRssAnonMb,
    sensorPeakRssFileMb: sensor.sensorPeakRssFileMb,
    events: sensor.events,
    kinds,
  };
  ctx.log(`flood: ${kinds.map((k) => `${k.kind} ${k.inLog ?? k.sent}/${k.did} (${k.lost} lost)`).join(', ')}; file_open lost ${result.fileOpenLost}`);
  return result;
}
