/** The sensor's own state for reports: attach plan, kernel counters, tracker counts. */
import type { AttachPlanEntry, HookCounters, RingStatus, SensorStatus } from '../events/sensorStatus.js';
import { BULK_HOOKS } from '../kernel/layout.js';
import type { RingSizes } from '../native/sensor.js';
import type { TrackerCounts } from './kernelTracker.js';

export function sensorStatus(
  plan: AttachPlanEntry[],
  counters: HookCounters[],
  counts: TrackerCounts,
  rings: RingSizes,
): SensorStatus {
  return {
    plan,
    hooks: counters,
    lostRecords: counters.reduce((sum, c) => sum + c.lost, 0),
    undecodable: counts.malformed,
    ringbufBytes: rings.bulk,
    rings: [ringStatus('priority', rings.priority, counters), ringStatus('bulk', rings.bulk, counters)],
  };
}

function ringStatus(ring: RingStatus['ring'], bytes: number, counters: HookCounters[]): RingStatus {
  const mine = counters.filter((c) => BULK_HOOKS.includes(c.hook) === (ring === 'bulk'));
  return {
    ring,
    bytes,
    sent: mine.reduce((sum, c) => sum + c.sent, 0),
    lost: mine.reduce((sum, c) => sum + c.lost, 0),
  };
}
