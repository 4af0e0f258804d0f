// Bundles each entry point into dist/ as ESM. koffi's per-platform native
// packages stay external and are copied to dist/node_modules, where
// koffi's own loader (createRequire from the bundle) finds them.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entries = ['cli', 'tracker', 'pre', 'main', 'post'].filter((e) => existsSync(join(root, 'src', `${e}.ts`)));

// CommonJS dependencies inside an ESM bundle still call require().
const REQUIRE_BANNER = "import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);";

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
  banner: { js: REQUIRE_BANNER },
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

// And their parse (src/rules/prebuilt.ts): YAML and CEL parsed here, once,
// rather than in every run. Made by the same code a run parses them with,
// bundled for the purpose; a set that does not load fails the build.
const prebuiltBundle = await build({
  entryPoints: [join(root, 'src', 'rules', 'builtin.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  write: false,
  logLevel: 'warning',
  banner: { js: REQUIRE_BANNER },
});
const prebuiltModule = join(mkdtempSync(join(tmpdir(), 'cicd-sensor-prebuilt-')), 'builtin.mjs');
writeFileSync(prebuiltModule, prebuiltBundle.outputFiles[0].text);
try {
  const { prebuiltText, PREBUILT_FILE } = await import(pathToFileURL(prebuiltModule).href);
  writeFileSync(join(dist, 'rules', PREBUILT_FILE), prebuiltText(builtinTo));
} finally {
  rmSync(dirname(prebuiltModule), { recursive: true, force: true });
}

// dist/ also runs on its own (a prebuilt sensor archive unpacked into the
// runner's tool cache), away from the repository's package.json.
writeFileSync(join(dist, 'package.json'), '{ "type": "module", "private": true }\n');
