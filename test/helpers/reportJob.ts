/**
 * A realistic job as events, for the report tests: npm install with its
 * cache, a test step, a curl to a raw address, a blocked connection and DNS
 * question, a read of SSH keys and of another process's environment, the
 * docker socket reached directly, findings of several severities, and
 * optionally hostile job strings everywhere.
 */
import type { EventKind, EventRecord, ProcessContext } from '../../src/events/eventRecord.js';
import type { SensorStatus } from '../../src/events/sensorStatus.js';
import type { Finding } from '../../src/events/finding.js';
import { findingEvents } from '../../src/report/findingEvents.js';
import { ReportBuilder, type ReportModel, type ReportOptions } from '../../src/report/model.js';

/** Two hooks, one with a better mechanism refused: what the report tests assert on. */
export const STATUS: SensorStatus = {
  plan: [
    { hook: 'process_exec', mechanism: 'tp_btf', target: 'sched_process_exec' },
    {
      hook: 'file_open',
      mechanism: 'tracepoint',
      target: 'syscalls/sys_exit_openat',
      unavailable: [{ mechanism: 'fexit', target: 'do_filp_open', error: 'EINVAL: no BTF' }],
    },
  ],
  hooks: [
    { hook: 'process_exec', sent: 10, lost: 0, suppressed: 0 },
    { hook: 'file_open', sent: 200, lost: 0, suppressed: 7 },
  ],
  lostRecords: 0,
  undecodable: 0,
  ringbufBytes: 8 << 20,
};

export const WORKSPACE = '/home/runner/work/app/app';
export const HOSTILE = [
  '<script>alert(1)</script>',
  '</td></tr></table><img src=x onerror=alert(2)>',
  '| a | b |\n| --- |',
  '"><svg onload=alert(3)>',
  '**bold** [link](http://evil.example) ![img](http://evil.example/x.png)',
  '\u202Eevil\u0007\x1b[31m',
];

interface JobOptions {
  hostile?: boolean;
  findings?: boolean;
  lost?: number;
}

/** Builds the events of the job; `time` advances 10 ms per event from 10:00:00. */
export function jobEvents(opts: JobOptions = {}): EventRecord[] {
  const events: EventRecord[] = [];
  const h = (i: number) => (opts.hostile === true ? HOSTILE[i % HOSTILE.length] : '');
  let pid = 2000;
  const proc = (exec: string, argv: string[], ppid: number, p = ++pid): ProcessContext => ({
    pid: p, ppid, exec_path: exec, argv, ancestors: [],
  });
  const add = (kind: EventKind, step: string, process: ProcessContext, fields: Partial<EventRecord> = {}) => {
    const ms = events.length * 10;
    const time = new Date(Date.UTC(2024, 4, 1, 10, 0, 0) + ms).toISOString().replace('Z', '000Z');
    events.push({ seq: events.length, time, kind, job: { id: 'job-1' }, cgroup_id: 42, step: { label: step }, process, ...fields });
  };
  const checkout = 'uses: actions/checkout@v4';
  const git = proc('/usr/bin/git', ['git', 'fetch', '--depth=1', 'origin'], 1000);
  add('process_exec', checkout, git);
  for (let i = 0; i < 40; i++) add('file_open', checkout, git, { file: { path: `${WORKSPACE}/src/file${i}.ts`, access: 'write' } });
  add('network_connect', checkout, git, { network: { protocol: 'tcp', family: 'ipv4', address: '140.82.112.3', port: 443, domain: 'github.com' } });
  add('process_exit', checkout, { ...git, exit_code: 0 });

  const install = `run: npm ci${h(0)}`;
  const bash = proc('/usr/bin/bash', ['bash', '-e', '/home/runner/work/_temp/1.sh'], 1000);
  add('process_exec', install, bash);
  const npm = proc('/usr/local/bin/node', ['node', '/usr/local/bin/npm', 'ci', h(1)], bash.pid);
  add('process_exec', install, npm);
  add('domain', install, npm, { domain: { name: 'registry.npmjs.org', source: 'dns', query_type: 'A', answers: ['104.16.1.35'] } });
  add('network_connect', install, npm, { network: { protocol: 'tcp', family: 'ipv4', address: '104.16.1.35', port: 443, domain: 'registry.npmjs.org' } });
  for (let i = 0; i < 934; i++) {
    const path = `/home/runner/.npm/_cacache/content-v2/sha512/${(i % 256).toString(16).padStart(2, '0')}/${i}${h(i)}`;
    add('file_open', install, npm, { file: { path, access: 'write', flags: ['O_CREAT'] } });
  }
  for (let i = 0; i < 120; i++) {
    add('file_open', install, npm, { file: { path: `${WORKSPACE}/node_modules/pkg${i % 30}/index.js`, access: 'write' } });
  }
  for (let i = 0; i < 300; i++) add('file_open', install, npm, { file: { path: `/usr/lib/node_modules/npm/lib/x${i % 50}.js`, access: 'read' } });
  add('file_open', install, npm, { file: { path: '/home/runner/.ssh/id_rsa', access: 'read' } });
  const postinstall = proc('/usr/bin/sh', ['sh', '-c', `node install.js${h(2)}`], npm.pid);
  add('process_exec', install, postinstall);
  add('file_open', install, postinstall, { file: { path: '/proc/1234/environ', access: 'read' } });
  add('domain', install, postinstall, { domain: { name: 'exfil.example.net', source: 'dns', query_type: 'A', blocked: true } });
  add('network_connect', install, postinstall, { network: { protocol: 'tcp', family: 'ipv4', address: '198.51.100.7', port: 8443, blocked: true } });
  add('unix_socket_connect', install, postinstall, { unix_socket: { path: '/var/run/docker.sock' } });
  add('process_exit', install, { ...postinstall, exit_code: 1 });
  add('file_remove', install, npm, { file: { path: `${WORKSPACE}/package-lock.json.tmp` } });
  add('file_move', install, npm, { file: { path: '/tmp/npm-1/pkg.tgz', target_path: `${WORKSPACE}/node_modules/pkg1/pkg.tgz` } });
  add('process_exit', install, { ...npm, exit_code: 0 });
  add('process_exit', install, { ...bash, exit_code: 0 });

  const test = `run: npm test${h(3)}`;
  const bash2 = proc('/usr/bin/bash', ['bash', '-e', '/home/runner/work/_temp/2.sh'], 1000);
  add('process_exec', test, bash2);
  const curl = proc('/usr/bin/curl', ['curl', '-s', `http://198.51.100.9/${h(4)}`], bash2.pid);
  add('process_exec', test, curl);
  add('network_connect', test, curl, { network: { protocol: 'tcp', family: 'ipv4', address: '198.51.100.9', port: 80 } });
  add('domain', test, curl, { domain: { name: `lookup-only.example.org${h(5)}`, source: 'dns', query_type: 'AAAA' } });
  const worker = { pid: 1000, exec_path: '/home/runner/runners/2.330.0/bin/Runner.Worker', in_job: false };
  add('process_access', test, curl, { access: { operation: 'ptrace', request: 'PTRACE_ATTACH', target: worker, prevented: true } });
  add('process_exit', test, { ...curl, exit_code: 0 });
  add('process_exit', test, { ...bash2, exit_code: 0 });
  return events;
}

/** Findings as the rule engine writes them, pointing at events of jobEvents(). */
export function jobFindings(events: EventRecord[], hostile = false): Finding[] {
  const at = (pred: (e: EventRecord) => boolean) => events.find(pred) as EventRecord;
  const finding = (e: EventRecord, fields: Partial<Finding>): Finding => ({
    ruleset_id: 'builtin',
    rule_id: 'r',
    action: 'detect',
    severity: 'high',
    seq: e.seq,
    time: e.time,
    event_kind: e.kind,
    job: { id: 'job-1' },
    step: { label: e.step?.label },
    process: { pid: e.process.pid, exec_path: e.process.exec_path, argv: e.process.argv },
    ...fields,
  });
  const h = hostile ? HOSTILE[1] : '';
  return [
    finding(at((e) => e.file?.path === '/proc/1234/environ'), {
      rule_id: 'proc-environ', rule_name: `Read of another process's environment${h}`, severity: 'critical',
      summary: `sh read /proc/1234/environ${h}`, description: 'Secrets are scraped from the runner this way. Find what ran the step.',
    }),
    finding(at((e) => e.file?.path === '/home/runner/.ssh/id_rsa'), {
      rule_id: 'ssh-key', rule_name: 'Read of SSH keys', severity: 'high', summary: 'node read ~/.ssh/id_rsa',
      description: 'A build rarely needs SSH keys.',
    }),
    finding(at((e) => e.network?.address === '198.51.100.9'), {
      rule_id: 'raw-ip', rule_name: 'Connection to an address without a name', severity: 'medium',
      summary: 'curl connected to 198.51.100.9:80',
    }),
    finding(at((e) => e.kind === 'process_exec' && e.process.exec_path === '/usr/bin/curl'), {
      rule_id: 'curl', rule_name: 'Downloader run', severity: 'info', action: 'collect', summary: 'curl ran',
    }),
  ];
}

export function jobModel(opts: JobOptions & ReportOptions = {}): ReportModel {
  const events = jobEvents(opts);
  const builder = new ReportBuilder({ workspace: WORKSPACE, ...opts });
  for (const e of events) builder.add(e);
  const name = opts.hostile === true ? `build ${HOSTILE.join(' ')}` : 'build';
  const findings = opts.findings === false ? undefined : jobFindings(events, opts.hostile);
  const model = builder.build(
    { ...STATUS, lostRecords: opts.lost ?? 0 },
    {
      job: { id: 'job-1', name, workflow: 'CI', repository: 'octo/app', run_id: '7', run_attempt: '1' },
      startedAt: '2024-05-01T09:59:59.000Z',
      endedAt: '2024-05-01T10:00:20.000Z',
      workspace: WORKSPACE,
      ...(findings === undefined ? {} : { findings }),
      notes: opts.hostile === true ? [`a note quoting ${HOSTILE[0]}`] : [],
    },
  );
  // As the job's pipeline adds them: the lines of the events the findings point at.
  if (findings !== undefined) model.findingEvents = findingEvents(findings, (seq) => events[seq]);
  return model;
}
