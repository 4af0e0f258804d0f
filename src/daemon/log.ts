/** The daemon's log: one timestamped line per entry, appended to DIR/daemon.log. */
import { appendFileSync, readFileSync } from 'node:fs';

/** The last lines of a log, for an error message; empty when there is none. */
export function logTail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function fileLogger(path: string, echo = false): Logger {
  const write = (level: string, message: string): void => {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    try {
      appendFileSync(path, line);
    } catch {
      /* a full disk must not take the sensor down */
    }
    if (echo) process.stderr.write(line);
  };
  return {
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}
