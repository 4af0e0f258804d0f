// The flood figure's actor: while another process of the same job floods
// opens, does ROUNDS of every high-value action the sensor records, each
// marked so the bench can find it in events.ndjson: a shell (fork, exec,
// exit) that opens the actor's /proc/PID/maps (process_access: a new
// process each time, since the kernel drops a process's repeated opens),
// a TCP connect to its own listener, a DNS question to its own server on
// 127.0.0.86:53 (udp_sendmsg and domain), a unix socket connect, and a
// child cgroup made and removed (cgroup_tracking). Everything stays on
// loopback.
// Prints what it did as JSON on stdout.
//
// usage: node floodActor.mjs ROUNDS DIR
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

const DNS_ADDRESS = '127.0.0.86';
export const marker = (i) => `cs-flood-${i}`;
export const dnsName = (i) => `${marker(i)}.cicd-sensor.invalid`;

/** A DNS query for name, type A, as a resolver sends it. */
function dnsQuery(name, id) {
  const labels = name.split('.').flatMap((l) => [Buffer.from([l.length]), Buffer.from(l)]);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD
  header.writeUInt16BE(1, 4);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}

const listen = (server, ...args) => new Promise((ok, fail) => server.once('error', fail).listen(...args, () => ok(server)));
const connectOnce = (...args) =>
  new Promise((ok, fail) => {
    const s = net.connect(...args, () => {
      s.destroy();
      ok();
    });
    s.on('error', fail);
  });

/** The cgroup v2 directory this process is in, if cgroupfs is where /proc/self/mountinfo says. */
function ownCgroup() {
  const rel = readFileSync('/proc/self/cgroup', 'utf8').split('\n').find((l) => l.startsWith('0::'))?.slice(3);
  const mount = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').find((l) => / - cgroup2 /.test(l))?.split(' ')[4];
  return rel !== undefined && mount ? join(mount, rel) : undefined;
}

async function servers(dir) {
  const tcp = await listen(net.createServer((s) => s.destroy()), 0, '127.0.0.1');
  const unixPath = join(dir, 'actor.sock');
  const unix = await listen(net.createServer((s) => s.destroy()), unixPath);
  const dns = dgram.createSocket('udp4');
  const dnsOk = await new Promise((ok) => dns.once('error', () => ok(false)).bind(53, DNS_ADDRESS, () => ok(true)));
  dns.on('message', () => {});
  return { tcp, tcpPort: tcp.address().port, unix, unixPath, dns, dnsOk };
}

async function main() {
  const [rounds, dir] = [Number(process.argv[2]), process.argv[3]];
  const s = await servers(dir);
  const client = dgram.createSocket('udp4');
  const cgroup = ownCgroup();
  const done = { execs: 0, connects: 0, dns: 0, unix: 0, procMaps: 0, cgroups: 0 };
  const peek = 'read -r line < /proc/$PPID/maps';
  const started = Date.now();
  for (let i = 0; i < rounds; i++) {
    if (spawnSync('/bin/sh', ['-c', peek, marker(i)]).status === 0) {
      done.execs++;
      done.procMaps++;
    }
    await connectOnce(s.tcpPort, '127.0.0.1');
    done.connects++;
    if (s.dnsOk) {
      await new Promise((ok) => client.send(dnsQuery(dnsName(i), i & 0xffff), 53, DNS_ADDRESS, ok));
      done.dns++;
    }
    await connectOnce(s.unixPath);
    done.unix++;
    if (cgroup) {
      try {
        mkdirSync(join(cgroup, marker(i)));
        rmdirSync(join(cgroup, marker(i)));
        done.cgroups++;
      } catch {
        /* not allowed here: the figure says so by its count */
      }
    }
  }
  const ms = Date.now() - started;
  client.close();
  s.dns.close();
  s.tcp.close();
  s.unix.close();
  process.stdout.write(`${JSON.stringify({ rounds, ms, done, tcpPort: s.tcpPort, unixPath: s.unixPath })}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
