import { describe, expect, it } from '@jest/globals';
import { sensitiveReason } from '../../src/report/sensitive.js';
import { TimelineAcc, TimeParser } from '../../src/report/timeline.js';
import { displayPath } from '../../src/report/view/files.js';
import { places, type PlaceInput } from '../../src/report/view/places.js';

const written = (path: string): PlaceInput => ({ path, op: 0, weight: 1 });

describe('places', () => {
  const cache = Array.from({ length: 934 }, (_, i) => written(`~/.npm/_cacache/content-v2/sha512/${(i % 256).toString(16)}/${i}`));

  it('folds a cache of 934 files into one row when the budget is small', () => {
    const rows = places([...cache, written('./dist/a.js'), written('./dist/b.js'), written('~/.bashrc')], 1, 3, 5);
    expect(rows.map((r) => [r.path, r.files, r.counts[0]])).toEqual([
      ['~/.npm/_cacache/content-v2/sha512/…', 934, 934],
      ['./dist/…', 2, 2],
      ['~/.bashrc', 1, 1],
    ]);
    expect(rows[0].paths).toHaveLength(5);
    expect(rows[0].morePaths).toBe(929);
  });

  it('opens directories as far as the budget allows, skipping levels with one child', () => {
    const rows = places([...cache, written('./dist/a.js')], 1, 25, 5);
    expect(rows.map((r) => r.path)).toEqual(['~/.npm/_cacache/content-v2/sha512/…', './dist/a.js']);
    const wide = places([written('/a/x/1'), written('/a/x/2'), written('/a/y/1'), written('/b/1')], 1, 3, 5);
    expect(wide.map((r) => r.path).sort()).toEqual(['/a/x/…', '/a/y/1', '/b/1']);
  });

  it('never shows more rows than the budget, unless the top level alone has more', () => {
    const many = Array.from({ length: 200 }, (_, i) => written(`/d${i % 40}/sub${i % 7}/f${i}`));
    for (const budget of [1, 5, 40, 60, 500]) {
      const rows = places(many, 1, budget, 5);
      expect(rows.length).toBeLessThanOrEqual(Math.max(budget, 40));
      expect(rows.reduce((n, r) => n + r.files, 0)).toBe(200);
    }
  });

  it('counts each column apart and a file once', () => {
    const rows = places([written('/w/a'), { path: '/w/a', op: 1, weight: 1 }, { path: '/w/b', op: 2, weight: 7 }], 3, 1, 5);
    expect(rows).toEqual([{ path: '/w/…', files: 2, counts: [1, 1, 7], paths: ['/w/a', '/w/b'], morePaths: 0 }]);
  });
});

describe('displayPath', () => {
  const model = { workspace: '/home/runner/work/app/app', tempDir: '/home/runner/work/_temp' };
  it('names the workspace ./, the runner temp $RUNNER_TEMP and a home ~', () => {
    expect(displayPath('/home/runner/work/app/app/src/x.ts', model)).toBe('./src/x.ts');
    expect(displayPath('/home/runner/work/_temp/1.sh', model)).toBe('$RUNNER_TEMP/1.sh');
    expect(displayPath('/home/runner/.npm/x', model)).toBe('~/.npm/x');
    expect(displayPath('/root/.ssh/id_rsa', model)).toBe('~/.ssh/id_rsa');
    expect(displayPath('/home/runnerx', {})).toBe('~');
    expect(displayPath('/etc/passwd', model)).toBe('/etc/passwd');
  });
});

describe('sensitiveReason', () => {
  it.each([
    ['/home/runner/.ssh/id_ed25519', 'SSH keys'],
    ['/root/.aws/credentials', 'AWS credentials'],
    ['/home/runner/.docker/config.json', 'Docker registry credentials'],
    ['/home/runner/.npmrc', 'package or git credentials'],
    ['/home/runner/runners/2.330.0/.credentials', "the runner's own credentials"],
    ['/proc/77/environ', "another process's memory or environment"],
    ['/proc/77/mem', "another process's memory or environment"],
    ['/etc/shadow', 'system passwords'],
    ['/run/secrets/token', 'mounted secrets'],
    ['/var/run/secrets/kubernetes.io/serviceaccount/token', 'mounted secrets'],
  ])('%s holds %s', (path, reason) => {
    expect(sensitiveReason(path, 1)).toBe(reason);
  });

  it.each([['/proc/1/environ'], ['/proc/77/stat'], ['/etc/passwd'], ['/home/runner/.npm/x'], ['/home/runner/ssh/x'], ['/var/runs/secrets/x'], ['/running/secrets/x'], ['etc/shadow']])('%s is not sensitive for pid 1', (path) => {
    expect(sensitiveReason(path, 1)).toBeUndefined();
  });
});

describe('the timeline', () => {
  it('parses times once per second, with milliseconds', () => {
    const t = new TimeParser();
    expect(t.ms('2024-05-01T10:00:00.123456Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(t.ms('2024-05-01T10:00:01Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 1));
  });

  it('keeps a bounded number of buckets, widening them as the job runs on, without losing counts', () => {
    const acc = new TimelineAcc();
    const start = Date.UTC(2024, 4, 1);
    for (let s = 0; s < 3600; s++) acc.add('file_open', start + s * 1000);
    acc.add('process_exec', start - 5);
    const t = acc.toTimeline();
    expect(t?.startMs).toBe(start);
    expect(t?.counts.file_open).toHaveLength(120);
    expect(t?.counts.file_open?.reduce((a, b) => a + b, 0)).toBe(3600);
    expect(t?.counts.process_exec?.[0]).toBe(1);
    expect(120 * (t?.bucketMs ?? 0)).toBeGreaterThanOrEqual(3600 * 1000);
  });
});
