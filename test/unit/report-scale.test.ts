import { describe, expect, it } from '@jest/globals';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { buildBusy, KINDS } from '../helpers/busyJob.js';

const EVENTS = 1_000_000;

describe('a million events', () => {
  it('builds in bounded memory and renders under the step summary limit', () => {
    const model = buildBusy(EVENTS);

    expect(model.events.total).toBe(EVENTS);
    expect(Object.values(model.events.byKind).reduce((a, b) => a + b, 0)).toBe(EVENTS);
    const network = model.network;
    expect(network.items).toHaveLength(model.limits.entryLimit);
    expect(network.omittedEstimated).toBe(true);
    expect(Math.abs(network.items.length + network.omitted - EVENTS / KINDS.length) / (EVENTS / KINDS.length)).toBeLessThan(0.05);
    expect(model.files.read.items[0]).toMatchObject({ path: '/etc/ld.so.cache', group: 'system' });
    expect(model.unixSockets.items.some((u) => u.bypass)).toBe(true);
    // What the builder keeps does not grow with the events: ten times as many, about the same size.
    const tenth = JSON.stringify(buildBusy(EVENTS / 10)).length;
    expect(JSON.stringify(model).length).toBeLessThan(1.2 * tenth);

    const md = renderMarkdown(model);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('<b>3 records were lost in the kernel</b>');
    expect(renderText(model)).toContain('3 records were lost in the kernel');
  }, 20_000);
});
