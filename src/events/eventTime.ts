/**
 * An event's time, RFC 3339 UTC with microseconds (`2024-05-01T10:00:00.123456Z`),
 * made in one place: as the text every consumer reads (EventRecord.time),
 * and as the same characters the line encoder writes from the microseconds
 * a tracked event carries (eventLine.ts), so the two cannot differ.
 */
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "000" to "999": the microseconds from two lookups, not String() and padStart() per event. */
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => pad(i, 3));

// Events come in bursts within one second: its date part is formatted once.
let lastSecond = NaN;
let lastSecondText = '';

/** The text up to the fraction, `2024-05-01T10:00:00.`, of a second since the epoch. */
function secondText(second: number): string {
  if (second !== lastSecond) {
    lastSecondText = new Date(second * 1000).toISOString().slice(0, 20);
    lastSecond = second;
  }
  return lastSecondText;
}

/** The time of wall-clock microseconds since the epoch. */
export function microsText(micros: number): string {
  const second = Math.floor(micros / 1e6);
  const us = micros - second * 1e6;
  return `${secondText(second)}${THREE_DIGITS[Math.floor(us / 1000)]}${THREE_DIGITS[us % 1000]}Z`;
}

/** Wall-clock nanoseconds → whole microseconds (the time's precision). */
export const wallMicros = (wallNs: number): number => Math.floor(wallNs / 1e3);

/** RFC 3339 UTC with microseconds, from wall-clock nanoseconds. */
export function rfc3339Micros(wallNs: number): string {
  return microsText(wallMicros(wallNs));
}

// The last second's `"2024-05-01T10:00:00.` as character codes, for writeTimeJson.
let jsonSecond = NaN;
let jsonPrefix = new Uint8Array(0);

/** At most the bytes writeTimeJson writes (a year past 9999 takes three more). */
export const TIME_JSON_MAX = 40;

/**
 * Writes microsText(micros) as a JSON string (quoted; it has nothing to
 * escape) into out at pos, from the number; returns where it ends. The
 * caller has made room for TIME_JSON_MAX bytes.
 */
export function writeTimeJson(out: Uint8Array, pos: number, micros: number): number {
  const second = Math.floor(micros / 1e6);
  // An int32 from here: the digits of a double would each take a floating-point remainder.
  let us = (micros - second * 1e6) | 0;
  if (second !== jsonSecond) {
    jsonPrefix = Uint8Array.from(`"${secondText(second)}`, (c) => c.charCodeAt(0));
    jsonSecond = second;
  }
  const prefix = jsonPrefix;
  for (let i = 0; i < prefix.length; i++) out[pos++] = prefix[i]!;
  for (let k = 5; k >= 0; k--) {
    const digit = us % 10;
    out[pos + k] = 0x30 + digit;
    us = (us - digit) / 10;
  }
  out[pos + 6] = 0x5a;
  out[pos + 7] = 0x22;
  return pos + 8;
}
