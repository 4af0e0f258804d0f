/** `cicd-sensor report --job-dir DIR`: a report from a job's log alone. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeReportFiles } from '../report/files.js';
import { reportFromLog } from '../report/fromLog.js';
import { renderText } from '../report/text.js';

export async function reportCommand(jobDir: string): Promise<number> {
  if (!existsSync(join(jobDir, 'events.ndjson'))) {
    process.stderr.write(`cicd-sensor: ${jobDir} has no events.ndjson\n`);
    return 2;
  }
  const { model, endedEarly } = await reportFromLog(jobDir);
  const paths = writeReportFiles(jobDir, model);
  process.stderr.write(`${renderText(model)}\n`);
  if (endedEarly) process.stderr.write('cicd-sensor: WARNING: the sensor stopped before the job ended; the report is incomplete\n');
  process.stderr.write(`cicd-sensor: summary: ${paths.summary}, page: ${paths.html}\n`);
  return 0;
}
