/**
 * The code root runs, out of the job's reach. The action's files sit in the
 * runner's `_actions/` (a prebuilt sensor in its tool cache) and the runner's
 * node under its `externals/`, all the runner user's: a step could rewrite
 * them, and the next thing root ran from there (the daemon restarting, post's
 * `sudo … daemon stop`) would be the job's code. So pre, before any step
 * runs, has root copy the sensor (bundle, native library, BPF object, and
 * node itself when it is not root's already) into a root-owned directory
 * named by the SHA-256 of the tree's manifest, checks the copy against that
 * manifest with the system's sha256sum (not with code from the copy), and
 * starts the daemon from there. A copy made by an earlier job is checked the
 * same way before it is used.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { rootOnly } from '../platform/rootOnly.js';
import { EnvVar } from './constants.js';
import { runWaited } from './command.js';
import type { ActionPlatform } from './platform.js';

export const CODE_BASE = '/var/lib/cicd-sensor/code';

/** The code root runs: the sensor's files and the node that runs them. */
export interface CodeCopy {
  dir: string;
  node: string;
}

export interface Manifest {
  /** sha256sum's format, one `HEX  ./PATH` line per file, sorted. */
  text: string;
  /** SHA-256 of text: the copy's directory name. */
  hash: string;
  files: number;
}

/** A file of the tree: its path below the tree's root and its SHA-256. */
export type TreeEntry = readonly [rel: string, sha256: string];

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Every regular file under dir, hashed, refusing links and special files. */
export function treeEntries(dir: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(dir, rel, name);
      const st = lstatSync(path);
      if (st.isDirectory()) walk(join(rel, name));
      else if (st.isFile()) entries.push([join(rel, name), sha256(readFileSync(path))]);
      else throw new Error(`${path} is neither a file nor a directory; the sensor's code is refused`);
    }
  };
  walk('');
  return entries;
}

export function manifestOf(entries: readonly TreeEntry[]): Manifest {
  const lines = [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rel, hex]) => {
      // sha256sum would escape these, and the check would not match the manifest.
      if (/[\n\\]/.test(rel)) throw new Error(`${JSON.stringify(rel)}: a file name with a newline or backslash; the sensor's code is refused`);
      return `${hex}  ./${rel}\n`;
    });
  const text = lines.join('');
  return { text, hash: sha256(text), files: lines.length };
}

/** Run as root by sh: copies $1 into $2/$3 unless it is there, then checks the copy against the manifest on stdin. */
const COPY_SCRIPT = `set -eu
src=$1 base=$2 hash=$3 count=$4 node=$5
umask 022
manifest=$(cat; echo x); manifest=\${manifest%x}
fail() { echo "$*" >&2; exit 1; }
verify() {
  [ -z "$(find "$1" ! -type f ! -type d -print -quit)" ] || fail "$1 holds links or special files"
  [ -z "$(find "$1" \\( ! -user 0 -o -perm /022 \\) -print -quit)" ] || fail "$1 holds files root does not own alone"
  [ "$(find "$1" -type f | wc -l)" -eq "$count" ] || fail "$1 holds other files than the sensor's"
  (cd "$1" && printf '%s' "$manifest" | sha256sum --check --strict --quiet - >&2) || fail "$1 does not match the sensor's code"
}
mkdir -p "$base"
dest=$base/$hash
if [ ! -d "$dest" ]; then
  tmp=$(mktemp -d "$base/.copy.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  cp -RP "$src/." "$tmp/"
  if [ -n "$node" ]; then mkdir -p "$tmp/bin" && cp "$node" "$tmp/bin/node"; fi
  chown -R 0:0 "$tmp"
  chmod -R u+rwX,go+rX,go-w "$tmp"
  verify "$tmp"
  mv -T "$tmp" "$dest" 2>/dev/null || true
fi
verify "$dest"
# Its time is its last use: the daemon keeps the copies used last (src/daemon/codePrune.ts).
touch "$dest"
`;

/**
 * Has root copy (or re-check) the sensor's code; where root's code now is.
 * expected: the tree's files as they were verified (a sensor-url archive),
 * so a change made to srcDir since then fails root's check of the copy.
 */
export async function copyCode(
  platform: ActionPlatform,
  srcDir: string,
  expected?: readonly TreeEntry[],
  base = process.env[EnvVar.CodeDir] || CODE_BASE,
): Promise<CodeCopy> {
  const node = rootOnly(process.execPath) ? undefined : realpathSync(process.execPath);
  const entries = [...(expected ?? treeEntries(srcDir))];
  if (node) entries.push(['bin/node', sha256(readFileSync(node))]);
  const manifest = manifestOf(entries);
  const dir = join(base, manifest.hash);
  const argv = [...platform.elevate, 'sh', '-c', COPY_SCRIPT, 'cicd-sensor-copy', srcDir, base, manifest.hash, String(manifest.files), node ?? ''];
  const r = await runWaited(argv, 120_000, manifest.text);
  if (r.exitCode !== 0) throw new Error(`the sensor's code could not be copied where only root can change it (${dir}): ${r.stderr.trim() || `exit code ${r.exitCode}`}`);
  return { dir, node: node ? join(dir, 'bin', 'node') : process.execPath };
}
