import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPattern, resolveRuleFiles } from '../../src/rules/ruleFiles.js';

const root = mkdtempSync(join(tmpdir(), 'rule-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const f of ['.github/rules/a.yml', '.github/rules/b.yaml', '.github/rules/deep/c.yml', 'x.yml', 'node_modules/m/r.yml']) {
  mkdirSync(join(root, f, '..'), { recursive: true });
  writeFileSync(join(root, f), 'rule_sets: []\n');
}
const rel = (files: string[]) => files.map((f) => f.slice(root.length + 1));

describe('rule file patterns', () => {
  it('plain paths, * and ?, ** across directories', () => {
    expect(rel(expandPattern('x.yml', root))).toEqual(['x.yml']);
    expect(rel(expandPattern('.github/rules/*.yml', root))).toEqual(['.github/rules/a.yml']);
    expect(rel(expandPattern('.github/rules/?.y*', root))).toEqual(['.github/rules/a.yml', '.github/rules/b.yaml']);
    expect(rel(expandPattern('.github/**/*.yml', root))).toEqual(['.github/rules/a.yml', '.github/rules/deep/c.yml']);
    expect(rel(expandPattern('**/*.yml', root))).toEqual(['.github/rules/a.yml', '.github/rules/deep/c.yml', 'x.yml']);
    expect(expandPattern(join(root, 'x.yml'), '/elsewhere')).toEqual([join(root, 'x.yml')]);
  });
  it('keeps order and reports patterns that match nothing', () => {
    const r = resolveRuleFiles(['x.yml', '.github/rules/*.yml', 'x.yml', 'missing.yml', 'nowhere/*.yml', '.github/rules'], root);
    expect(rel(r.files)).toEqual(['x.yml', '.github/rules/a.yml']);
    expect(r.unmatched).toEqual(['missing.yml', 'nowhere/*.yml', '.github/rules']);
  });
});
