import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = join(repoRoot, 'dist');
export const cliPath = join(distDir, 'cli.js');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
