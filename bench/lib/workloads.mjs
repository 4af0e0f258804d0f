// The five workloads, each a command line plus an untimed reset that puts
// its inputs back as they were before every run.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startChild, run } from './proc.mjs';
import { generateProject } from './project.mjs';

/** Starts the loopback DNS responder; resolves with its port. */
async function startResponder() {
  const script = new URL('./dnsResponder.mjs', import.meta.url).pathname;
  const responder = startChild('dns responder', process.execPath, [script]);
  const port = await new Promise((ok, fail) => {
    responder.child.stdout.once('data', (d) => ok(JSON.parse(String(d)).port));
    responder.exited.then(({ code }) => fail(new Error(`dns responder exited (${code}): ${responder.stderr.text}`)));
  });
  return { port, pid: responder.pid };
}

/**
 * Builds every workload's inputs under `dir`; returns them in table order:
 * { id, label, detail, argv, reset }.
 */
export async function prepareWorkloads(dir, tools, sizes, log) {
  const filesDir = join(dir, 'files');
  log(`creating ${sizes.openFiles.toLocaleString('en')} files for the open storm`);
  await run(tools.openstorm, ['create', filesDir, String(sizes.openFiles)]);
  const dns = await startResponder();
  const projectDir = join(dir, 'project');
  const buildOutputs = generateProject(projectDir, sizes.buildFiles);
  const noReset = () => {};
  return [
    {
      id: 'exec',
      label: 'exec storm',
      detail: `${sizes.execs} fork+exec of a static no-op binary`,
      argv: [tools.execstorm, tools.tiny, String(sizes.execs)],
      reset: noReset,
    },
    {
      id: 'open',
      label: 'open storm',
      detail: `${sizes.openProcs} processes (2 at a time) each open+close ${sizes.openFiles} distinct files`,
      argv: [tools.openstorm, 'run', filesDir, String(sizes.openFiles), String(sizes.openProcs), '2'],
      reset: noReset,
    },
    {
      id: 'connect',
      label: 'TCP connect storm',
      detail: `${sizes.connects} loopback connect+accept+close`,
      argv: [tools.connstorm, String(sizes.connects)],
      reset: noReset,
    },
    {
      id: 'dns',
      label: 'DNS query storm',
      detail: `${sizes.dnsQueries} A queries to a Node responder on 127.0.0.1:${dns.port} (pid ${dns.pid}), new socket each`,
      argv: [tools.dnsstorm, String(dns.port), String(sizes.dnsQueries)],
      reset: noReset,
    },
    {
      id: 'build',
      label: 'realistic build',
      detail: `make -j2 of a generated C project, ${sizes.buildFiles} units + 16 headers, from clean`,
      argv: ['make', '-s', '-j2', '-C', projectDir],
      reset: () => {
        for (const p of buildOutputs) rmSync(p, { recursive: true, force: true });
      },
    },
  ];
}
