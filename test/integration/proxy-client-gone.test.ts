import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerProxy, type ProxyHooks } from '../../src/proxy/server.js';

/*
 * A volume change waits at the proxy's volume gate and, once in, runs to
 * dockerd's answer though its client leaves (the gate is let go only then).
 * A client that leaves mid-body must not hold that forever: nothing
 * dockerd could act on was sent, and with the gate held every later create
 * mounting a named volume would wait. The upstream here is a stand-in
 * HTTP server on a unix socket, as dockerd's is.
 */
const hooks: ProxyHooks = {
  jobOfPid: () => undefined,
  stage: () => undefined,
  note: () => undefined,
  guardOf: () => undefined,
  recorded: () => undefined,
  log: () => undefined,
};

describe('the docker proxy, when a client leaves mid-request', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });

  test('a volume change cut short is dropped upstream too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-proxy-gone-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const upstreamPath = join(dir, 'docker.sock');
    const proxyPath = join(dir, 'proxy.sock');
    let arrived: () => void;
    const arrivedUpstream = new Promise<void>((resolve) => (arrived = resolve));
    const closedUpstream = new Promise<boolean>((resolve) => {
      const upstream = http.createServer((req, res) => {
        arrived();
        req.on('close', () => resolve(req.complete));
        req.on('end', () => res.end('{}'));
        req.resume();
      });
      upstream.listen(upstreamPath);
      cleanups.push(() => {
        upstream.closeAllConnections();
        upstream.close();
      });
    });
    const proxy = new DockerProxy(upstreamPath, hooks);
    await proxy.listen(proxyPath);
    cleanups.push(() => proxy.close());

    const client = net.connect(proxyPath);
    cleanups.push(() => client.destroy());
    client.write('POST /volumes/create HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"Na');
    await arrivedUpstream;
    client.destroy();

    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open upstream after 5 s'), 5000).unref());
    await expect(Promise.race([closedUpstream, timeout])).resolves.toBe(false);
  });
});
