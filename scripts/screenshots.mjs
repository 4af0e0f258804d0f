// npm run screenshots: the demo's report.html in Debian's chromium at
// 1280x800, light and dark, first screen and whole page, so a reviewer can
// look without a browser. Runs the demo first when its report is missing
// (the demo needs root, as the sensor does).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = resolve(process.argv[2] ?? join(root, 'cicd-sensor-demo'));
const outDir = resolve(process.argv[3] ?? join(root, 'screenshots'));
const html = join(demoDir, 'report.html');
const chromium = process.env.CICD_SENSOR_CHROMIUM ?? '/usr/bin/chromium';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!existsSync(chromium)) run('bash', ['scripts/ensure-deps.sh', 'chromium']);
if (!existsSync(html)) run(process.execPath, [join(root, 'scripts/demo.mjs'), demoDir]);

mkdirSync(outDir, { recursive: true });
// --no-sandbox: chromium's sandbox refuses to start as root, which the demo needs.
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`file://${html}`, { waitUntil: 'load' });
    for (const [name, fullPage] of [[`report-${scheme}.png`, false], [`report-${scheme}-full.png`, true]]) {
      await page.screenshot({ path: join(outDir, name), fullPage });
      console.log(join(outDir, name));
    }
    await page.close();
  }
} finally {
  await browser.close();
}
