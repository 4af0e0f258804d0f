/** Inputs go through the real core.getInput (INPUT_* variables); mistakes name the input. */
import { afterEach, expect, test } from '@jest/globals';
import { ConfigurationError, defaultArtifactName, getSettings } from '../../src/action/settings.js';
import { jobIdentity } from '../../src/action/identity.js';

const set: string[] = [];
function input(name: string, value: string): void {
  const key = `INPUT_${name.toUpperCase()}`;
  process.env[key] = value;
  set.push(key);
}
afterEach(() => {
  for (const k of set.splice(0)) delete process.env[k];
});

test('defaults', () => {
  expect(getSettings()).toMatchObject({
    jobSummary: true,
    uploadArtifact: true,
    dockerProxy: true,
    failOnUnsupported: false,
    summaryRows: 25,
    artifactRetentionDays: undefined,
    sensorUrl: undefined,
    rules: [],
    ruleModifiers: [],
    monitorMode: false,
    failOn: 'critical',
    tlsRequests: true,
  });
});

test('tls-requests: false leaves the libssl uprobes off', () => {
  input('tls-requests', 'false');
  expect(getSettings().tlsRequests).toBe(false);
});

test('rules and rule-modifiers: one pattern a line or comma-separated, comments skipped', () => {
  input('rules', '.github/rules/*.yml\n# not this\n\n  ci/extra.yml , ci/more.yml\n');
  input('rule-modifiers', 'ci/modifiers.yml');
  input('monitor-mode', 'true');
  input('fail-on', 'HIGH');
  expect(getSettings()).toMatchObject({
    rules: ['.github/rules/*.yml', 'ci/extra.yml', 'ci/more.yml'],
    ruleModifiers: ['ci/modifiers.yml'],
    monitorMode: true,
    failOn: 'high',
  });
  input('fail-on', 'none');
  expect(getSettings().failOn).toBe('none');
});

test.each([
  ['job-summary', 'maybe', /input job-summary: 'maybe' is not a boolean/],
  ['summary-rows', '0', /input summary-rows: '0' is not a whole number from 1 to 1000/],
  ['artifact-retention-days', '91', /input artifact-retention-days: '91'/],
  ['artifact-name', 'a/b', /input artifact-name: 'a\/b' may not contain/],
  ['sensor-url', 'http://x/y.tgz', /input sensor-url: must be an https/],
  ['sensor-sha256', 'abc', /input sensor-sha256: 'abc' is not 64 hexadecimal digits/],
  ['fail-on', 'info', /input fail-on: 'info' is not one of critical, high, medium, low, none/],
  ['monitor-mode', 'sometimes', /input monitor-mode: 'sometimes' is not a boolean/],
  ['tls-requests', 'off', /input tls-requests: 'off' is not a boolean/],
])('%s=%j is refused with the input named', (name, value, message) => {
  input(name, value);
  expect(() => getSettings()).toThrow(ConfigurationError);
  expect(() => getSettings()).toThrow(message);
});

test('sensor-url needs sensor-sha256', () => {
  input('sensor-url', 'https://example.invalid/sensor.tgz');
  expect(() => getSettings()).toThrow(/input sensor-sha256: required with sensor-url/);
});

test('artifact names differ between matrix legs and attempts', () => {
  const a = defaultArtifactName({ GITHUB_JOB: 'build', GITHUB_RUN_ATTEMPT: '1', RUNNER_NAME: 'GitHub Actions 3' });
  const b = defaultArtifactName({ GITHUB_JOB: 'build', GITHUB_RUN_ATTEMPT: '1', RUNNER_NAME: 'GitHub Actions 4' });
  const c = defaultArtifactName({ GITHUB_JOB: 'build', GITHUB_RUN_ATTEMPT: '2', RUNNER_NAME: 'GitHub Actions 3' });
  expect(new Set([a, b, c]).size).toBe(3);
  expect(a).toBe('cicd-sensor-build-attempt1-GitHub-Actions-3');
});

test('job ids are safe directory names', () => {
  const job = jobIdentity({ GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: '../../etc passwd' }, 99);
  expect(job.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  expect(job.id).not.toContain('/');
  expect(job.name).toBe('../../etc passwd');
});
