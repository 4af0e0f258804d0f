/**
 * The tracker's CPU profile, for finding where its time goes on the real
 * kernel: `node --cpu-prof` cannot be used, because its SIGPROF timer runs
 * through the BPF load and a signal in the middle of the verifier fails the
 * load (EINTR). The inspector's profiler is started here once the sensor is
 * loaded (the Recorder's start) and written at its stop, as a .cpuprofile
 * (Chrome DevTools, or any reader of that JSON).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** Starts sampling (every 0.5 ms); the function returned stops and writes the profile to `path`. */
export function startCpuProfile(path: string): () => void {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  return () => {
    // The in-process session answers synchronously: the file is written before this returns.
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(path, JSON.stringify(result.profile));
      session.disconnect();
    });
  };
}
