import { trackerMain } from './daemon/main.js';

// Exit explicitly: every file is closed by now, and a stray handle must not keep a stopped daemon alive.
process.exit(await trackerMain(process.argv.slice(2)));
