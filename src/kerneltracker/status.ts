/** The sensor's own state for reports: attach plan, kernel counters, tracker counts. */
import type { AttachPlanEntry, HookCounters, SensorStatus } from '../events/sensorStatus.js';
import type { TrackerCounts } from './kernelTracker.js';

export function sensorStatus(
  plan: AttachPlanEntry[],
  counters: HookCounters[],
  counts: TrackerCounts,
  ringbufBytes: number,
): SensorStatus {
  return {
    plan,
    hooks: counters,
    lostRecords: counters.reduce((sum, c) => sum + c.lost, 0),
    undecodable: counts.malformed,
    ringbufBytes,
  };
}
