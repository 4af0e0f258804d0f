/**
 * Times the report for an events.ndjson: every line parsed and fed to
 * ReportBuilder, the model built, rendered as markdown and serialised as
 * report.json, as the CLI and the action's post step do. Bundled by the
 * bench with esbuild from src/ as it is now; prints one JSON line.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ReportBuilder } from '../../src/report/model.js';

/**
 * Calls `onLine` with each line of the file as a string. Lines are cut from
 * a reused Buffer: a stream of string chunks that are concatenated and split
 * costs about three times as much here, which would be the bench's cost, not
 * the report's.
 */
function forEachLine(path: string, onLine: (line: string) => void): void {
  const fd = openSync(path, 'r');
  let buf = Buffer.allocUnsafe(8 << 20);
  let have = 0;
  try {
    for (;;) {
      if (have === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]); // a line longer than the buffer
      const got = readSync(fd, buf, have, buf.length - have, null);
      if (got === 0) break;
      have += got;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0 && nl < have; nl = buf.indexOf(10, start)) {
        if (nl > start) onLine(buf.toString('utf8', start, nl));
        start = nl + 1;
      }
      buf.copy(buf, 0, start, have);
      have -= start;
    }
    if (have > 0) onLine(buf.toString('utf8', 0, have));
  } finally {
    closeSync(fd);
  }
}

async function main(path: string): Promise<void> {
  const t0 = performance.now();
  const builder = new ReportBuilder({ workspace: '/home/runner/work/app/app', tempDir: '/tmp' });
  let events = 0;
  forEachLine(path, (line) => {
    builder.add(JSON.parse(line) as EventRecord);
    events++;
  });
  const t1 = performance.now();
  const status: SensorStatus = { plan: [], hooks: [], lostRecords: 0, undecodable: 0, ringbufBytes: 16 << 20 };
  const model = builder.build(status, { job: { id: 'bench' }, workspace: '/home/runner/work/app/app', tempDir: '/tmp' });
  const t2 = performance.now();
  const markdown = renderMarkdown(model);
  const t3 = performance.now();
  const json = JSON.stringify(model, null, 2);
  const t4 = performance.now();
  const out = {
    events,
    readAndAddMs: t1 - t0,
    buildMs: t2 - t1,
    markdownMs: t3 - t2,
    jsonMs: t4 - t3,
    totalMs: t4 - t0,
    markdownBytes: Buffer.byteLength(markdown),
    reportJsonBytes: Buffer.byteLength(json),
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

await main(process.argv[2] ?? 'events.ndjson');
