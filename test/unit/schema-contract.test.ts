/**
 * schema/event-record.schema.json holds the contract in shared/ unchanged,
 * plus our additions: "Names never change; you may add". So every name the
 * shared schema defines must be in ours with the same definition, and ours
 * may add properties, enum values and allOf clauses after the shared ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { assertValidEvent, schemaPath } from '../helpers/schema.js';

const shared = join(repoRoot, '..', 'shared', 'event-record.schema.json');

/**
 * Where ours differs from the contract in a way that is not an addition:
 * objects may gain keys, arrays may gain items after the contract's own
 * (enum values, allOf clauses), except `required`, which must stay as it is
 * (a field newly required would refuse records the contract allows).
 */
function departures(contract: unknown, ours: unknown, at = '$'): string[] {
  if (Array.isArray(contract)) {
    if (!Array.isArray(ours)) return [`${at}: not an array`];
    if (at.endsWith('.required') && ours.length !== contract.length) return [`${at}: required changed`];
    if (ours.length < contract.length) return [`${at}: items removed`];
    return contract.flatMap((item, i) => departures(item, ours[i], `${at}[${i}]`));
  }
  if (typeof contract === 'object' && contract !== null) {
    if (typeof ours !== 'object' || ours === null || Array.isArray(ours)) return [`${at}: not an object`];
    const o = ours as Record<string, unknown>;
    return Object.entries(contract).flatMap(([k, v]) => (k in o ? departures(v, o[k], `${at}.${k}`) : [`${at}.${k}: missing`]));
  }
  return contract === ours ? [] : [`${at}: ${JSON.stringify(contract)} became ${JSON.stringify(ours)}`];
}

test('our schema contains the shared contract unchanged', () => {
  if (!existsSync(shared)) {
    if (process.env.CI === 'true') throw new Error(`${shared} is missing: CI lays shared/ beside the clone`);
    return;
  }
  expect(departures(JSON.parse(readFileSync(shared, 'utf8')), JSON.parse(readFileSync(schemaPath, 'utf8')))).toEqual([]);
});

test('the containment check sees a rename, a changed meaning and a new requirement', () => {
  const contract = { required: ['a'], properties: { a: { type: 'string', description: 'x' }, k: { enum: ['p', 'q'] } } };
  expect(departures(contract, { required: ['a'], properties: { a: { type: 'string', description: 'x' }, k: { enum: ['p', 'q', 'r'] }, b: {} } })).toEqual([]);
  expect(departures(contract, { required: ['a'], properties: { a2: { type: 'string' }, k: { enum: ['p', 'q'] } } })).toEqual(['$.properties.a: missing']);
  expect(departures(contract, { required: ['a'], properties: { a: { type: 'string', description: 'y' }, k: { enum: ['p'] } } })).toHaveLength(2);
  expect(departures(contract, { required: ['a', 'b'], properties: contract.properties })).toEqual(['$.required: required changed']);
});

test('a container_create event validates, and one without its object does not', () => {
  const e = {
    seq: 0,
    time: '2026-01-01T00:00:00.000001Z',
    kind: 'container_create',
    job: { id: 'j' },
    cgroup_id: 1,
    process: { pid: 1, ppid: 0, exec_path: '/usr/bin/docker', argv: ['docker', 'run'], ancestors: [] },
    container_create: { image: 'alpine', privileged: true, binds: ['/'], cap_add: [], devices: [], refused: true, refusal: 'r' },
  };
  expect(() => assertValidEvent(e)).not.toThrow();
  expect(() => assertValidEvent({ ...e, container_create: undefined })).toThrow(/container_create/);
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
