// Bundles each entry point into dist/ as ESM. koffi's per-platform native
// packages stay external and are copied to dist/node_modules, where
// koffi's own loader (createRequire from the bundle) finds them.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entries = ['cli', 'tracker', 'pre', 'main', 'post'].filter((e) => existsSync(join(root, 'src', `${e}.ts`)));

await build({
  entryPoints: Object.fromEntries(entries.map((e) => [e, join(root, 'src', `${e}.ts`)])),
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: false,
  external: ['@koromix/*'],
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: { js: "import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);" },
});

for (const pkg of ['koffi-linux-x64', 'koffi-linux-arm64']) {
  const from = join(root, 'node_modules', '@koromix', pkg);
  const to = join(dist, 'node_modules', '@koromix', pkg);
  rmSync(to, { recursive: true, force: true });
  if (!existsSync(from)) continue;
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.includes('musl_') });
}

// The built-in rule set goes next to the bundles (src/rules/builtin.ts looks
// there); its cases are tests and stay behind.
const builtinFrom = join(root, 'rules', 'builtin');
const builtinTo = join(dist, 'rules', 'builtin');
rmSync(builtinTo, { recursive: true, force: true });
mkdirSync(builtinTo, { recursive: true });
for (const name of readdirSync(builtinFrom).filter((n) => /^[a-z0-9_-]+\.yaml$/.test(n))) {
  cpSync(join(builtinFrom, name), join(builtinTo, name));
}

// dist/ also runs on its own (a prebuilt sensor archive unpacked into the
// runner's tool cache), away from the repository's package.json.
writeFileSync(join(dist, 'package.json'), '{ "type": "module", "private": true }\n');
