/**
 * The layout of an events.ndjson line, in one place for the writer
 * (eventLine.ts) and the reader (report/logReader.ts): the keys in the
 * schema's order, in three runs. The reader finds the runs by searching for
 * the key texts below, so they must match what the writer writes: both take
 * them from here.
 */
import type { EventRecord } from './eventRecord.js';

/** The event's own head: `{"seq":…,"time":…,"kind":…`. */
export const HEAD_KEYS = ['seq', 'time', 'kind'] as const;

/** The run shared by every event of a process: job to process, parsed once per run by the reader. */
export const SHARED_KEYS = ['job', 'cgroup_id', 'container', 'step', 'process'] as const;

/** The kind's payload, after the process; at most one is present on a line. */
export const PAYLOAD_KEYS = ['network', 'file', 'domain', 'unix_socket', 'mount', 'http', 'access', 'container_create', 'container_exec'] as const;

export type PayloadKey = (typeof PAYLOAD_KEYS)[number];

/** `,"key":`, the text that starts a field after the first. */
export const fieldStart = (key: keyof EventRecord): string => `,"${key}":`;

/** Where the shared run starts (the reader's first split). */
export const SHARED_START = fieldStart(SHARED_KEYS[0]);
/** The process, the last of the shared run and most of a line's bytes. */
export const PROCESS_START = fieldStart('process');
/** Each payload's start, in line order. */
export const PAYLOAD_STARTS: readonly string[] = PAYLOAD_KEYS.map(fieldStart);
