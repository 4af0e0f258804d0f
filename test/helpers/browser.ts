/**
 * Debian's chromium, headless, driven by puppeteer-core (which downloads no
 * browser of its own). A page opened here records its console errors, page
 * errors and Content-Security-Policy violations, so tests can assert there
 * were none.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM = process.env.CICD_SENSOR_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: bash scripts/ensure-deps.sh chromium (npm test does this)`);
  }
  // --no-sandbox: the tests run as root, where chromium's sandbox refuses to start.
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

export interface OpenedPage {
  page: Page;
  problems: string[];
  /** Milliseconds from navigation start to the end of the load event, as the page measured it. */
  loadMs: number;
}

export async function openPage(browser: Browser, url: string, scheme: 'light' | 'dark' = 'light'): Promise<OpenedPage> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.exposeFunction('reportViolation', (v: string) => problems.push(`CSP violation: ${v}`));
  // Strings, not functions: the project compiles without the DOM's types.
  await page.evaluateOnNewDocument(
    "document.addEventListener('securitypolicyviolation', (e) => reportViolation(e.violatedDirective + ' ' + e.blockedURI))",
  );
  await page.setViewport({ width: 1280, height: 800 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = (await page.evaluate(
    "(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; })()",
  )) as number;
  return { page, problems, loadMs };
}
