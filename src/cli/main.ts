/** `cicd-sensor` dispatch: parse, run, and map failures to exit codes. */
import { parseArgs, USAGE, UsageError } from './args.js';
import { runCommand } from './run.js';

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`cicd-sensor: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return runCommand(parsed.options);
}
