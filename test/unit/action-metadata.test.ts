/**
 * action.yml and the workflows against the action and workflow schemas
 * (the ones SchemaStore publishes, as bundled in @action-validator/core).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/paths.js';

const validator = createRequire(import.meta.url)('@action-validator/core') as {
  validateAction(src: string): { errors: unknown[] };
  validateWorkflow(src: string): { errors: unknown[] };
};

test('action.yml is a valid node24 action with pre and post', () => {
  const text = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
  const action = parse(text) as { runs: Record<string, string>; inputs: Record<string, { description?: string; default?: string }> };
  expect(action.runs).toMatchObject({ using: 'node24', pre: 'dist/pre.js', main: 'dist/main.js', post: 'dist/post.js', 'post-if': 'always()' });
  // The bundled schema predates node24 (added by GitHub in 2025); everything else is checked as a node20 action.
  expect(validator.validateAction(text.replace('using: node24', 'using: node20')).errors).toEqual([]);
  for (const [name, input] of Object.entries(action.inputs)) {
    expect([name, typeof input.description, typeof input.default]).toEqual([name, 'string', 'string']);
  }
});

test.each(readdirSync(join(repoRoot, '.github', 'workflows')))('workflow %s is valid', (file) => {
  const text = readFileSync(join(repoRoot, '.github', 'workflows', file), 'utf8');
  expect(validator.validateWorkflow(text).errors).toEqual([]);
});
