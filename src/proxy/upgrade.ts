/**
 * Upgraded connections (attach, exec start): the request goes upstream
 * with its body, and the connection becomes a raw byte pipe both ways only
 * when dockerd answers 101. Any other answer is relayed as a plain response
 * and the connection is closed after it, so bytes a client sends after an
 * `Upgrade:` header dockerd did not honour (a second request, a container
 * create) never reach dockerd unseen.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';

/** An upgrade request's body is a small JSON (exec start options). */
const MAX_UPGRADE_BODY = 1 << 20;
/** Hop-by-hop headers of a non-101 answer: the relayed copy closes the connection instead. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

export function refuseUpgrade(client: Duplex, status: number, message: string): void {
  if (client.destroyed) return;
  const body = JSON.stringify({ message: `cicd-sensor docker proxy: ${message}` });
  const reason = http.STATUS_CODES[status] ?? 'Error';
  client.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function responseHead(res: http.IncomingMessage, keepHopByHop: boolean): string {
  const lines = [`HTTP/1.1 ${res.statusCode} ${res.statusMessage ?? ''}`];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i]!;
    if (keepHopByHop || !HOP_BY_HOP.has(name.toLowerCase())) lines.push(`${name}: ${res.rawHeaders[i + 1]}`);
  }
  if (!keepHopByHop) lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Sends exactly `length` body bytes upstream (from head, then from the client); returns what came after them. */
function sendBody(client: Duplex, head: Buffer, length: number, upReq: http.ClientRequest, after: (rest: Buffer) => void): void {
  upReq.write(head.subarray(0, length));
  let need = length - Math.min(length, head.length);
  if (need === 0) {
    upReq.end();
    after(head.subarray(length));
    return;
  }
  const onData = (chunk: Buffer): void => {
    const take = Math.min(need, chunk.length);
    upReq.write(chunk.subarray(0, take));
    need -= take;
    if (need > 0) return;
    client.off('data', onData);
    client.pause();
    upReq.end();
    after(chunk.subarray(take));
  };
  client.on('data', onData);
}

function pipeRaw(client: Duplex, up: Duplex): void {
  client.pipe(up);
  up.pipe(client);
  client.on('error', () => up.destroy());
  up.on('error', () => client.destroy());
  // end, not destroy, after a clean close: what was piped must still arrive.
  up.on('close', (hadError: boolean) => (hadError ? client.destroy() : client.end()));
  client.on('close', () => up.destroy());
}

export function pipeAfterUpgrade(req: http.IncomingMessage, client: Duplex, head: Buffer, upstream: string): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if (req.headers['transfer-encoding'] !== undefined || !Number.isSafeInteger(length) || length < 0 || length > MAX_UPGRADE_BODY) {
    refuseUpgrade(client, 400, 'an upgrade request needs a Content-Length body of at most 1 MiB');
    return;
  }
  client.on('error', () => client.destroy());
  const upReq = http.request({
    agent: false,
    socketPath: upstream,
    method: req.method,
    path: req.url,
    headers: req.rawHeaders as unknown as http.OutgoingHttpHeaders,
  });
  let rest: Buffer = Buffer.alloc(0);
  upReq.on('upgrade', (res: http.IncomingMessage, up: Duplex, upHead: Buffer) => {
    client.write(responseHead(res, true));
    if (upHead.length) client.write(upHead);
    if (rest.length) up.write(rest);
    pipeRaw(client, up);
    client.resume();
  });
  upReq.on('response', (res: http.IncomingMessage) => {
    // Not upgraded: a plain answer, then the connection ends; nothing more from the client is read.
    client.pause();
    client.write(responseHead(res, false));
    res.pipe(client);
    res.on('error', () => client.destroy());
  });
  upReq.on('error', (err) => {
    if (!client.destroyed) {
      const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${upstream} is unavailable: ${err.message}` });
      client.end(`HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
  });
  client.on('close', () => upReq.destroy());
  sendBody(client, head, length, upReq, (after) => (rest = after));
}
