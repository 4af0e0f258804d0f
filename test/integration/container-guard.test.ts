/**
 * The container guard with the real docker CLI and a real dockerd: a job
 * under container-policy block is refused (403, the policy and the option
 * named) every create that would hand it the host, and keeps the creates
 * that do not; under audit the same creates pass. Every create of a job is a
 * container_create event, refused or not, naming the docker client.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '../../src/events/eventRecord.js';
import type { Finding } from '../../src/events/finding.js';
import { readFindings } from '../../src/findings/readFindings.js';
import { ask, cleanupDaemons, spawnIn, startDaemon, testCgroup } from '../helpers/daemon.js';
import { docker, ensureDockerd, ensureImage, IMAGE, REAL_SOCKET, stopDockerd } from '../helpers/docker.js';
import { readEvents, requireRoot } from '../helpers/sensorRun.js';

const tag = `${process.pid}`;
/** A local volume bound to /etc, made on the real socket before the job: -v NAME:/x is then a bind of /etc. */
const volume = `cs-guard-etc-${tag}`;
/** Containers made on the real socket before the job: one binding /etc (for --volumes-from), one with the host's PID namespace (for --pid=container:). */
const etcHolder = `cs-guard-etcholder-${tag}`;
const pidHolder = `cs-guard-pidholder-${tag}`;
/** In pidHolder's PID namespace, so in the host's too. */
const pidChained = `cs-guard-pidchained-${tag}`;
const home = mkdtempSync(join(tmpdir(), 'cs-guard-home-'));
/** A seccomp profile that allows every call: unconfined by another name (the CLI sends the file's JSON). */
const allowAll = join(home, 'allow-all.json');
const workspace = join(home, 'work', 'repo', 'repo');
const names: string[] = [];
let daemon: { stateDir: string; pid: number };
let proxy: string;

interface Outcome {
  code: number;
  out: string;
  err: string;
}

function finished(child: ReturnType<typeof spawn>): Promise<Outcome> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, out, err })));
}

/** Runs each docker command in turn inside a registered job; the outcomes, the job's events and its summary. */
async function job(id: string, egress: object | undefined, commands: string[][]): Promise<{ outcomes: Outcome[]; events: EventRecord[]; summary: string; findings: Finding[] }> {
  const cgroup = testCgroup(id);
  // The built-in rules only: every refused create must be a finding.
  const rules = { sources: [], monitorMode: false };
  const reg = await ask(daemon.stateDir, { op: 'register', job: { id }, cgroup, rules, ...(egress ? { egress } : {}) });
  expect(reg).toMatchObject({ ok: true });
  const env = { ...process.env, DOCKER_HOST: `unix://${proxy}` };
  const outcomes: Outcome[] = [];
  for (const argv of commands) outcomes.push(await finished(spawnIn(cgroup, ['docker', ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] })));
  const u = await ask(daemon.stateDir, { op: 'unregister', id });
  const findings = readFindings(join(u.dir as string, 'findings.ndjson')).findings;
  return { outcomes, events: readEvents(u.events as string), summary: readFileSync(u.summary as string, 'utf8'), findings };
}

const creates = (events: EventRecord[]): EventRecord[] => events.filter((e) => e.kind === 'container_create');
const named = (suffix: string): string => {
  const name = `cs-guard-${suffix}-${tag}`;
  names.push(name);
  return name;
};
const message = (option: string): string => `cicd-sensor container-policy block: refused ${option} (it would hand the job the host)`;

beforeAll(async () => {
  requireRoot();
  await ensureDockerd();
  ensureImage();
  mkdirSync(join(home, '.ssh'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'source.txt'), `source-${tag}\n`);
  writeFileSync(allowAll, JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [] }));
  const before = [
    ['volume', 'create', '--opt', 'type=none', '--opt', 'o=bind', '--opt', 'device=/etc', volume],
    ['create', '--name', etcHolder, '--network', 'none', '-v', '/etc:/e:ro', IMAGE, 'true'],
    ['create', '--name', pidHolder, '--network', 'none', '--pid=host', IMAGE, 'true'],
    ['create', '--name', pidChained, '--network', 'none', `--pid=container:${pidHolder}`, IMAGE, 'true'],
  ];
  for (const argv of before) {
    const made = docker(argv);
    if (made.status !== 0) throw new Error(`docker ${argv.join(' ')}: ${made.stderr}`);
  }
  daemon = startDaemon();
  proxy = join(daemon.stateDir, 'docker.sock');
}, 180_000);

afterAll(async () => {
  await cleanupDaemons();
  for (const name of [...names, etcHolder, pidChained, pidHolder]) docker(['rm', '-f', name]);
  docker(['volume', 'rm', '-f', volume]);
  await stopDockerd();
  rmSync(home, { recursive: true, force: true });
}, 120_000);

describe('container-policy: block', () => {
  const refused: [string, string[], string][] = [
    ['privileged', ['--privileged'], '--privileged'],
    ['pidhost', ['--pid=host'], '--pid=host'],
    ['root', ['-v', '/:/host'], 'a bind of /'],
    ['socket', ['-v', `${REAL_SOCKET}:/var/run/docker.sock`], `a bind of ${REAL_SOCKET}`],
    ['etc', ['--mount', 'type=bind,source=/etc,target=/e'], 'a bind of /etc'],
    ['home', ['-v', `${home}/.ssh:/s`], `a bind of ${home}/.ssh`],
    // The CLI sends capabilities with their CAP_ prefix.
    ['sysadmin', ['--cap-add', 'SYS_ADMIN'], '--cap-add=CAP_SYS_ADMIN'],
    ['volume', ['-v', `${volume}:/e`], 'a bind of /etc'],
    ['device', ['--device', '/dev/mem'], '--device=/dev/mem'],
    ['devrule', ['--device-cgroup-rule', 'b *:* rwm'], '--device-cgroup-rule=b *:* rwm'],
    ['userns', ['--userns=host'], '--userns=host'],
    ['seccomp', ['--security-opt', 'seccomp=unconfined'], '--security-opt=seccomp=unconfined'],
    ['allowall', ['--security-opt', `seccomp=${allowAll}`], '--security-opt=seccomp=unconfined'],
    ['apparmor', ['--security-opt', 'apparmor=unconfined'], '--security-opt=apparmor=unconfined'],
    ['systempaths', ['--security-opt', 'systempaths=unconfined'], '--security-opt=systempaths=unconfined'],
    ['netadmin', ['--cap-add', 'NET_ADMIN'], '--cap-add=CAP_NET_ADMIN'],
    ['dacread', ['--cap-add', 'DAC_READ_SEARCH'], '--cap-add=CAP_DAC_READ_SEARCH'],
    ['volfrom', ['--volumes-from', etcHolder], `--volumes-from=${etcHolder} (a bind of /etc)`],
    ['pidjoin', [`--pid=container:${pidHolder}`], `--pid=container:${pidHolder} (a privileged or host-PID container)`],
    ['pidchain', [`--pid=container:${pidChained}`], `--pid=container:${pidChained} (a privileged or host-PID container)`],
  ];
  const workspaceRun = named('workspace');
  const hostNamespaces = named('hostns');
  const execTarget = named('exec');
  /** After the refused creates: the ones block keeps, and docker exec with and without --privileged. */
  const keptCommands: string[][] = [
    ['run', '--rm', '--name', workspaceRun, '--network', 'none', '-v', `${workspace}:/src`, IMAGE, 'cat', '/src/source.txt'],
    ['create', '--name', hostNamespaces, '--network', 'host', '--ipc', 'host', '--cgroupns', 'host', '--device', '/dev/fuse', IMAGE, 'true'],
    ['run', '-d', '--name', execTarget, '--network', 'none', IMAGE, 'sleep', '60'],
    ['exec', '--privileged', execTarget, 'true'],
    ['exec', execTarget, 'echo', 'exec-ran'],
    ['exec', '--user', '0', execTarget, 'id', '-u'],
  ];
  let result: Awaited<ReturnType<typeof job>>;

  beforeAll(async () => {
    const commands = refused.map(([suffix, opts]) => ['create', '--name', named(suffix), ...opts, IMAGE, 'true']);
    commands.push(...keptCommands);
    const egress = { mode: 'block', container_policy: 'block', host_paths: [home], job_paths: [workspace] };
    result = await job('guard-block', egress, commands);
  }, 180_000);

  test.each(refused.map(([suffix, , option], i) => [suffix, option, i] as const))('refuses %s with a 403 naming the policy and %s', (suffix, option, i) => {
    const o = result.outcomes[i]!;
    expect(o.code).not.toBe(0);
    expect(o.err).toContain(message(option));
    // Never created: dockerd did not see the request.
    expect(docker(['container', 'inspect', `cs-guard-${suffix}-${tag}`]).status).not.toBe(0);
  });

  test('keeps a create that binds the workspace inside the runner home', () => {
    const o = result.outcomes[refused.length]!;
    expect(o.err).toBe('');
    expect(o.out).toBe(`source-${tag}\n`);
    expect(o.code).toBe(0);
  });

  test('keeps the host network, IPC and cgroup namespaces and harmless devices, recorded', () => {
    const o = result.outcomes[refused.length + 1]!;
    expect(o).toMatchObject({ code: 0, err: '' });
    const e = creates(result.events).find((c) => c.container_create!.name === hostNamespaces)!;
    expect(e.container_create).toMatchObject({ network_mode: 'host', ipc_mode: 'host', cgroupns_mode: 'host', devices: ['/dev/fuse'], refused: false });
    const rules = result.findings.filter((f) => f.seq === e.seq).map((f) => f.rule_id);
    expect(rules).toEqual(['host_namespace_container']);
  });

  test('refuses docker exec --privileged with a 403; an ordinary exec runs', () => {
    const [run, privileged, plain, asRoot] = result.outcomes.slice(refused.length + 2);
    expect(run!.code).toBe(0);
    expect(privileged!.code).not.toBe(0);
    expect(privileged!.err).toContain(message('docker exec --privileged'));
    expect(plain).toMatchObject({ code: 0, out: 'exec-ran\n' });
    expect(asRoot).toMatchObject({ code: 0, out: '0\n' });
    // Never run: no exec of true in the container, while the plain one is there.
    const inContainer = result.events.filter((e) => e.kind === 'process_exec' && e.container?.name === execTarget);
    expect(inContainer.map((e) => e.process.argv)).toEqual(expect.arrayContaining([['echo', 'exec-ran']]));
    expect(inContainer.map((e) => e.process.argv)).not.toContainEqual(['true']);
  });

  test('every exec create is a container_exec event from the docker client; the refused one is an exec_refused finding', () => {
    const execs = result.events.filter((e) => e.kind === 'container_exec');
    const id = docker(['container', 'inspect', '--format', '{{.Id}}', execTarget]).stdout.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const common = { container: execTarget, container_id: id, job_container: true };
    expect(execs.map((e) => e.container_exec)).toEqual([
      { ...common, privileged: true, cmd: ['true'], refused: true, refusal: message('docker exec --privileged') },
      { ...common, privileged: false, cmd: ['echo', 'exec-ran'], refused: false },
      { ...common, privileged: false, user: '0', cmd: ['id', '-u'], refused: false },
    ]);
    for (const e of execs) {
      expect(e.process.exec_path).toMatch(/\/docker$/);
      expect(e.process.argv.slice(0, 2)).toEqual(['docker', 'exec']);
      const exec = result.events.find((x) => x.kind === 'process_exec' && x.process.pid === e.process.pid);
      expect(exec!.seq).toBeLessThan(e.seq);
    }
    const found = result.findings.filter((f) => execs.some((e) => e.seq === f.seq));
    expect(found.map((f) => [f.seq, f.rule_id])).toEqual([[execs[0]!.seq, 'exec_refused']]);
    expect(found[0]).toMatchObject({ severity: 'high', event_kind: 'container_exec' });
    // The verdict of the summary names it.
    expect(result.summary).toContain('docker exec refused by the container guard');
  });

  test("each container_create follows its docker client's exec in the log, refused clients included", () => {
    const events = creates(result.events);
    for (const e of events) {
      const exec = result.events.find((x) => x.kind === 'process_exec' && x.process.pid === e.process.pid && x.process.exec_path === e.process.exec_path);
      expect(exec).toBeDefined();
      expect(exec!.seq).toBeLessThan(e.seq);
    }
  });

  test('every create is a container_create event from the docker client, refused or not', () => {
    const events = creates(result.events);
    expect(events).toHaveLength(refused.length + 3);
    refused.forEach(([suffix, , option], i) => {
      const e = events[i]!;
      expect(e.job.id).toBe('guard-block');
      expect(e.process.exec_path).toMatch(/\/docker$/);
      expect(e.process.argv.slice(0, 3)).toEqual(['docker', 'create', '--name']);
      expect(e.container_create).toMatchObject({ image: IMAGE, name: `cs-guard-${suffix}-${tag}`, refused: true, refusal: message(option) });
    });
    expect(events[0]!.container_create!.privileged).toBe(true);
    expect(events[1]!.container_create!.pid_mode).toBe('host');
    expect(events[2]!.container_create!.binds).toEqual(['/']);
    expect(events[6]!.container_create!.cap_add).toEqual(['CAP_SYS_ADMIN']);
    const by = (suffix: string) => events.find((e) => e.container_create!.name === `cs-guard-${suffix}-${tag}`)!.container_create!;
    expect(by('device').devices).toEqual(['/dev/mem']);
    expect(by('devrule').device_cgroup_rules).toEqual(['b *:* rwm']);
    expect(by('userns').userns_mode).toBe('host');
    expect(by('allowall').security_opt).toEqual(['seccomp=unconfined']);
    expect(by('volfrom')).toMatchObject({ volumes_from: [etcHolder], binds: ['/etc'] });
    expect(by('pidjoin').pid_mode).toBe(`container:${pidHolder}`);
    const kept = events[refused.length]!;
    expect(kept.container_create).toEqual({
      image: IMAGE,
      name: workspaceRun,
      privileged: false,
      network_mode: 'none',
      binds: [workspace],
      cap_add: [],
      devices: [],
      refused: false,
    });
  });

  test('every refused create is a finding of the built-in container_refused rule', () => {
    const refusedSeqs = creates(result.events).filter((e) => e.container_create!.refused).map((e) => e.seq);
    const findings = result.findings.filter((f) => f.ruleset_id === 'cicd-sensor/containers' && f.rule_id === 'container_refused');
    // The first max_alerts (10, the format's default) of them: the rule counts on past it.
    expect(refusedSeqs.length).toBeGreaterThan(10);
    expect(findings.map((f) => f.seq).sort((a, b) => a - b)).toEqual(refusedSeqs.slice(0, 10));
    expect(findings[0]).toMatchObject({ severity: 'high', event_kind: 'container_create' });
  });
});

/**
 * The race the guard's lookups had: a container named by --pid=container:
 * or --volumes-from is looked up by name, and the name can be given to
 * another container (docker rename, or rm and create) between the lookup
 * and dockerd's create, which resolves the name again. Under block the
 * proxy now forwards the ids it judged.
 */
describe('a name pointed at another container after the guard judged it', () => {
  /** The names of a target: the one it had, and the one it is moved to; `-host` is made on the real socket (the job cannot make one). */
  const namesOf = (target: string): void => void names.push(`${target}-old`, `${target}-host`, `${target}-tmp`);
  const hostPid = (target: string): string[] => ['run', '-d', '--name', `${target}-host`, '--network', 'none', '--pid=host', IMAGE, 'sleep', '120'];
  const procCount = ['sh', '-c', 'ls /proc | grep -c "^[0-9]"'];
  const moved = (what: string): string[][] => [
    ['rename', what, `${what}-old`],
    ['rename', `${what}-host`, what],
  ];
  const idOf = (name: string): string => docker(['container', 'inspect', '--format', '{{.Id}}', name]).stdout.trim();

  test('while another process keeps moving the name, every create that passed joins the container that was judged', async () => {
    const target = named('flip');
    namesOf(target);
    expect(docker(hostPid(target))).toMatchObject({ status: 0 });
    expect(docker(['run', '-d', '--name', target, '--network', 'none', IMAGE, 'sleep', '120'])).toMatchObject({ status: 0 });
    const benign = idOf(target);
    const host = idOf(`${target}-host`);
    // The name is the benign container's, then no one's, then the host-PID one's, then no one's, over and over.
    const flip = `while :; do docker rename ${target} ${target}-tmp; docker rename ${target}-host ${target}; docker rename ${target} ${target}-host; docker rename ${target}-tmp ${target}; done`;
    const flipper = spawn('sh', ['-c', flip], { env: { ...process.env, DOCKER_HOST: `unix://${REAL_SOCKET}` }, stdio: 'ignore', detached: true });
    const joiners = Array.from({ length: 40 }, (_, i) => named(`flipjoin${i}`));
    let r: Awaited<ReturnType<typeof job>>;
    try {
      r = await job('guard-flip', { mode: 'block', container_policy: 'block' }, joiners.map((j) => ['create', '--name', j, '--network', 'none', `--pid=container:${target}`, IMAGE, 'true']));
    } finally {
      process.kill(-flipper.pid!, 'SIGKILL');
    }
    const modes = joiners.map((j) => docker(['container', 'inspect', '--format', '{{.HostConfig.PidMode}}', j]).stdout.trim());
    const passed = modes.filter((m) => m !== '');
    // Judged while the name was the benign container's: created, joined to it by id. The others were refused.
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.filter((m) => m !== `container:${benign}`)).toEqual([]);
    expect(modes).not.toContain(`container:${host}`);
    expect(r.outcomes.filter((o) => o.code !== 0).every((o) => o.err.includes('cicd-sensor container-policy block: refused --pid=container:'))).toBe(true);
  }, 180_000);

  test('through the proxy under block the create names the judged container by id, so the moved name changes nothing', async () => {
    const target = named('target');
    const joiner = named('joiner');
    const inheritor = named('inheritor');
    namesOf(target);
    expect(docker(hostPid(target))).toMatchObject({ status: 0 });
    const r = await job('guard-pin', { mode: 'block', container_policy: 'block', host_paths: [home], job_paths: [workspace] }, [
      ['run', '-d', '--name', target, '--network', 'none', IMAGE, 'sleep', '60'],
      ['create', '--name', joiner, '--network', 'none', `--pid=container:${target}`, IMAGE, ...procCount],
      ['create', '--name', inheritor, '--network', 'none', '--volumes-from', `${target}:ro`, IMAGE, 'true'],
      ...moved(target),
      ['start', '-a', joiner],
    ]);
    for (const o of r.outcomes) expect(o).toMatchObject({ code: 0, err: '' });
    const original = idOf(`${target}-old`);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(docker(['container', 'inspect', '--format', '{{.HostConfig.PidMode}}', joiner]).stdout.trim()).toBe(`container:${original}`);
    expect(docker(['container', 'inspect', '--format', '{{json .HostConfig.VolumesFrom}}', inheritor]).stdout.trim()).toBe(JSON.stringify([`${original}:ro`]));
    // The sleep of the container it was created to join, and its own shell and ls.
    expect(Number(r.outcomes.at(-1)!.out.trim())).toBeLessThan(6);
    // The events say what the client asked for.
    const e = creates(r.events).find((x) => x.container_create!.name === joiner)!;
    expect(e.container_create).toMatchObject({ pid_mode: `container:${target}`, refused: false });
  }, 120_000);

  test('while another process keeps making a volume again bound to /etc, no create under block mounts /etc', async () => {
    const vol = `cs-guard-flipvol-${tag}`;
    // Through the proxy: a volume change there waits for a create between its lookup and dockerd's answer.
    const flip = [
      `docker volume rm ${vol}`,
      `docker volume create --opt type=none --opt o=bind --opt device=/etc ${vol}`,
      `docker volume rm ${vol}`,
      `docker volume create ${vol}`,
    ].join(' >/dev/null 2>&1; ');
    const flipper = spawn('sh', ['-c', `while :; do ${flip} >/dev/null 2>&1; done`], { env: { ...process.env, DOCKER_HOST: `unix://${proxy}` }, stdio: 'ignore', detached: true });
    const probe = ['run', '--rm', '--network', 'none', '-v', `${vol}:/x`, IMAGE, 'sh', '-c', 'test -e /x/passwd && echo HOST || echo CLEAN'];
    let r: Awaited<ReturnType<typeof job>>;
    try {
      r = await job('guard-volflip', { mode: 'block', container_policy: 'block' }, Array.from({ length: 30 }, () => probe));
    } finally {
      process.kill(-flipper.pid!, 'SIGKILL');
      docker(['volume', 'rm', '-f', vol]);
    }
    const outs = r.outcomes.map((o) => (o.code === 0 ? o.out.trim() : o.err.includes('cicd-sensor container-policy block: refused a bind of /etc') ? 'refused' : o.err));
    expect(outs.filter((o) => o === 'HOST')).toEqual([]);
    expect(outs.filter((o) => o !== 'CLEAN' && o !== 'refused')).toEqual([]);
    // Both happened: the flipper was fast enough to matter.
    expect(outs).toContain('CLEAN');
    expect(outs).toContain('refused');
  }, 180_000);

  test('a --volumes-from or --pid=container: of no container is refused under block', async () => {
    const r = await job('guard-pin-missing', { mode: 'block', container_policy: 'block' }, [
      ['create', '--name', named('nofrom'), '--network', 'none', '--volumes-from', `cs-guard-absent-${tag}`, IMAGE, 'true'],
      ['create', '--name', named('nopid'), '--network', 'none', `--pid=container:cs-guard-absent-${tag}`, IMAGE, 'true'],
    ]);
    expect(r.outcomes[0]!.err).toContain(message(`--volumes-from=cs-guard-absent-${tag} (no such container)`));
    expect(r.outcomes[1]!.err).toContain(message(`--pid=container:cs-guard-absent-${tag} (no such container)`));
  }, 120_000);
});

describe('container-policy: audit', () => {
  test('the same create passes, and the event and the report say what block would have refused', async () => {
    const name = named('audit');
    // Created, not run: this sandbox's runc may not grant a privileged container its capabilities.
    const r = await job('guard-audit', { mode: 'audit' }, [['create', '--name', name, '--network', 'none', '--privileged', '-v', '/:/host', IMAGE, 'true']]);
    expect(r.outcomes[0]).toMatchObject({ code: 0, err: '' });
    expect(docker(['container', 'inspect', name]).status).toBe(0);
    const [e] = creates(r.events);
    expect(e!.container_create).toMatchObject({ name, privileged: true, binds: ['/'], refused: false });
    expect(e!.container_create!.refusal).toBeUndefined();
    expect(r.summary).toContain('block would have refused it');
    // Passed, yet judged: the built-in container rules see what it asked for.
    const rules = r.findings.filter((f) => f.seq === e!.seq).map((f) => f.rule_id);
    expect(rules).toEqual(expect.arrayContaining(['privileged_container', 'host_path_bind']));
    expect(rules).not.toContain('container_refused');
  }, 120_000);

  test('docker exec --privileged passes, is recorded and is a privileged_exec finding', async () => {
    const name = named('auditexec');
    const r = await job('guard-audit-exec', { mode: 'audit' }, [
      ['run', '-d', '--name', name, '--network', 'none', IMAGE, 'sleep', '60'],
      // Whatever this sandbox's runc makes of a privileged process, dockerd saw the request.
      ['exec', '--privileged', name, 'true'],
    ]);
    expect(r.outcomes[0]!.code).toBe(0);
    expect(r.outcomes[1]!.err).not.toContain('cicd-sensor container-policy');
    const e = r.events.find((x) => x.kind === 'container_exec')!;
    expect(e.container_exec).toMatchObject({ container: name, job_container: true, privileged: true, cmd: ['true'], refused: false });
    expect(r.summary).toContain(`container-policy audit: docker exec --privileged in container ${name}`);
    expect(r.findings.filter((f) => f.seq === e.seq).map((f) => f.rule_id)).toEqual(['privileged_exec']);
    expect(r.summary).toContain('Privileged docker exec');
  }, 120_000);

  test('a job with no policy has its creates recorded all the same', async () => {
    const name = named('none');
    const r = await job('guard-none', undefined, [['create', '--name', name, '--device', '/dev/null:/dev/x', IMAGE, 'true']]);
    expect(r.outcomes[0]!.code).toBe(0);
    const events = creates(r.events);
    expect(events).toHaveLength(1);
    expect(events[0]!.container_create).toMatchObject({ image: IMAGE, name, privileged: false, binds: [], cap_add: [], devices: ['/dev/null'], refused: false });
  }, 120_000);
});
