/** Starting the sensor for the daemon and `cicd-sensor run`, with one-line explanations when it cannot start. */
import type { AttachPlanEntry } from '../events/sensorStatus.js';
import { Sensor, type SensorOptions } from '../native/sensor.js';
import { checkPlatform } from '../platform/checks.js';

export interface StartedSensor {
  ok: true;
  sensor: Sensor;
  plan: AttachPlanEntry[];
  cgroupRoot: string;
}

export type StartResult = StartedSensor | { ok: false; reason: string; detail?: string };

/**
 * Opens the sensor (the maps and rings, on this thread) and loads and
 * attaches its programs on a worker thread: the caller's thread is free
 * until the promise settles, and nothing may use the sensor before.
 */
export async function startSensor(opts: Pick<SensorOptions, 'ringbufBytes' | 'noFunctionHooks' | 'noTlsRequests'>): Promise<StartResult> {
  const platform = checkPlatform();
  if (!platform.ok || !platform.cgroupRoot) return { ok: false, reason: platform.missing.join('; ') };
  let sensor: Sensor | undefined;
  try {
    sensor = Sensor.open(opts);
    const plan = await sensor.attachAsync(platform.cgroupRoot);
    return { ok: true, sensor, plan, cgroupRoot: platform.cgroupRoot };
  } catch (err) {
    sensor?.close();
    const text = err instanceof Error ? err.message : String(err);
    const [first, ...rest] = text.split('\n');
    return { ok: false, reason: `the kernel refused the BPF sensor: ${first}`, detail: rest.join('\n') };
  }
}
