/**
 * The daemon's control socket: line framing, size limits, one reply per
 * request, and the asker's credentials (SO_PEERCRED) handed to the handler
 * with each request. A client that sends garbage gets an error reply; one
 * that vanishes mid-request costs nothing but its connection; one that
 * queues requests faster than it reads the replies is dropped before its
 * backlog costs the daemon memory; one that sends nothing for a while is
 * closed; and who gets a connection at all is src/daemon/slots.ts's call.
 */
import { chmodSync, chownSync, rmSync } from 'node:fs';
import net from 'node:net';
import { peerCred, type PeerCred } from '../native/peer.js';
import { MAX_REQUEST_BYTES, parseRequest, ProtocolError, type ReplyTo, type Request } from './protocol.js';
import { ControlSlots } from './slots.js';

export type Handler = (req: Request, peer: PeerCred | undefined) => Promise<ReplyTo<Request>>;

/** Replies written but not yet read by a client, past which it is dropped. */
export const MAX_PENDING_OUTPUT_BYTES = 1 << 20;
/** Requests of one client waiting for their turn, past which it is dropped. */
export const MAX_QUEUED_REQUESTS = 64;
/** A client with no request in hand that neither sends nor reads for this long is closed. */
export const IDLE_TIMEOUT_MS = 10_000;

export interface ControlServerOptions {
  path: string;
  handler: Handler;
  /** Owner for the socket (the user who started the daemon through sudo). */
  owner?: { uid: number; gid: number };
  /** Who gets a connection (the daemon tells it the jobs' workers). */
  slots?: ControlSlots;
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

/**
 * Splits a byte stream into lines. The partial line is kept as the chunks it
 * came in and joined once, when its newline arrives: appending each chunk to
 * a string and searching it again copied the whole line per chunk, so a
 * client sending 4 MiB without a newline made the daemon allocate ~128 MiB
 * (in V8's large-object space, which only a full GC returns), and a few such
 * clients at once grew it by hundreds of MiB.
 */
export class LineSplitter {
  private chunks: Buffer[] = [];
  /** Bytes of the partial line. */
  size = 0;

  /** The complete lines in chunk (without their newlines); the rest is kept. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      const tail = chunk.subarray(from, nl);
      lines.push((this.size ? Buffer.concat([...this.chunks, tail]) : tail).toString('utf8'));
      this.chunks = [];
      this.size = 0;
      from = nl + 1;
    }
    if (from < chunk.length) {
      // A copy when lines came before it: the tail must not keep the whole chunk alive.
      this.chunks.push(from === 0 ? chunk : Buffer.from(chunk.subarray(from)));
      this.size += chunk.length - from;
    }
    return lines;
  }
}

function serve(sock: net.Socket, handler: Handler, peer: PeerCred | undefined): void {
  const lines = new LineSplitter();
  let queued = 0;
  let chain = Promise.resolve();
  sock.on('error', () => sock.destroy());
  sock.setTimeout(IDLE_TIMEOUT_MS, () => {
    // A request in hand (an unregister settling the kernel's records) is not idleness.
    if (queued === 0) sock.destroy();
  });
  sock.on('data', (chunk: Buffer) => {
    for (const raw of lines.push(chunk)) {
      if (dropped.has(sock)) return;
      const line = raw.trim();
      if (!line) continue;
      if (++queued > MAX_QUEUED_REQUESTS) {
        drop(sock);
        return;
      }
      // Replies go out in request order even when handlers take turns.
      chain = chain.then(() => answer(sock, line, peer, handler)).finally(() => queued--);
    }
    if (lines.size > MAX_REQUEST_BYTES) {
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

/** Seats the client, or tells it why there is no room and closes it. */
function accept(sock: net.Socket, slots: ControlSlots, handler: Handler): void {
  // Taken once, at connect: the kernel's record of who connected.
  const peer = peerCred(sock);
  const refused = slots.admit(sock, peer);
  if (refused !== undefined) {
    sock.on('error', () => sock.destroy());
    // Closed once the line is out, whether or not the client ever reads or hangs up.
    sock.end(JSON.stringify({ ok: false, error: refused }) + '\n', () => sock.destroy());
    return;
  }
  sock.once('close', () => slots.release(sock));
  serve(sock, handler, peer);
}

export async function listenControl(opts: ControlServerOptions): Promise<net.Server> {
  rmSync(opts.path, { force: true });
  const slots = opts.slots ?? new ControlSlots();
  // Each client may buffer up to MAX_REQUEST_BYTES: their number (slots.ts) bounds the daemon's memory.
  const server = net.createServer((sock) => accept(sock, slots, opts.handler));
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
