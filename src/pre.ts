import { runPre } from './action/entry.js';

await runPre();
