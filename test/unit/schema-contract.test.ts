/**
 * schema/event-record.schema.json is our copy of the contract in shared/;
 * names and meanings there never change, so the copy must not drift.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { assertValidEvent, schemaPath } from '../helpers/schema.js';

const shared = join(repoRoot, '..', 'shared', 'event-record.schema.json');

test('our schema copy equals the shared contract', () => {
  if (!existsSync(shared)) {
    if (process.env.CI === 'true') throw new Error(`${shared} is missing: CI lays shared/ beside the clone`);
    return;
  }
  expect(JSON.parse(readFileSync(schemaPath, 'utf8'))).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
});

test('the validator rejects what the contract forbids', () => {
  const ok = {
    seq: 0,
    time: '2026-01-01T00:00:00.000001Z',
    kind: 'file_move',
    job: { id: 'j' },
    cgroup_id: 1,
    process: { pid: 1, ppid: 0, exec_path: '/bin/mv', argv: ['mv'], ancestors: [] },
    file: { path: '/a', target_path: '/b' },
  };
  expect(() => assertValidEvent(ok)).not.toThrow();
  expect(() => assertValidEvent({ ...ok, file: { path: '/a' } })).toThrow(/target_path/);
  expect(() => assertValidEvent({ ...ok, kind: 'bogus' })).toThrow();
  expect(() => assertValidEvent({ ...ok, time: 'yesterday' })).toThrow(/date-time/);
});
