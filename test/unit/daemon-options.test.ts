/** The daemon's options: one parser for its argv, one builder of it, and they agree. */
import { describe, expect, it } from '@jest/globals';
import { daemonArgv, defaultDaemonOptions, parseDaemonOptions } from '../../src/daemon/options.js';
import { UsageError } from '../../src/options/argv.js';

describe('daemon options', () => {
  it('round-trip through the argv the starters build', () => {
    const cases = [
      defaultDaemonOptions(),
      defaultDaemonOptions({ stateDir: '/tmp/s', ringbufBytes: 1 << 20, noFunctionHooks: true }),
      defaultDaemonOptions({ dockerProxy: false, noTlsRequests: true }),
      defaultDaemonOptions({ dockerUpstream: '/run/other.sock', interposeDocker: true }),
    ];
    for (const opts of cases) expect(parseDaemonOptions(daemonArgv(opts))).toEqual(opts);
  });

  it('leaves --detach to the starter', () => {
    expect(daemonArgv(defaultDaemonOptions({ detach: true }))).not.toContain('--detach');
    expect(parseDaemonOptions(['--detach'])?.detach).toBe(true);
  });

  it('refuses what it does not know, and --help is no options', () => {
    expect(() => parseDaemonOptions(['--bogus'])).toThrow(UsageError);
    expect(() => parseDaemonOptions(['--ringbuf-size', '1000'])).toThrow(/power of two/);
    expect(parseDaemonOptions(['--help'])).toBeUndefined();
  });
});
