/**
 * The daemon's control socket: line framing, size limits, one reply per
 * request. A client that sends garbage gets an error reply; one that
 * vanishes mid-request costs nothing but its connection.
 */
import { chmodSync, chownSync, rmSync } from 'node:fs';
import net from 'node:net';
import { MAX_REQUEST_BYTES, parseRequest, ProtocolError, type ReplyTo, type Request } from './protocol.js';

export type Handler = (req: Request) => Promise<ReplyTo<Request>>;

export interface ControlServerOptions {
  path: string;
  handler: Handler;
  /** Owner for the socket (the user who started the daemon through sudo). */
  owner?: { uid: number; gid: number };
  onError?: (err: Error) => void;
}

function reply(sock: net.Socket, res: ReplyTo<Request>): void {
  if (!sock.destroyed && sock.writable) sock.write(JSON.stringify(res) + '\n');
}

function serve(sock: net.Socket, handler: Handler): void {
  let buffered = '';
  let chain = Promise.resolve();
  sock.setEncoding('utf8');
  sock.on('error', () => sock.destroy());
  sock.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      // Replies go out in request order even when handlers take turns.
      chain = chain.then(() => answer(sock, line, handler));
    }
    if (buffered.length > MAX_REQUEST_BYTES) {
      reply(sock, { ok: false, error: 'request too long' });
      sock.destroy();
    }
  });
}

async function answer(sock: net.Socket, line: string, handler: Handler): Promise<void> {
  let req: Request;
  try {
    req = parseRequest(line);
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof ProtocolError ? err.message : 'bad request' });
    return;
  }
  try {
    reply(sock, await handler(req));
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

export async function listenControl(opts: ControlServerOptions): Promise<net.Server> {
  rmSync(opts.path, { force: true });
  const server = net.createServer((sock) => serve(sock, opts.handler));
  server.on('error', (err) => opts.onError?.(err));
  // Created 0600 from the start: the umask closes the window before chmod.
  const oldMask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.path, () => resolve());
    });
  } finally {
    process.umask(oldMask);
  }
  chmodSync(opts.path, 0o600);
  if (opts.owner) chownSync(opts.path, opts.owner.uid, opts.owner.gid);
  return server;
}
