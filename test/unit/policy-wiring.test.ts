import { afterEach, describe, expect, test } from '@jest/globals';
import { egressRequest, getSettings, ConfigurationError } from '../../src/action/settings.js';
import { parseRequest, policyOf, ProtocolError } from '../../src/daemon/protocol.js';
import { planForPolicy } from '../../src/policy/enforce.js';
import { runnerPaths } from '../../src/policy/policy.js';

const INPUTS = ['EGRESS-POLICY', 'ALLOWED-ENDPOINTS', 'ALLOW-LOOPBACK', 'CONTAINER-POLICY'];
afterEach(() => {
  for (const i of INPUTS) delete process.env[`INPUT_${i}`];
});

describe('the action inputs', () => {
  test('neither egress-policy nor allowed-endpoints: no policy', () => {
    expect(getSettings().egress).toBeUndefined();
  });

  test('a block policy, carried to the daemon and back unchanged', () => {
    process.env['INPUT_EGRESS-POLICY'] = 'block';
    process.env['INPUT_ALLOWED-ENDPOINTS'] = 'github.com:443\n*.npmjs.org:443 198.51.100.0/24\n';
    process.env['INPUT_ALLOW-LOOPBACK'] = 'false';
    const egress = getSettings().egress!;
    expect(egress).toMatchObject({ mode: 'block', allowLoopback: false, containerPolicy: 'block' });
    const wire = egressRequest(egress);
    expect(wire).toEqual({
      mode: 'block',
      allowed_endpoints: 'github.com:443 *.npmjs.org:443 198.51.100.0/24',
      allow_loopback: false,
      container_policy: 'block',
      host_paths: [...runnerPaths(process.env).containerHostPaths],
      job_paths: [...runnerPaths(process.env).containerJobPaths],
    });
    const req = parseRequest(JSON.stringify({ op: 'register', job: { id: 'j' }, pid: 1, egress: wire }));
    expect(req.op === 'register' && policyOf(req.egress!)).toEqual(egress);
  });

  test('a malformed entry fails the step naming it', () => {
    process.env['INPUT_ALLOWED-ENDPOINTS'] = 'github.com:443 ex ample.com:99999';
    expect(() => getSettings()).toThrow(ConfigurationError);
    expect(() => getSettings()).toThrow(/"ample\.com:99999": port "99999" is not 1-65535/);
  });
});

describe('the register request', () => {
  const register = (egress: unknown) => () => parseRequest(JSON.stringify({ op: 'register', job: { id: 'j' }, pid: 1, egress }));
  test('a bad policy is the request error', () => {
    expect(register({ mode: 'deny' })).toThrow(ProtocolError);
    expect(register({ allowed_endpoints: 'a.com:0' })).toThrow(/"a\.com:0"/);
    expect(register({ allow_loopback: 'yes' })).toThrow(/allow_loopback must be true or false/);
    expect(register('block')).toThrow(/egress must be an object/);
  });
});

describe('the container guard\'s places', () => {
  test('come from the job\'s environment: its home and tool directories, and its own places inside them', () => {
    const env = { HOME: '/home/runner', RUNNER_TOOL_CACHE: '/opt/hostedtoolcache', GITHUB_WORKSPACE: '/home/runner/work/r/r', RUNNER_TEMP: '/home/runner/work/_temp', RUNNER_WORKSPACE: 'relative' };
    expect(runnerPaths(env)).toEqual({ containerHostPaths: ['/home/runner', '/opt/hostedtoolcache'], containerJobPaths: ['/home/runner/work/r/r', '/home/runner/work/_temp'] });
  });

  test('travel in the register request, absolute paths only', () => {
    const register = (egress: object) => JSON.stringify({ op: 'register', job: { id: 'j' }, pid: 1, egress });
    const req = parseRequest(register({ mode: 'block', host_paths: ['/home/runner'], job_paths: ['/home/runner/work'] }));
    expect(req.op === 'register' && policyOf(req.egress!)).toMatchObject({ containerHostPaths: ['/home/runner'], containerJobPaths: ['/home/runner/work'] });
    expect(() => parseRequest(register({ mode: 'block', host_paths: ['home'] }))).toThrow(/absolute/);
    expect(() => parseRequest(register({ mode: 'block', job_paths: 'x' }))).toThrow(ProtocolError);
  });
});

describe('the fail-closed test switch', () => {
  const plan = [
    { hook: 'network_connect', mechanism: 'cgroup_sock_addr', target: 'connect4' },
    { hook: 'domain', mechanism: 'cgroup_skb', target: 'egress' },
  ];

  test('hooks it names count as not attached for the policy, with the reason; none named changes nothing', () => {
    expect(planForPolicy(plan, '')).toBe(plan);
    const seen = planForPolicy(plan, ' network_connect ,nope');
    expect(seen[0]).toEqual({ hook: 'network_connect', mechanism: 'none', target: 'connect4', unavailable: [{ mechanism: 'cgroup_sock_addr', target: 'connect4', error: 'refused by CICD_SENSOR_DEBUG_REFUSE_HOOKS' }] });
    expect(seen[1]).toBe(plan[1]);
    expect(plan[0]!.mechanism).toBe('cgroup_sock_addr');
  });
});
