/** Sends one request to a daemon's control socket and reads its reply. */
import net from 'node:net';
import { join } from 'node:path';
import type { ReplyTo, Request } from './protocol.js';

export const controlSocketPath = (stateDir: string): string => join(stateDir, 'control.sock');

export class DaemonUnavailable extends Error {}

export function request<R extends Request>(stateDir: string, req: R, timeoutMs = 30_000): Promise<ReplyTo<R>> {
  const path = controlSocketPath(stateDir);
  return new Promise((resolve, reject) => {
    const sock = net.connect(path);
    let buffered = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new DaemonUnavailable(`no reply from the daemon at ${path} within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.setEncoding('utf8');
    sock.on('connect', () => sock.write(JSON.stringify(req) + '\n'));
    sock.on('data', (chunk: string) => {
      buffered += chunk;
      const nl = buffered.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      sock.end();
      try {
        resolve(JSON.parse(buffered.slice(0, nl)) as ReplyTo<R>);
      } catch {
        reject(new Error('the daemon sent an unreadable reply'));
      }
    });
    sock.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new DaemonUnavailable(`cannot reach the daemon at ${path}: ${err.code ?? err.message}`));
    });
    sock.on('close', () => {
      clearTimeout(timer);
      reject(new DaemonUnavailable(`the daemon at ${path} closed the connection without a reply`));
    });
  });
}
