import { main } from './cli/main.js';

// Exit explicitly: stdio to files and pipes is synchronous on Linux, and a stray handle must not keep the CLI alive.
process.exit(await main(process.argv.slice(2)));
