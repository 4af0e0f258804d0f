import { afterEach, describe, expect, test } from '@jest/globals';
import { egressRequest, getSettings, ConfigurationError } from '../../src/action/settings.js';
import { parseRequest, policyOf, ProtocolError } from '../../src/daemon/protocol.js';

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
    expect(wire).toEqual({ mode: 'block', allowed_endpoints: 'github.com:443 *.npmjs.org:443 198.51.100.0/24', allow_loopback: false, container_policy: 'block' });
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
