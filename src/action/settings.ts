/**
 * Every input, read once and validated: a user mistake is a
 * ConfigurationError that names the input and what it accepts.
 */
import * as core from '@actions/core';
import { formatEndpoint, PolicyError } from '../policy/endpoints.js';
import { parsePolicy, runnerPaths, type EgressPolicy } from '../policy/policy.js';
import type { EgressWire } from '../daemon/protocol.js';
import { type FailOn, FAIL_ON_LEVELS, isFailOn } from '../findings/severity.js';
import { Input } from './constants.js';

export class ConfigurationError extends Error {}

export interface Settings {
  /** Write the job summary. */
  readonly jobSummary: boolean;
  /** Upload events and reports as an artifact. */
  readonly uploadArtifact: boolean;
  /** Artifact name; derived from the job and attempt when empty. */
  readonly artifactName: string;
  /** Retention in days (1-90); undefined uses the repository's setting. */
  readonly artifactRetentionDays?: number;
  /** Run the docker proxy so containers the job starts are part of it. */
  readonly dockerProxy: boolean;
  /** Stop the job's processes from reading or tracing Runner.Worker and the sensor. */
  readonly protectRunner: boolean;
  /** Fail the job when the platform cannot run the sensor. */
  readonly failOnUnsupported: boolean;
  /** Rows each summary table shows. */
  readonly summaryRows: number;
  /** A prebuilt sensor archive to use instead of the bundled one. */
  readonly sensorUrl?: string;
  /** Its SHA-256, required with sensorUrl. */
  readonly sensorSha256?: string;
  /** Rule files or globs in the repository, added to the built-in rules. */
  readonly rules: readonly string[];
  /** Rule modifier files or globs in the repository. */
  readonly ruleModifiers: readonly string[];
  /** Every terminate rule only detects. */
  readonly monitorMode: boolean;
  /** The built-in rule set judges the job (ahead of the repository's rules, which may modify it). */
  readonly builtinRules: boolean;
  /** Post fails the job on a finding at or above this severity. */
  readonly failOn: FailOn;
  /**
   * A daemon pre starts puts uprobes on the system libssl's SSL_write and
   * records the job's HTTPS requests; false leaves them off (every process
   * on the host pays their trap). A daemon already running keeps its own.
   */
  readonly tlsRequests: boolean;
  /** The job's egress policy; absent when neither egress-policy nor allowed-endpoints is set. */
  readonly egress?: EgressPolicy;
  /** Remove the runner user's sudo from the end of pre to post (src/action/disableSudo.ts). */
  readonly disableSudo: boolean;
}

/** The egress inputs; a mistake names the input or entry and what is accepted. */
function egressPolicy(): EgressPolicy | undefined {
  const mode = core.getInput(Input.EgressPolicy).trim();
  const list = core.getInput(Input.AllowedEndpoints);
  if (mode === '' && list.trim() === '') return undefined;
  try {
    return parsePolicy({
      egressPolicy: mode,
      allowedEndpoints: list,
      allowLoopback: core.getInput(Input.AllowLoopback),
      containerPolicy: core.getInput(Input.ContainerPolicy),
      ...runnerPaths(process.env),
    });
  } catch (err) {
    if (err instanceof PolicyError) throw new ConfigurationError(`input ${err.message}`);
    throw err;
  }
}

/** The policy as the daemon's register request carries it. */
export function egressRequest(p: EgressPolicy): EgressWire {
  return {
    mode: p.mode,
    allowed_endpoints: p.endpoints.map(formatEndpoint).join(' '),
    allow_loopback: p.allowLoopback,
    container_policy: p.containerPolicy,
    host_paths: [...p.containerHostPaths],
    job_paths: [...p.containerJobPaths],
  };
}

/** Block mode fails closed: the step fails when the policy cannot be put in force, whatever else is set. */
export function blockRequested(): boolean {
  return core.getInput(Input.EgressPolicy).trim().toLowerCase() === 'block';
}

function bool(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', '1'].includes(raw)) return true;
  if (['false', 'no', '0'].includes(raw)) return false;
  throw new ConfigurationError(`input ${name}: '${raw}' is not a boolean (true or false)`);
}

function int(name: string, min: number, max: number): number | undefined {
  const raw = core.getInput(name).trim();
  if (raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigurationError(`input ${name}: '${raw}' is not a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

/** One pattern per line (or comma-separated), blanks and `#` comments skipped. */
function patterns(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('#'));
}

function failOn(): FailOn {
  const raw = core.getInput(Input.FailOn).trim().toLowerCase() || 'critical';
  if (!isFailOn(raw)) throw new ConfigurationError(`input ${Input.FailOn}: '${raw}' is not one of ${FAIL_ON_LEVELS.join(', ')}`);
  return raw;
}

/** Artifact names may not hold these (the artifact service refuses them). */
const BAD_ARTIFACT_CHARS = /["<>|*?:\r\n\\/]/;

export function defaultArtifactName(env: NodeJS.ProcessEnv = process.env): string {
  const job = (env.GITHUB_JOB ?? 'job').replace(/[^A-Za-z0-9._-]/g, '-');
  // Matrix legs share GITHUB_JOB; each runs on a runner of its own name.
  const runner = (env.RUNNER_NAME ?? '').replace(/[^A-Za-z0-9._-]/g, '-');
  return `cicd-sensor-${job}-attempt${env.GITHUB_RUN_ATTEMPT ?? '1'}${runner ? `-${runner}` : ''}`;
}

export function getSettings(): Settings {
  const artifactName = core.getInput(Input.ArtifactName).trim() || defaultArtifactName();
  if (BAD_ARTIFACT_CHARS.test(artifactName) || artifactName.length > 200) {
    throw new ConfigurationError(`input ${Input.ArtifactName}: '${artifactName}' may not contain " < > | * ? : \\ / or newlines, nor exceed 200 characters`);
  }
  const sensorUrl = core.getInput(Input.SensorUrl).trim() || undefined;
  const sensorSha256 = core.getInput(Input.SensorSha256).trim().toLowerCase() || undefined;
  if (sensorUrl && !/^https:\/\//.test(sensorUrl)) throw new ConfigurationError(`input ${Input.SensorUrl}: must be an https:// URL`);
  if (sensorUrl && !sensorSha256) throw new ConfigurationError(`input ${Input.SensorSha256}: required with ${Input.SensorUrl}`);
  if (sensorSha256 && !/^[0-9a-f]{64}$/.test(sensorSha256)) {
    throw new ConfigurationError(`input ${Input.SensorSha256}: '${sensorSha256}' is not 64 hexadecimal digits`);
  }
  const egress = egressPolicy();
  return Object.freeze({
    jobSummary: bool(Input.JobSummary, true),
    uploadArtifact: bool(Input.UploadArtifact, true),
    artifactName,
    artifactRetentionDays: int(Input.ArtifactRetentionDays, 1, 90),
    dockerProxy: bool(Input.DockerProxy, true),
    protectRunner: bool(Input.ProtectRunner, true),
    failOnUnsupported: bool(Input.FailOnUnsupported, false),
    summaryRows: int(Input.SummaryRows, 1, 1000) ?? 25,
    sensorUrl,
    sensorSha256,
    rules: patterns(Input.Rules),
    ruleModifiers: patterns(Input.RuleModifiers),
    monitorMode: bool(Input.MonitorMode, false),
    builtinRules: bool(Input.BuiltinRules, true),
    failOn: failOn(),
    tlsRequests: bool(Input.TlsRequests, true),
    disableSudo: bool(Input.DisableSudo, false),
    ...(egress ? { egress } : {}),
  });
}
