// npm run bench [-- --quick]: see bench/lib/main.mjs and bench/README.md.
import { runBench } from './lib/main.mjs';

process.exitCode = await runBench(process.argv.slice(2));
