/**
 * The daemon's control socket: line framing, size limits, one reply per
 * request, and the asker's credentials (SO_PEERCRED) handed to the handler
 * with each request. A client that sends garbage gets an error reply; one
 * that vanishes mid-request costs nothing but its connection; one that
 * queues requests faster than it reads the replies is dropped before its
 * backlog costs the daemon memory.
 */
import { chmodSync, chownSync, rmSync } from 'node:fs';
import net from 'node:net';
import { peerCred, type PeerCred } from '../native/peer.js';
import { MAX_REQUEST_BYTES, parseRequest, ProtocolError, type ReplyTo, type Request } from './protocol.js';

export type Handler = (req: Request, peer: PeerCred | undefined) => Promise<ReplyTo<Request>>;

/** Replies written but not yet read by a client, past which it is dropped. */
export const MAX_PENDING_OUTPUT_BYTES = 1 << 20;
/** Requests of one client waiting for their turn, past which it is dropped. */
export const MAX_QUEUED_REQUESTS = 64;
/** Clients at once; a legitimate one is a step or the CLI, asking one thing. */
export const MAX_CLIENTS = 256;

export interface ControlServerOptions {
  path: string;
  handler: Handler;
  /** Owner for the socket (the user who started the daemon through sudo). */
  owner?: { uid: number; gid: number };
  onError?: (err: Error) => void;
}

/** Clients dropped for their backlog: their queued requests are not answered. */
const dropped = new WeakSet<net.Socket>();

function drop(sock: net.Socket): void {
  dropped.add(sock);
  sock.destroy();
}

function reply(sock: net.Socket, res: ReplyTo<Request>): void {
  if (sock.destroyed || !sock.writable) return;
  // A client that never reads would otherwise grow the daemon without bound. Checked
  // before the write, so one large reply (a job's report model) still goes out whole:
  // what is pending stays under the limit plus one reply.
  if (sock.writableLength > MAX_PENDING_OUTPUT_BYTES) {
    drop(sock);
    return;
  }
  sock.write(JSON.stringify(res) + '\n');
}

function serve(sock: net.Socket, handler: Handler): void {
  // Taken once, at connect: the kernel's record of who connected.
  const peer = peerCred(sock);
  let buffered = '';
  let queued = 0;
  let chain = Promise.resolve();
  sock.setEncoding('utf8');
  sock.on('error', () => sock.destroy());
  sock.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0 && !dropped.has(sock)) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      if (++queued > MAX_QUEUED_REQUESTS) {
        drop(sock);
        return;
      }
      // Replies go out in request order even when handlers take turns.
      chain = chain.then(() => answer(sock, line, peer, handler)).finally(() => queued--);
    }
    if (buffered.length > MAX_REQUEST_BYTES) {
      reply(sock, { ok: false, error: 'request too long' });
      sock.destroy();
    }
  });
}

async function answer(sock: net.Socket, line: string, peer: PeerCred | undefined, handler: Handler): Promise<void> {
  if (dropped.has(sock)) return;
  let req: Request;
  try {
    req = parseRequest(line);
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof ProtocolError ? err.message : 'bad request' });
    return;
  }
  try {
    reply(sock, await handler(req, peer));
  } catch (err) {
    reply(sock, { ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

export async function listenControl(opts: ControlServerOptions): Promise<net.Server> {
  rmSync(opts.path, { force: true });
  const server = net.createServer((sock) => serve(sock, opts.handler));
  // Each client may buffer up to MAX_REQUEST_BYTES: their number bounds the daemon's memory.
  server.maxConnections = MAX_CLIENTS;
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
