/**
 * The daemon outlives its own bugs. A throw in a callback or a rejected
 * promise nobody awaited would end the process, and with it the recording
 * of every job on the host: a job could switch the sensor off by finding
 * one such path. Each is logged and counted (stats shows internalErrors)
 * instead, and the daemon carries on.
 */
import type { Logger } from './log.js';

let count = 0;

export const internalErrors = (): number => count;

export function surviveInternalErrors(log: Logger): void {
  const record = (what: string, err: unknown): void => {
    count++;
    log.error(`${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  };
  process.on('uncaughtException', (err) => record('uncaught exception', err));
  process.on('unhandledRejection', (reason) => record('unhandled rejection', reason));
}
