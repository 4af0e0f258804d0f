/**
 * The job summary as GitHub reads it: parsed with a GitHub-flavoured
 * markdown parser (micromark's GFM extension, as GitHub's own renderer
 * follows the same spec), every table keeps its header's column count on
 * every row, and the only HTML is the handful of tags the renderer means to
 * emit, without attributes.
 */
import { describe, expect, it } from '@jest/globals';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ReportModel } from '../../src/report/model.js';
import { buildBusy } from '../helpers/busyJob.js';
import { jobModel } from '../helpers/reportJob.js';

const OUR_TAGS = new Set(['b', 'code', 'br', 'details', 'summary', 'pre']);

function parse(md: string): Root {
  return fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function expectWellFormed(md: string): { tables: number; rows: number } {
  let tables = 0;
  let rows = 0;
  walk(parse(md), (n) => {
    if (n.type === 'table') {
      tables++;
      const width = n.children[0].children.length;
      for (const row of n.children) expect(row.children.length).toBe(width);
      rows += n.children.length - 1;
    }
    if (n.type === 'html') {
      for (const [tag, name] of n.value.matchAll(/<\/?([a-zA-Z][^\s/>]*)[^>]*>/g)) {
        expect(OUR_TAGS.has(name)).toBe(true);
        expect(tag).toMatch(/^<\/?[a-z]+>$/);
      }
    }
    // Markdown the job could have slipped in: links, images, definitions. A URL
    // in a job string is autolinked by GFM, showing the string itself: harmless.
    if (n.type === 'link') {
      const shown = n.children.map((c) => ('value' in c ? c.value : '')).join('');
      expect(n.url.replace(/^mailto:/, '')).toMatch(new RegExp(`^(https?://)?${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    }
    expect(['image', 'linkReference', 'imageReference', 'definition', 'footnoteDefinition']).not.toContain(n.type);
  });
  return { tables, rows };
}

describe('the job summary read by a GFM parser', () => {
  it('a realistic job: tables intact, our tags only, the npm cache as one row', () => {
    const md = renderMarkdown(jobModel());
    const { tables } = expectWellFormed(md);
    expect(tables).toBeGreaterThanOrEqual(10);
    expect(md.match(/&#95;cacache/g)).toHaveLength(1);
  });

  it('hostile job strings: tables intact, our tags only', () => {
    const md = renderMarkdown(jobModel({ hostile: true }));
    expectWellFormed(md);
    const headings = [...md.matchAll(/^#{1,6} (.*)$/gm)].map((m) => m[1]);
    expect(headings.every((h) => /^(cicd-sensor report: |[A-Z])/.test(h))).toBe(true);
  });

  it('a busy job with summary-rows at its most: under 1 MiB, tables intact, and says what was cut', () => {
    const model: ReportModel = { ...buildBusy(200_000), rowLimit: 1000 };
    const md = renderMarkdown(model);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expectWellFormed(md);
    expect(md).toMatch(/only in events\.ndjson/);
    expect(md).toContain('<b>3 records were lost in the kernel</b>');
  }, 60_000);

  it('summary-rows sets the rows of every table the job fills', () => {
    const rowsAt = (rowLimit: number) => {
      const md = renderMarkdown({ ...jobModel(), rowLimit });
      const tables: number[] = [];
      walk(parse(md), (n) => (n.type === 'table' ? tables.push(n.children.length - 1) : undefined));
      return { md, tables };
    };
    const two = rowsAt(2);
    const all = rowsAt(25);
    // The sensor's own tables (status, plan, kinds) are not cut: the sensor decides their length, not the job.
    expect(two.tables.slice(-3)).toEqual(all.tables.slice(-3));
    expect(two.tables.slice(0, -3).every((n) => n <= 2)).toBe(true);
    expect(two.md).toMatch(/_…and \d+ more in report\.json and report\.html\._/);
    expect(all.tables.slice(0, -3).some((n) => n > 2)).toBe(true);
  });
});
