// The demo's domain half, run inside the tracked job: a DNS question for a
// made-up name sent to the demo's loopback resolver, then an HTTP request to
// the address it answered, with that name as Host. Gives a `domain` event of
// each source and a connect named by the answer.
// usage: node demoDomains.mjs DNS_ADDRESS NAME HTTP_PORT
import dgram from 'node:dgram';
import http from 'node:http';

const [server, name, httpPort] = process.argv.slice(2);

function query(id, qname) {
  const labels = qname.split('.').map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'ascii')]));
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // recursion desired
  header.writeUInt16BE(1, 4); // one question
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])]); // root label, type A, class IN
}

const sock = dgram.createSocket('udp4');
const answer = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no answer from the demo resolver')), 3000);
  sock.on('message', (msg) => {
    clearTimeout(timer);
    resolve(msg.subarray(msg.length - 4).join('.'));
  });
  sock.send(query(0x5eed, name), 53, server);
});
sock.close();

await new Promise((resolve, reject) => {
  http
    .get({ host: answer, port: Number(httpPort), path: '/', headers: { Host: name } }, (res) => res.resume().on('end', resolve))
    .on('error', reject);
});
