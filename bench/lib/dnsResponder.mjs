// A tiny DNS responder on 127.0.0.1 for the DNS-query storm: answers every
// A question with 127.0.0.1 (any other type with an empty answer), so the
// storm never touches the machine's resolver or the network. Prints
// {"port":N} on stdout once bound; runs until killed.
import dgram from 'node:dgram';

/** The response to one query: the question echoed, plus one A record when asked for A. */
export function answer(query) {
  if (query.length < 12) return undefined;
  let end = 12;
  while (end < query.length && query[end] !== 0) end += query[end] + 1;
  end += 5; // the root label, QTYPE, QCLASS
  if (end > query.length) return undefined;
  const question = query.subarray(12, end);
  const isA = query.readUInt16BE(end - 4) === 1;
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  header[2] = 0x80 | (query[2] & 0x01); // QR, RD echoed
  header[3] = 0x80; // RA
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(isA ? 1 : 0, 6);
  // name: pointer to the question at offset 12; type A, class IN, TTL 60, 4 bytes
  const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
  return Buffer.concat(isA ? [header, question, record] : [header, question]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    const reply = answer(msg);
    if (reply) socket.send(reply, rinfo.port, rinfo.address);
  });
  socket.bind(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: socket.address().port })}\n`);
  });
  process.on('SIGTERM', () => socket.close(() => process.exit(0)));
}
