/**
 * Times the report for an events.ndjson: every line parsed and fed to
 * ReportBuilder, the model built, rendered as markdown and serialised as
 * report.json, as the CLI and the action's post step do. Bundled by the
 * bench with esbuild from src/ as it is now; prints one JSON line.
 */
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import { EventLineParser, forEachLine } from '../../src/report/logReader.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ReportBuilder } from '../../src/report/model.js';

async function main(path: string): Promise<void> {
  const t0 = performance.now();
  const builder = new ReportBuilder({ workspace: '/home/runner/work/app/app', tempDir: '/tmp' });
  const parser = new EventLineParser();
  let events = 0;
  forEachLine(path, (line) => {
    builder.add(parser.parse(line));
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
