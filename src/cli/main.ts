/** `cicd-sensor` dispatch: parse, run, and map failures to exit codes. */
import { parseArgs, USAGE, UsageError } from './args.js';
import { killAndPrint, sendAndPrint, startDaemon } from './daemonCommands.js';
import { reportCommand } from './reportCommand.js';
import { rulesCheckCommand, rulesEvalCommand } from './rulesCommand.js';
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
  switch (parsed.subcommand) {
    case 'run':
      return runCommand(parsed.options);
    case 'daemon':
      return startDaemon(parsed.options);
    case 'daemon-stop':
      return sendAndPrint(parsed.stateDir, { op: 'stop' });
    case 'daemon-stats':
      return sendAndPrint(parsed.stateDir, { op: 'stats' });
    case 'daemon-kill':
      return killAndPrint(parsed.stateDir);
    case 'job-register':
      return sendAndPrint(parsed.stateDir, {
        op: 'register',
        job: parsed.job,
        cgroup: parsed.cgroup,
        pid: parsed.pid,
        ...(parsed.protect ? { protect: true } : {}),
        ...(parsed.builtinRules ? {} : { rules: { sources: [], monitorMode: false, builtin: false } }),
      });
    case 'job-unregister':
      return sendAndPrint(parsed.stateDir, { op: 'unregister', id: parsed.id });
    case 'report':
      return reportCommand(parsed.options);
    case 'rules-check':
      return rulesCheckCommand(parsed.files, parsed.builtin);
    case 'rules-eval':
      return rulesEvalCommand(parsed.options);
  }
}
