/** The event contract: every events.ndjson line a test sees is validated against it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { repoRoot } from './paths.js';

export const schemaPath = join(repoRoot, 'schema', 'event-record.schema.json');

// ajv and ajv-formats are CommonJS with a default export under ESM interop.
const AjvCtor = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
const withFormats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;

const ajv = new AjvCtor({ allErrors: true, strict: false });
withFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

/** Throws with ajv's words when a record breaks the contract. */
export function assertValidEvent(record: unknown, line?: number): void {
  if (!validate(record)) {
    throw new Error(`event ${line ?? ''} breaks the schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(record)}`);
  }
}

const validateFinding = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schema', 'finding.schema.json'), 'utf8')));

/** Throws with ajv's words when a finding breaks shared/finding.schema.json. */
export function assertValidFinding(finding: unknown): void {
  if (!validateFinding(finding)) {
    throw new Error(`finding breaks the schema: ${ajv.errorsText(validateFinding.errors)}\n${JSON.stringify(finding)}`);
  }
}
