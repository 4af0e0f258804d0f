/**
 * The daemon's options, declared once: parsed from its own argv
 * (dist/tracker.js), and turned back into that argv by whoever starts it
 * (`cicd-sensor daemon --detach`, the action's launch).
 */
import { scan, type Spec } from '../options/argv.js';

export const DEFAULT_STATE_DIR = '/run/cicd-sensor';
export const DEFAULT_RINGBUF_BYTES = 16 << 20;

export interface DaemonOptions {
  /** Control socket, docker socket, job directories and the daemon's log. */
  stateDir: string;
  /** Return once the daemon is ready, leaving it running in a session of its own. */
  detach: boolean;
  /** The kernel ring buffer's size, a power of two. */
  ringbufBytes: number;
  /** Use the tracepoint fallbacks even where fentry works. */
  noFunctionHooks: boolean;
  /** Leave the libssl uprobes off (http_request_tls): no HTTPS request is recorded. */
  noTlsRequests: boolean;
  /** Run the docker proxy (when a daemon socket exists). */
  dockerProxy: boolean;
  /** The real docker socket; default: DOCKER_HOST (unix://) or /var/run/docker.sock. */
  dockerUpstream?: string;
  /** Also put the proxy on the upstream's own path, for clients that ignore DOCKER_HOST. */
  interposeDocker: boolean;
}

/** The options every start gets unless it says otherwise. */
export const defaultDaemonOptions = (over: Partial<DaemonOptions> = {}): DaemonOptions => ({
  stateDir: DEFAULT_STATE_DIR,
  detach: false,
  ringbufBytes: DEFAULT_RINGBUF_BYTES,
  noFunctionHooks: false,
  noTlsRequests: false,
  dockerProxy: true,
  interposeDocker: false,
  ...over,
});

export const DAEMON_SPEC: Spec = {
  '--state-dir': 'dir',
  '--detach': 'flag',
  '--ringbuf-size': 'ringbuf',
  '--no-function-hooks': 'flag',
  '--no-tls-requests': 'flag',
  '--no-docker-proxy': 'flag',
  '--docker-upstream': 'string',
  '--interpose-docker': 'flag',
};

/** Parses daemon options (throws UsageError); undefined for --help. */
export function parseDaemonOptions(args: string[]): DaemonOptions | undefined {
  const { values, help } = scan(args, DAEMON_SPEC, false);
  if (help) return undefined;
  return defaultDaemonOptions({
    stateDir: (values.get('--state-dir') as string | undefined) ?? DEFAULT_STATE_DIR,
    detach: values.has('--detach'),
    ringbufBytes: (values.get('--ringbuf-size') as number | undefined) ?? DEFAULT_RINGBUF_BYTES,
    noFunctionHooks: values.has('--no-function-hooks'),
    noTlsRequests: values.has('--no-tls-requests'),
    dockerProxy: !values.has('--no-docker-proxy'),
    dockerUpstream: values.get('--docker-upstream') as string | undefined,
    interposeDocker: values.has('--interpose-docker'),
  });
}

/** The daemon's argv for its options (without --detach: the starter decides that). */
export function daemonArgv(o: DaemonOptions): string[] {
  const args = ['--state-dir', o.stateDir, '--ringbuf-size', String(o.ringbufBytes)];
  if (o.noFunctionHooks) args.push('--no-function-hooks');
  if (o.noTlsRequests) args.push('--no-tls-requests');
  if (!o.dockerProxy) args.push('--no-docker-proxy');
  if (o.dockerUpstream) args.push('--docker-upstream', o.dockerUpstream);
  if (o.interposeDocker) args.push('--interpose-docker');
  return args;
}
