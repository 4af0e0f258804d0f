/**
 * Names the action shares with action.yml and the runner (inputs, outputs,
 * state keys), and every environment variable of the project's own, the
 * daemon's and the CLI's included: one place to look them up.
 */

export const Input = {
  JobSummary: 'job-summary',
  UploadArtifact: 'upload-artifact',
  ArtifactName: 'artifact-name',
  ArtifactRetentionDays: 'artifact-retention-days',
  DockerProxy: 'docker-proxy',
  ProtectRunner: 'protect-runner',
  FailOnUnsupported: 'fail-on-unsupported',
  SummaryRows: 'summary-rows',
  SensorUrl: 'sensor-url',
  SensorSha256: 'sensor-sha256',
  EgressPolicy: 'egress-policy',
  AllowedEndpoints: 'allowed-endpoints',
  AllowLoopback: 'allow-loopback',
  ContainerPolicy: 'container-policy',
  DisableSudo: 'disable-sudo',
  Rules: 'rules',
  RuleModifiers: 'rule-modifiers',
  MonitorMode: 'monitor-mode',
  BuiltinRules: 'builtin-rules',
  TlsRequests: 'tls-requests',
  FailOn: 'fail-on',
} as const;

export const Output = {
  ReportDir: 'report-dir',
  Events: 'events',
  Lost: 'lost',
  ArtifactId: 'artifact-id',
  Findings: 'findings',
  HighestSeverity: 'highest-severity',
} as const;

/** core.saveState keys, prefixed so they cannot collide with other actions' state. */
export const StateKey = {
  Session: 'CICD_SENSOR_SESSION',
} as const;

export const EnvVar = {
  /** Overrides the daemon's state directory (tests, self-hosted layouts). */
  StateDir: 'CICD_SENSOR_STATE_DIR',
  /** Where root keeps its copies of the sensor's code (src/action/codeCopy.ts); default /var/lib/cicd-sensor/code. */
  CodeDir: 'CICD_SENSOR_CODE_DIR',
  /** Seconds to wait for the daemon to be ready. */
  ReadyTimeout: 'CICD_SENSOR_READY_TIMEOUT',
  /** `cicd-sensor run`: print the kernel's whole message when the sensor cannot start. */
  Debug: 'CICD_SENSOR_DEBUG',
  /** Print the attach plan as the native library returns it. */
  DebugPlan: 'CICD_SENSOR_DEBUG_PLAN',
  /** `cicd-sensor run`: print where its time went (start, command, drain, report, and the sensor's load per instance). */
  DebugTiming: 'CICD_SENSOR_DEBUG_TIMING',
  /** The directory holding sensor.bpf.o and lib/, instead of the bundle's own. */
  Assets: 'CICD_SENSOR_ASSETS',
  /** Tests: a shorter floor (seconds) for the TTL of addresses a DNS answer allows (src/policy/kernelPolicy.ts). */
  PolicyTtlFloor: 'CICD_SENSOR_POLICY_TTL_FLOOR',
  /**
   * Tests: hooks (comma-separated, e.g. network_connect) the egress policy
   * takes as not attached, so a block policy cannot be enforced (src/policy/enforce.ts).
   */
  DebugRefuseHooks: 'CICD_SENSOR_DEBUG_REFUSE_HOOKS',
  /**
   * Tests: the priority ring's size in bytes (a power of two, at least 4096),
   * so a test can fill it: --ringbuf-size sets only the file records' ring.
   */
  DebugPriorityRingbuf: 'CICD_SENSOR_DEBUG_PRIORITY_RINGBUF_SIZE',
  /**
   * Tests: the BPF loops run as plain bounded loops even where the kernel has
   * bpf_loop (read by native/load.c), so the path kernels before 5.17 take is
   * verified and run here.
   */
  DebugBoundedLoops: 'CICD_SENSOR_DEBUG_BOUNDED_LOOPS',
  /** A file: the tracker's CPU profile from its sensor's load to its stop (src/platform/cpuProfile.ts). */
  DebugCpuProfile: 'CICD_SENSOR_DEBUG_CPU_PROFILE',
  /**
   * Tests: the instance the optional hooks share is taken as refused (read
   * by native/plan.c), so the fallback that loads them one per instance,
   * which only a kernel refusing one of them reaches, runs here.
   */
  DebugSplitShared: 'CICD_SENSOR_DEBUG_SPLIT_SHARED',
} as const;

/** Variables of ours a step's environment hands on to the daemon it starts as root (sudo resets the environment). */
export const DAEMON_ENV_VARS: readonly string[] = [EnvVar.DebugPlan, EnvVar.PolicyTtlFloor, EnvVar.DebugRefuseHooks];
