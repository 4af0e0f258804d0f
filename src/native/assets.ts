import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvVar } from '../action/constants.js';

/**
 * The directory holding sensor.bpf.o and lib/: the bundle's own directory
 * (dist/) when running from a bundle, the repository's dist/ when running
 * from sources (tests). CICD_SENSOR_ASSETS overrides both.
 */
export function assetsDir(): string {
  const override = process.env[EnvVar.Assets];
  if (override) return resolve(override);
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [here, resolve(here, '../../dist')]) {
    if (existsSync(join(candidate, 'lib', 'libcicdsensor.so'))) return candidate;
  }
  throw new Error(`cicd-sensor assets not found next to ${here}; run 'npm run build'`);
}

export const libraryPath = (): string => join(assetsDir(), 'lib', 'libcicdsensor.so');
export const bpfObjectPath = (): string => join(assetsDir(), 'sensor.bpf.o');
