import { runMain } from './action/entry.js';

await runMain();
