/**
 * report.html in a real browser (Debian's chromium, headless): no console
 * errors and no Content-Security-Policy violations, the verdict in the first
 * screen, filters, tree expansion, search and links that work, hostile job
 * strings shown as text, and a million-event job's page small and quick.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { renderHtml } from '../../src/report/html.js';
import type { ReportModel } from '../../src/report/model.js';
import { launchBrowser, openPage } from '../helpers/browser.js';
import { buildBusy } from '../helpers/busyJob.js';
import { HOSTILE, jobModel } from '../helpers/reportJob.js';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'cicd-sensor-page-'));

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, model: ReportModel): string {
  const path = join(dir, name);
  writeFileSync(path, renderHtml(model));
  return path;
}

/** Evaluates an expression in the page (strings: the project compiles without the DOM's types). */
const js = async <T>(page: Page, expr: string): Promise<T> => (await page.evaluate(expr)) as T;
const visible = (page: Page, selector: string) =>
  js<boolean>(page, `(() => { const el = document.querySelector(${JSON.stringify(selector)}); return !!el && el.checkVisibility(); })()`);
const shownRows = (page: Page, table: string) =>
  js<string[]>(page, `Array.from(document.querySelectorAll('#${table} tbody tr')).filter((r) => !r.hidden).map((r) => r.cells[0].textContent)`);

describe('the report of a job', () => {
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ page, problems } = await openPage(browser, `file://${write('job.html', jobModel())}`));
  }, 60_000);

  it('opens without console errors or policy violations', () => {
    expect(problems).toEqual([]);
  });

  it('shows the verdict in the first 800 pixels at 1280x800', async () => {
    const box = await js<{ top: number; bottom: number }>(page, `(() => { const r = document.querySelector('#verdict .headline').getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; })()`);
    expect(box.top).toBeGreaterThan(0);
    expect(box.bottom).toBeLessThan(800);
    expect(await js<string>(page, `document.querySelector('#verdict .headline').textContent`)).toBe('3 findings: 1 critical, 1 high, 1 medium. 1,419 events from 3 steps.');
  });

  it('filters the egress table by text and by status', async () => {
    const rows = await shownRows(page, 't-egress');
    expect(rows).toHaveLength(6);
    await page.type('input[data-table="t-egress"]', 'npmjs');
    expect(await shownRows(page, 't-egress')).toEqual(['registry.npmjs.org']);
    expect(await js<string>(page, `document.getElementById('t-egress-count').textContent`)).toBe('1 of 6 shown');
    await page.$eval('input[data-table="t-egress"]', (el) => ((el as unknown as { value: string }).value = ''));
    await page.type('input[data-table="t-egress"]', ' ');
    await page.select('select[data-facet="t-egress"]', 'blocked');
    expect(await shownRows(page, 't-egress')).toEqual(['198.51.100.7', 'exfil.example.net']);
    await page.select('select[data-facet="t-egress"]', '');
    expect(await shownRows(page, 't-egress')).toHaveLength(6);
  });

  it('filters the files by place and opens a place to its paths', async () => {
    await page.select('select[data-facet="t-changes"]', 'home');
    const rows = await shownRows(page, 't-changes');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^~\/\.npm\/_cacache\/content-v2\/sha512\/…/);
    const summary = '#t-changes tbody tr:not([hidden]) details > summary';
    expect(await visible(page, '#t-changes tbody tr:not([hidden]) ul.paths li')).toBe(false);
    await page.click(summary);
    expect(await visible(page, '#t-changes tbody tr:not([hidden]) ul.paths li')).toBe(true);
  });

  it('expands and collapses the process trees, with the mouse and the keyboard', async () => {
    const node = '#trees li[id$="-p2"] .node';
    await page.click('button[data-collapse="trees"]');
    expect(await visible(page, node)).toBe(false);
    await page.click('button[data-expand="trees"]');
    expect(await visible(page, node)).toBe(true);
    await page.click('button[data-collapse="trees"]');
    await page.focus('#step-2 > summary');
    await page.keyboard.press('Enter');
    expect(await js<boolean>(page, `document.getElementById('step-2').open`)).toBe(true);
  });

  it('searches the trees, keeping the ancestors of a match', async () => {
    await page.click('button[data-collapse="trees"]');
    await page.type('input[data-tree="trees"]', 'install.js');
    const shown = await js<string[]>(page, `Array.from(document.querySelectorAll('#trees li')).filter((li) => li.checkVisibility()).map((li) => li.querySelector('code').textContent)`);
    expect(shown).toEqual(['/usr/bin/bash', '/usr/local/bin/node', '/usr/bin/sh']);
    expect(await js<string>(page, `document.getElementById('trees-count').textContent`)).toBe('1 of 3 shown');
  });

  it('links a finding to the process that did it, opening what holds it', async () => {
    await page.click('button[data-collapse="trees"]');
    await page.click('#finding-1 td:nth-child(4) a');
    const target = await js<string>(page, `location.hash.slice(1)`);
    expect(await visible(page, `#${target}`)).toBe(true);
    expect(await js<string>(page, `document.getElementById(${JSON.stringify(target)}).querySelector('code').textContent`)).toBe('/usr/bin/sh');
    const inView = await js<boolean>(page, `(() => { const r = document.getElementById(${JSON.stringify(target)}).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`);
    expect(inView).toBe(true);
  });

  it("links a finding to its event's line, showing the event itself", async () => {
    // The critical finding: sh read /proc/1234/environ, the 1,404th event (seq 1403 in jobEvents).
    const event = '#event-1403';
    expect(await js<string>(page, `document.querySelector('#finding-1 td:last-child').textContent`)).toBe('#1403');
    expect(await visible(page, `${event} pre`)).toBe(false);
    await page.click('#finding-1 td:last-child a');
    expect(await js<string>(page, `location.hash`)).toBe(event);
    expect(await visible(page, `${event} pre`)).toBe(true);
    expect(await js<string>(page, `document.querySelector('${event} > summary').textContent`)).toBe('#1403 file_open: events.ndjson line 1,404');
    const shown = JSON.parse(await js<string>(page, `document.querySelector('${event} pre').textContent`)) as { seq: number; kind: string; file: { path: string }; process: { exec_path: string } };
    expect(shown).toMatchObject({ seq: 1403, kind: 'file_open', file: { path: '/proc/1234/environ' }, process: { exec_path: '/usr/bin/sh' } });
    const inView = await js<boolean>(page, `(() => { const r = document.querySelector('${event}').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()`);
    expect(inView).toBe(true);
    // Every finding and signal has its event on the page.
    const links = await js<string[]>(page, `Array.from(document.querySelectorAll('#t-findings tbody tr td:last-child a, #t-signals tbody tr td:last-child a')).map((a) => a.getAttribute('href'))`);
    expect(links).toHaveLength(4);
    for (const href of links) expect(await js<boolean>(page, `!!document.querySelector(${JSON.stringify(href)} + ' pre')`)).toBe(true);
  });

  it('reads in dark mode too', async () => {
    const dark = await openPage(browser, `file://${join(dir, 'job.html')}`, 'dark');
    const bg = await js<string>(dark.page, `getComputedStyle(document.body).backgroundColor`);
    expect(bg).toBe('rgb(13, 17, 23)');
    expect(dark.problems).toEqual([]);
    await dark.page.close();
  });

  it('has no problems after all that clicking', () => {
    expect(problems).toEqual([]);
  });
});

describe('a report of hostile job strings', () => {
  it('renders them as text: no element, script or dialog of theirs', async () => {
    const { page, problems } = await openPage(browser, `file://${write('hostile.html', jobModel({ hostile: true }))}`);
    expect(problems).toEqual([]);
    const found = await js<{ img: number; svg: number; scripts: number; title: string; text: string }>(page, `({
      img: document.querySelectorAll('img, iframe, object, embed').length,
      svg: document.querySelectorAll('svg').length,
      scripts: document.scripts.length,
      title: document.title,
      text: document.body.textContent,
    })`);
    expect(found).toMatchObject({ img: 0, svg: 1, scripts: 1 });
    expect(found.title).toContain('<script>alert(1)</script>');
    for (const s of HOSTILE.slice(0, 5)) expect(found.text).toContain(s.replace('\n', '\\n'));
    await page.close();
  });
});

describe('a million-event job', () => {
  it('gives a page under 5 MB that opens in under 2 s', async () => {
    const path = write('busy.html', buildBusy(1_000_000));
    expect(statSync(path).size).toBeLessThan(5 * 1000 * 1000);
    const { page, problems, loadMs } = await openPage(browser, `file://${path}`);
    expect(problems).toEqual([]);
    expect(loadMs).toBeLessThan(2000);
    await page.type('input[data-table="t-egress"]', '10.0.1.');
    const shown = await shownRows(page, 't-egress');
    // Connections to those addresses, and lookups that answered them.
    expect(shown.filter((r) => r.startsWith('10.0.1.')).length).toBeGreaterThan(0);
    expect(shown.filter((r) => !/^(10\.0\.1\.|h\d+\.example\.com$)/.test(r))).toEqual([]);
    const total = await js<number>(page, `document.querySelectorAll('#t-egress tbody tr').length`);
    expect(shown.length).toBeLessThan(total);
    await page.close();
  }, 120_000);
});
