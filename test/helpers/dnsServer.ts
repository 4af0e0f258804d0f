/**
 * A small authoritative DNS server for tests, on UDP and TCP at one loopback
 * address (IPv4 or IPv6), answering made-up names from a zone (CNAME chains compressed the
 * way real servers write them) and NXDOMAIN for the rest. It records every
 * question it is asked.
 */
import dgram from 'node:dgram';
import net, { isIPv6 } from 'node:net';
import { dnsAnswer, parseQuery, type Zone } from './packets.js';

export interface DnsServer {
  address: string;
  port: number;
  questions: { name: string; qtype: number; via: 'udp' | 'tcp' }[];
  close(): Promise<void>;
}

export async function startDnsServer(address: string, zone: Zone, port = 53): Promise<DnsServer> {
  const questions: DnsServer['questions'] = [];
  const reply = (msg: Buffer, via: 'udp' | 'tcp'): Buffer | undefined => {
    if (msg.length < 17) return undefined;
    const q = parseQuery(msg);
    questions.push({ name: q.name, qtype: q.qtype, via });
    return dnsAnswer(msg, zone);
  };
  const udp = dgram.createSocket(isIPv6(address) ? 'udp6' : 'udp4');
  udp.on('message', (msg, peer) => {
    const out = reply(msg, 'udp');
    if (out) udp.send(out, peer.port, peer.address);
  });
  // Open TCP clients are destroyed on close: server.close() alone waits for
  // every one of them, and a client left in a namespace never hangs up.
  const open = new Set<net.Socket>();
  const tcp = net.createServer((sock) => {
    let pending = Buffer.alloc(0);
    open.add(sock);
    sock.on('close', () => open.delete(sock));
    sock.on('error', () => undefined);
    sock.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const msg = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + msg.length);
        const out = reply(msg, 'tcp');
        if (out) sock.write(Buffer.concat([Buffer.from([out.length >> 8, out.length & 0xff]), out]));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, address, () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, address, () => resolve());
  });
  return {
    address,
    port,
    questions,
    close: () =>
      new Promise((resolve) => {
        udp.close();
        tcp.close(() => resolve());
        for (const sock of open) sock.destroy();
      }),
  };
}
