// The bench's own small C programs (bench/c/), compiled at bench time into
// the run's temp dir so nothing is built into the repository.
import { join } from 'node:path';
import { run } from './proc.mjs';

const C_DIR = new URL('../c/', import.meta.url).pathname;

/** name → extra gcc flags. tiny is static: the exec storm should measure exec, not ld.so. */
const PROGRAMS = {
  timeit: [],
  procwatch: [],
  execstorm: [],
  openstorm: [],
  connstorm: [],
  dnsstorm: [],
  tiny: ['-static'],
};

/** Compiles every program into `binDir`; returns name → absolute path. */
export async function buildTools(binDir) {
  const paths = {};
  await Promise.all(
    Object.entries(PROGRAMS).map(async ([name, flags]) => {
      paths[name] = join(binDir, name);
      await run('gcc', ['-O2', '-Wall', '-Wextra', '-Werror', ...flags, '-o', paths[name], join(C_DIR, `${name}.c`)]);
    }),
  );
  return paths;
}
