// npm run demo: the sensor on the built-in workload (the same one the
// conformance test runs), with loopback peers for its connects, then the
// report. Needs root, as the sensor does.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? 'cicd-sensor-demo');
if (process.getuid() !== 0) {
  console.error('npm run demo loads BPF programs and needs root: sudo npm run demo');
  process.exit(3);
}

const servers = [];
const listen = (opts) =>
  new Promise((ok) => {
    const s = net.createServer((c) => c.destroy());
    servers.push(s);
    s.listen(opts, () => ok(s.address()?.port));
  });
const port4 = await listen({ host: '127.0.0.1', port: 0 });
const port6 = await listen({ host: '::1', port: 0 });
const closed = await listen({ host: '127.0.0.1', port: 0 });
servers.pop().close();
const udp = dgram.createSocket('udp4');
servers.push(udp);
const udpPort = await new Promise((ok) => udp.bind(0, '127.0.0.1', () => ok(udp.address().port)));
const work = mkdtempSync(join(tmpdir(), 'cicd-sensor-demo-'));
mkdirSync(join(work, 'sub'));
for (const f of ['rel.txt', 'removed.txt', 'old.txt']) writeFileSync(join(work, 'sub', f), f);
const unixPath = join(work, 'demo.sock');
await listen({ path: unixPath });
const abstract = `cicd-sensor-demo-${process.pid}`;
await listen({ path: `\0${abstract}` });

// Domains: a resolver of the demo's own on a loopback address of its own
// (port 53, which is where the sensor looks for DNS) answering one made-up
// name, and a web server for the Host header.
const DNS_ADDRESS = '127.0.0.153';
const NAME = 'demo.cicd-sensor.test';
const resolver = dgram.createSocket('udp4');
servers.push(resolver);
resolver.on('message', (q, peer) => {
  if (q.length < 17) return;
  const r = Buffer.concat([q, Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1])]);
  r.writeUInt16BE(0x8180, 2); // a response, no error
  r.writeUInt16BE(1, 6); // one answer
  resolver.send(r, peer.port, peer.address);
});
await new Promise((ok, fail) => resolver.once('error', fail).bind(53, DNS_ADDRESS, ok));
const web = (await import('node:http')).createServer((_req, res) => res.end('ok\n'));
servers.push(web);
const webPort = await new Promise((ok) => web.listen(0, '127.0.0.1', () => ok(web.address().port)));

// The job: the conformance workload, then the domain lookups.
const job = join(work, 'demo-job.sh');
writeFileSync(
  job,
  `#!/bin/sh\nset -e\n"$@"\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'scripts/demoDomains.mjs'))} ${DNS_ADDRESS} ${NAME} ${webPort}\n`,
  { mode: 0o755 },
);
const workload = [join(root, 'test/fixtures/workload.sh'), work, port4, port6, closed, udpPort, unixPath, abstract];
const args = ['run', '--out', out, '--', job, ...workload];
const child = spawn(process.execPath, [join(root, 'dist/cli.js'), ...args.map(String)], { stdio: 'inherit', cwd: work });
const code = await new Promise((ok) => child.on('exit', (c) => ok(c ?? 1)));
for (const s of servers) s.close();
console.log(`\nreport: ${join(out, 'summary.md')}  events: ${join(out, 'events.ndjson')}`);
process.exit(code);
