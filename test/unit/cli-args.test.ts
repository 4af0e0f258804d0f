import { describe, expect, it } from '@jest/globals';
import { parseArgs, UsageError, type RunOptions } from '../../src/cli/args.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The options of a successful `run`. */
function run(...argv: string[]): RunOptions {
  const parsed = parseArgs(['run', ...argv]);
  if (parsed.help || parsed.subcommand !== 'run') throw new Error('expected run options');
  return parsed.options;
}

/** The UsageError message parseArgs gives for argv. */
function usage(...argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`parseArgs accepted ${JSON.stringify(argv)}`);
}

describe('parseArgs', () => {
  it('shows help for -h, --help and help, before or after run', () => {
    for (const argv of [['-h'], ['--help'], ['help'], ['run', '--help'], ['run', '-h', '--', 'x']]) {
      expect(parseArgs(argv)).toEqual({ help: true });
    }
  });

  it('requires a subcommand', () => {
    expect(usage()).toMatch(/no subcommand/);
  });

  it('names an unknown subcommand', () => {
    expect(usage('exec', '--', 'ls')).toMatch(/unknown subcommand 'exec'/);
  });

  it('names an unknown option', () => {
    expect(usage('run', '--verbose', '--', 'ls')).toMatch(/unknown option '--verbose'/);
    expect(usage('run', '-x', 'ls')).toMatch(/unknown option '-x'/);
  });

  it('requires a command', () => {
    expect(usage('run')).toMatch(/no command/);
    expect(usage('run', '--')).toMatch(/no command/);
    expect(usage('run', '--out', 'd')).toMatch(/no command/);
  });

  it('uses the documented defaults', () => {
    expect(run('--', 'make')).toEqual({
      outDir: 'cicd-sensor-report',
      ringbufBytes: 16777216,
      summaryRows: 50,
      noFunctionHooks: false,
      noTlsRequests: false,
      allowUnmonitored: false,
      dockerProxy: true,
      rules: [],
      builtinRules: true,
      failOn: 'critical',
      monitorMode: false,
      protect: false,
      daemonStateDir: process.env.CICD_SENSOR_STATE_DIR ?? '/run/cicd-sensor',
      command: ['make'],
    });
  });

  it('records through a daemon unless told not to or asked for what only its own sensor does', () => {
    expect(run('--state-dir', '/tmp/d', '--', 'make').daemonStateDir).toBe('/tmp/d');
    for (const own of [['--no-daemon'], ['--ringbuf-size', '65536'], ['--no-function-hooks'], ['--no-tls-requests'], ['--egress-policy', 'audit']]) {
      expect(run(...own, '--', 'make').daemonStateDir).toBeUndefined();
    }
  });

  it('takes --rules repeated, in order, with --fail-on and --monitor-mode', () => {
    expect(run('--rules', 'a.yml', '--rules=b.yml', '--fail-on', 'high', '--monitor-mode', '--', 'make')).toMatchObject({
      rules: ['a.yml', 'b.yml'],
      failOn: 'high',
      monitorMode: true,
    });
    expect(usage('run', '--fail-on', 'info', '--', 'x')).toMatch(/--fail-on: 'info' is not one of critical, high, medium, low, none/);
    expect(usage('run', '--rules', '--', 'x')).toMatch(/--rules needs a value/);
  });

  it('parses report --job-dir with the rules to recompute the findings with', () => {
    expect(parseArgs(['report', '--job-dir', 'd', '--rules', 'a.yml', '--rules=b.yml', '--monitor-mode', '--no-builtin-rules'])).toEqual({
      help: false,
      subcommand: 'report',
      options: { jobDir: 'd', rules: ['a.yml', 'b.yml'], monitorMode: true, builtinRules: false },
    });
    expect(parseArgs(['report', '--job-dir', 'd'])).toMatchObject({ options: { rules: [], monitorMode: false, builtinRules: true } });
    expect(usage('report', '--rules', 'a.yml')).toMatch(/report needs --job-dir/);
  });

  it('passes everything after -- to the command, options included', () => {
    expect(run('--', 'npm', 'test', '--', '--out', 'x', '-h').command).toEqual(['npm', 'test', '--', '--out', 'x', '-h']);
    expect(run('--', '--help').command).toEqual(['--help']);
  });

  it('takes the command from the first non-option when there is no --', () => {
    const o = run('--no-function-hooks', 'bash', '-c', 'echo --out');
    expect(o.command).toEqual(['bash', '-c', 'echo --out']);
    expect(o.noFunctionHooks).toBe(true);
    expect(o.outDir).toBe('cicd-sensor-report');
  });

  it('reads every option, separate or inline', () => {
    const o = run(
      '--out',
      'reports',
      '--ringbuf-size',
      '65536',
      '--summary-rows=7',
      '--no-function-hooks',
      '--no-tls-requests',
      '--allow-unmonitored',
      '--no-docker-proxy',
      '--protect',
      '--no-builtin-rules',
      '--',
      'true',
    );
    expect(o).toEqual({
      outDir: 'reports',
      ringbufBytes: 65536,
      summaryRows: 7,
      noFunctionHooks: true,
      noTlsRequests: true,
      allowUnmonitored: true,
      dockerProxy: false,
      rules: [],
      builtinRules: false,
      failOn: 'critical',
      monitorMode: false,
      protect: true,
      command: ['true'],
    });
    expect(run('--out=/tmp/a=b', '--ringbuf-size=4096', '--', 'true')).toMatchObject({
      outDir: '/tmp/a=b',
      ringbufBytes: 4096,
    });
  });

  it('requires a directory for --out', () => {
    expect(usage('run', '--out')).toMatch(/--out needs a directory/);
    expect(usage('run', '--out=', '--', 'ls')).toMatch(/--out needs a directory/);
  });

  it('accepts ring buffer sizes that are powers of two from 4 KiB to 1 GiB', () => {
    expect(run('--ringbuf-size', '4096', 'x').ringbufBytes).toBe(4096);
    expect(run('--ringbuf-size', '1073741824', 'x').ringbufBytes).toBe(1 << 30);
  });

  it('rejects other ring buffer sizes with the accepted range', () => {
    for (const bad of ['65535', '2048', '2147483648', '0', '-4096', '64k', '0x1000', '1e6', '', ' 4096', '4096.0']) {
      expect(usage('run', `--ringbuf-size=${bad}`, '--', 'ls')).toMatch(
        /--ringbuf-size: '.*' is not a power of two between 4096 and 1073741824/,
      );
    }
    expect(usage('run', '--ringbuf-size')).toMatch(/--ringbuf-size needs a value/);
  });

  it('validates --summary-rows', () => {
    expect(run('--summary-rows', '1', 'x').summaryRows).toBe(1);
    expect(run('--summary-rows', '10000', 'x').summaryRows).toBe(10000);
    for (const bad of ['0', '10001', 'ten', '-5', '99999999999999999999']) {
      expect(usage('run', '--summary-rows', bad, '--', 'ls')).toMatch(/--summary-rows: .* is not a number from 1 to 10000/);
    }
  });

  it('rejects a value given to a flag that takes none', () => {
    // '--allow-unmonitored=false' must not turn the option on.
    expect(usage('run', '--allow-unmonitored=false', '--', 'ls')).toMatch(/--allow-unmonitored/);
    expect(usage('run', '--no-function-hooks=0', '--', 'ls')).toMatch(/--no-function-hooks/);
  });
});

describe('daemon actions', () => {
  it('parses stop, stats and kill with their state directory', () => {
    for (const action of ['stop', 'stats', 'kill']) {
      expect(parseArgs(['daemon', action, '--state-dir', '/tmp/s'])).toEqual({ help: false, subcommand: `daemon-${action}`, stateDir: '/tmp/s' });
    }
  });

  it('names the actions it knows when given another', () => {
    expect(usage('daemon', 'restart')).toMatch(/unknown daemon action 'restart' \(start, stop, stats or kill\)/);
  });
});

describe('run: the egress policy flags', () => {
  it('no flag, no policy; a list or a file alone means audit', () => {
    expect(run('--', 'true').egress).toBeUndefined();
    expect(run('--allowed-endpoints', 'github.com:443', '--', 'true').egress).toMatchObject({ mode: 'audit', endpoints: [{ name: 'github.com', port: 443 }] });
  });

  it('the list and the file add up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-args-'));
    const file = join(dir, 'allowed-endpoints.txt');
    writeFileSync(file, '# recommended\n198.51.100.7:443\n*.npmjs.org:443\n');
    const egress = run('--egress-policy', 'block', '--allowed-endpoints', 'a.com', '--allowed-endpoints-file', file, '--', 'true').egress!;
    rmSync(dir, { recursive: true });
    expect(egress.mode).toBe('block');
    expect(egress.endpoints).toHaveLength(3);
    expect(egress.allowLoopback).toBe(true);
    expect(run('--egress-policy', 'block', '--no-allow-loopback', '--', 'true').egress?.allowLoopback).toBe(false);
    expect(usage('run', '--no-allow-loopback', '--', 'true')).toMatch(/needs --egress-policy/);
  });

  it('a bad entry, mode or file is a usage error naming it', () => {
    expect(usage('run', '--allowed-endpoints', 'a.com:99999', '--', 'true')).toMatch(/"a\.com:99999": port "99999"/);
    expect(usage('run', '--egress-policy', 'deny', '--', 'true')).toMatch(/egress-policy "deny": accepted: audit, block/);
    expect(usage('run', '--allowed-endpoints-file', '/nonexistent/x', '--', 'true')).toMatch(/--allowed-endpoints-file \/nonexistent\/x: ENOENT/);
  });
});

describe('job register', () => {
  it('keeps the built-in rules unless --no-builtin-rules', () => {
    const on = parseArgs(['job', 'register', '--id', 'j1', '--pid', '5']);
    expect(on).toMatchObject({ subcommand: 'job-register', job: { id: 'j1' }, pid: 5, builtinRules: true });
    expect(parseArgs(['job', 'register', '--id', 'j1', '--pid', '5', '--no-builtin-rules'])).toMatchObject({ builtinRules: false });
  });
});
