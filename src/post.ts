import { runPost } from './action/entry.js';

await runPost();
