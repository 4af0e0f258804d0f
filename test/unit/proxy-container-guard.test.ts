import { describe, expect, test } from '@jest/globals';
import {
  decideCreate,
  decideExec,
  pinTargets,
  type CreateFacts,
  guardCreate,
  inspectedContainer,
  judgeExec,
  namedVolumes,
  readCreate,
  securityOpt,
  volumeDevice,
  type GuardContext,
} from '../../src/proxy/containerGuard.js';

const ctx: GuardContext = { sensitivePaths: ['/home/runner', '/opt/hostedtoolcache'], allowedPaths: ['/home/runner/work/repo/repo'] };
/** Container ids as dockerd gives them. */
const ID = 'a'.repeat(64);
const ID2 = 'b'.repeat(64);
const create = (hostConfig: object) => Buffer.from(JSON.stringify({ Image: 'alpine', HostConfig: hostConfig }));

describe('the container guard', () => {
  const refused: [string, object, string][] = [
    ['--privileged', { Privileged: true }, '--privileged'],
    ['--pid=host', { PidMode: 'host' }, '--pid=host'],
    ['-v /:/host', { Binds: ['/:/host'] }, 'a bind of /'],
    ['-v /etc:/e:ro', { Binds: ['/etc:/e:ro'] }, 'a bind of /etc'],
    ['-v /etc/sudoers.d:/s', { Binds: ['/etc/sudoers.d:/s'] }, 'a bind of /etc/sudoers.d'],
    ['-v /root:/r', { Binds: ['/root:/r'] }, 'a bind of /root'],
    ['-v /proc:/p', { Binds: ['/proc:/p'] }, 'a bind of /proc'],
    ['-v /sys/kernel:/k', { Binds: ['/sys/kernel:/k'] }, 'a bind of /sys/kernel'],
    ['the docker socket', { Binds: ['/var/run/docker.sock:/var/run/docker.sock'] }, 'a bind of /var/run/docker.sock'],
    ['/run, which holds the socket', { Binds: ['/run:/r'] }, 'a bind of /run'],
    ['the runner home', { Binds: ['/home/runner/.ssh:/s'] }, 'a bind of /home/runner/.ssh'],
    ['/home, which holds it', { Binds: ['/home:/h'] }, 'a bind of /home'],
    ['the workspace\'s parent, outside what is allowed', { Binds: ['/home/runner/work:/w'] }, 'a bind of /home/runner/work'],
    ['the tool cache', { Binds: ['/opt/hostedtoolcache:/t'] }, 'a bind of /opt/hostedtoolcache'],
    ['a path spelled around the rule', { Binds: ['/tmp/../etc/:/e'] }, 'a bind of /tmp/../etc/'],
    ['--mount type=bind', { Mounts: [{ Type: 'bind', Source: '/', Target: '/host' }] }, 'a bind of /'],
    ['a local volume binding /', { Mounts: [{ Type: 'volume', Target: '/h', VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: '/' } } } }] }, 'a bind of /'],
    ['--cap-add SYS_ADMIN', { CapAdd: ['SYS_ADMIN'] }, '--cap-add=SYS_ADMIN'],
    ['--cap-add CAP_SYS_PTRACE', { CapAdd: ['CAP_SYS_PTRACE'] }, '--cap-add=CAP_SYS_PTRACE'],
    ['--cap-add sys_module', { CapAdd: ['sys_module'] }, '--cap-add=sys_module'],
    ['--cap-add ALL', { CapAdd: ['ALL'] }, '--cap-add=ALL'],
    ['--cap-add DAC_READ_SEARCH', { CapAdd: ['CAP_DAC_READ_SEARCH'] }, '--cap-add=CAP_DAC_READ_SEARCH'],
    ['--cap-add BPF', { CapAdd: ['CAP_BPF'] }, '--cap-add=CAP_BPF'],
    ['--cap-add PERFMON', { CapAdd: ['CAP_PERFMON'] }, '--cap-add=CAP_PERFMON'],
    ['--cap-add NET_ADMIN', { CapAdd: ['CAP_NET_ADMIN'] }, '--cap-add=CAP_NET_ADMIN'],
    ['--cap-add SYS_RAWIO', { CapAdd: ['SYS_RAWIO'] }, '--cap-add=SYS_RAWIO'],
    ['--device of a disk', { Devices: [{ PathOnHost: '/dev/sda', PathInContainer: '/dev/xvda', CgroupPermissions: 'rwm' }] }, '--device=/dev/sda'],
    ['--device of kernel memory', { Devices: [{ PathOnHost: '/dev/null' }, { PathOnHost: '/dev/mem' }] }, '--device=/dev/mem'],
    ['--device of a node made elsewhere', { Devices: [{ PathOnHost: '/tmp/disk' }] }, '--device=/tmp/disk'],
    ['--device-cgroup-rule', { DeviceCgroupRules: ['b *:* rwm'] }, '--device-cgroup-rule=b *:* rwm'],
    ['--userns=host', { UsernsMode: 'host' }, '--userns=host'],
    ['seccomp=unconfined', { SecurityOpt: ['seccomp=unconfined'] }, '--security-opt=seccomp=unconfined'],
    ['seccomp:unconfined (the old spelling)', { SecurityOpt: ['seccomp:unconfined'] }, '--security-opt=seccomp=unconfined'],
    ['a seccomp profile allowing every call', { SecurityOpt: ['no-new-privileges', `seccomp=${JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [] })}`] }, '--security-opt=seccomp=unconfined'],
    ['apparmor=unconfined', { SecurityOpt: ['apparmor=unconfined'] }, '--security-opt=apparmor=unconfined'],
    ['systempaths=unconfined', { SecurityOpt: ['systempaths=unconfined'] }, '--security-opt=systempaths=unconfined'],
    ['systempaths=unconfined as the CLI sends it', { MaskedPaths: [], ReadonlyPaths: [] }, '--security-opt=systempaths=unconfined'],
    ['read-only paths without /proc/sys', { ReadonlyPaths: ['/proc/bus'] }, '--security-opt=systempaths=unconfined'],
    ['label=disable', { SecurityOpt: ['label:disable'] }, '--security-opt=label=disable'],
  ];
  test.each(refused)('refuses %s', (_what, hostConfig, option) => {
    const v = guardCreate(create(hostConfig), ctx);
    expect(v).toEqual({ allowed: false, option, message: `cicd-sensor container-policy block: refused ${option} (it would hand the job the host)` });
  });

  const allowed: [string, object | undefined][] = [
    ['no HostConfig', undefined],
    ['a workspace bind', { Binds: ['/home/runner-work/src:/src', '/tmp/x:/x'] }],
    ['a named volume', { Binds: ['cache:/cache'] }],
    ['a tmpfs mount', { Mounts: [{ Type: 'tmpfs', Target: '/t' }] }],
    ['harmless capabilities', { CapAdd: ['NET_BIND_SERVICE'], Privileged: false, PidMode: '' }],
    ['a sibling of the home', { Binds: ['/home/runnerx:/x'] }],
    ['the workspace inside the home', { Binds: ['/home/runner/work/repo/repo:/src', '/home/runner/work/repo/repo/sub:/s'] }],
    ['devices that reach nothing of the host', { Devices: [{ PathOnHost: '/dev/fuse' }, { PathOnHost: '/dev/kvm' }, { PathOnHost: '/dev/net/tun' }] }],
    ['the default masked and read-only paths, explicit', { MaskedPaths: ['/proc/kcore'], ReadonlyPaths: ['/proc/sys', '/proc/bus'] }],
    ['harmless security options', { SecurityOpt: ['no-new-privileges', 'apparmor=docker-default', `seccomp=${JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO' })}`] }],
    // Recorded, not refused (README: what the container guard refuses and why).
    ['the host network', { NetworkMode: 'host' }],
    ['the host IPC namespace', { IpcMode: 'host' }],
    ['the host cgroup namespace', { CgroupnsMode: 'host' }],
    ['--userns of its own', { UsernsMode: '' }],
    ['--pid of a container not looked up as privileged', { PidMode: 'container:db' }],
  ];
  test.each(allowed)('allows %s', (_what, hostConfig) => {
    const body = hostConfig === undefined ? Buffer.from('{"Image":"alpine"}') : create(hostConfig);
    expect(guardCreate(body, ctx)).toEqual({ allowed: true });
  });

  test('an unreadable body is refused (dockerd might read it differently)', () => {
    expect(guardCreate(Buffer.from('{not json'), ctx)).toMatchObject({ allowed: false, option: 'an unreadable create body' });
    expect(guardCreate(Buffer.from('{"HostConfig":"x"}'), ctx)).toMatchObject({ allowed: false });
  });

  // dockerd's Go decoder matches keys case-insensitively (ſ as s, the Kelvin sign as k), the later one winning.
  test.each([
    ['HostConfig.privileged', '{"Image":"alpine","HostConfig":{"privileged":true}}', 'Privileged'],
    ['an exact key overridden by a later one', '{"HostConfig":{"Privileged":false,"PRIVILEGED":true}}', 'Privileged'],
    ['hostconfig at the top', '{"Image":"alpine","hostconfig":{"Privileged":true}}', 'HostConfig'],
    ['volumesfrom', '{"HostConfig":{"volumesfrom":["web"]}}', 'VolumesFrom'],
    ['securityopt with a long s', '{"HostConfig":{"ſecurityOpt":["seccomp=unconfined"]}}', 'SecurityOpt'],
    ['a mount\'s source', '{"HostConfig":{"Mounts":[{"Type":"bind","source":"/"}]}}', 'Source'],
    ['a volume\'s driver options', '{"HostConfig":{"Mounts":[{"Type":"volume","Source":"v","VolumeOptions":{"driverconfig":{}}}]}}', 'DriverConfig'],
    ['a device path in lower case', '{"HostConfig":{"Devices":[{"PathOnHost":"/dev/null","pathonhost":"/dev/mem"}]}}', 'PathOnHost'],
    ['network mode with a Kelvin sign', '{"HostConfig":{"Networ\u212AMode":"host"}}', 'NetworkMode'],
  ])('a key dockerd reads otherwise is refused: %s', (_what, json, field) => {
    expect(guardCreate(Buffer.from(json), ctx)).toMatchObject({ allowed: false, option: `a key dockerd reads as ${field}, spelled otherwise` });
  });

  test('keys the guard does not read keep any spelling', () => {
    expect(guardCreate(Buffer.from('{"Image":"alpine","hostname":"x","HostConfig":{"memory":1,"Privileged":false}}'), ctx)).toEqual({ allowed: true });
  });

  test('symbolic links are resolved by the caller', () => {
    const v = guardCreate(create({ Binds: ['/tmp/innocent:/x'] }), { ...ctx, resolve: (p) => (p === '/tmp/innocent' ? '/etc' : p) });
    expect(v).toMatchObject({ allowed: false, option: 'a bind of /tmp/innocent' });
  });
});

describe('reading a create for its event', () => {
  const body = (o: object) => Buffer.from(JSON.stringify(o));

  test('every field the container_create event carries', () => {
    const facts = readCreate(
      body({
        Image: 'alpine:3',
        HostConfig: {
          Privileged: true,
          PidMode: 'host',
          NetworkMode: 'host',
          Binds: ['/:/host', 'named:/data', '/tmp/x:/x:ro'],
          Mounts: [{ Type: 'bind', Source: '/etc', Target: '/e' }, { Type: 'volume', Source: 'v', Target: '/v' }],
          CapAdd: ['SYS_ADMIN', 7],
          Devices: [{ PathOnHost: '/dev/kmsg', PathInContainer: '/dev/kmsg' }],
        },
      }),
      'web',
    );
    expect(facts).toEqual({
      image: 'alpine:3',
      name: 'web',
      privileged: true,
      pid_mode: 'host',
      network_mode: 'host',
      binds: ['/', '/tmp/x', '/etc'],
      cap_add: ['SYS_ADMIN'],
      devices: ['/dev/kmsg'],
    });
  });

  test('the optional settings, each only when set', () => {
    const facts = readCreate(
      body({
        Image: 'a',
        HostConfig: {
          DeviceCgroupRules: ['c 1:3 rwm'],
          SecurityOpt: ['seccomp:unconfined', 'apparmor=unconfined', 'seccomp={"defaultAction":"SCMP_ACT_ERRNO"}'],
          UsernsMode: 'host',
          IpcMode: 'host',
          CgroupnsMode: 'host',
          VolumesFrom: ['data:ro'],
          PidMode: '',
        },
      }),
    );
    expect(facts).toEqual({
      image: 'a',
      privileged: false,
      binds: [],
      cap_add: [],
      devices: [],
      device_cgroup_rules: ['c 1:3 rwm'],
      security_opt: ['seccomp=unconfined', 'apparmor=unconfined', 'seccomp=profile'],
      userns_mode: 'host',
      ipc_mode: 'host',
      cgroupns_mode: 'host',
      volumes_from: ['data:ro'],
    });
    expect(securityOpt('no-new-privileges')).toBe('no-new-privileges');
    expect(securityOpt('seccomp=not json')).toBe('seccomp=profile');
  });

  test('a plain create asks nothing of the host', () => {
    expect(readCreate(body({ Image: 'alpine' }))).toEqual({ image: 'alpine', privileged: false, binds: [], cap_add: [], devices: [] });
    expect(readCreate(Buffer.from('null'))).toBe('an unreadable create body');
  });
});

describe('deciding a job\'s create', () => {
  const privileged = Buffer.from(JSON.stringify({ Image: 'alpine', HostConfig: { Privileged: true } }));
  const plain = Buffer.from(JSON.stringify({ Image: 'alpine' }));

  test('block refuses with the message the 403 carries', () => {
    const d = decideCreate(privileged, 'x', { ...ctx, mode: 'block' });
    expect(d.event).toMatchObject({ image: 'alpine', name: 'x', privileged: true, refused: true });
    expect(d.event.refusal).toBe('cicd-sensor container-policy block: refused --privileged (it would hand the job the host)');
    expect(d.wouldRefuse).toBeUndefined();
  });

  test('audit passes it and says what block would have refused', () => {
    const d = decideCreate(privileged, undefined, { ...ctx, mode: 'audit' });
    expect(d.event).toMatchObject({ privileged: true, refused: false });
    expect(d.event.refusal).toBeUndefined();
    expect(d.wouldRefuse).toBe('--privileged');
  });

  test('without a guard every create passes, and is still an event', () => {
    expect(decideCreate(privileged, undefined, undefined)).toEqual({ event: expect.objectContaining({ privileged: true, refused: false }) });
    expect(decideCreate(plain, undefined, { ...ctx, mode: 'block' }).event.refused).toBe(false);
  });

  test('an oversized or unreadable body is refused in block and passes in audit', () => {
    expect(decideCreate(undefined, undefined, { ...ctx, mode: 'block' }).event.refusal).toMatch(/refused an oversized create body/);
    expect(decideCreate(Buffer.from('{'), undefined, { ...ctx, mode: 'audit' })).toMatchObject({ event: { refused: false }, wouldRefuse: 'an unreadable create body' });
  });

  test('an allowed path that holds a sensitive one allows nothing', () => {
    const wide = { ...ctx, allowedPaths: ['/'], mode: 'block' as const };
    const create = Buffer.from(JSON.stringify({ Image: 'a', HostConfig: { Binds: ['/etc/sudoers.d:/s'] } }));
    expect(decideCreate(create, undefined, wide).event.refused).toBe(true);
  });
});

describe('named volumes bound to a host directory', () => {
  const json = (o: object) => Buffer.from(JSON.stringify(o));

  test('the names a create mounts, from -v and --mount, never a path or a tmpfs', () => {
    const body = json({ HostConfig: { Binds: ['etcvol:/e:ro', '/tmp:/t', 'etcvol:/again'], Mounts: [{ Type: 'volume', Source: 'other', Target: '/o' }, { Type: 'tmpfs', Target: '/x' }] } });
    expect(namedVolumes(body)).toEqual(['etcvol', 'other']);
    expect(namedVolumes(Buffer.from('{'))).toEqual([]);
  });

  test('a local volume with a device is that directory; others are no host path', () => {
    expect(volumeDevice(json({ Driver: 'local', Options: { type: 'none', o: 'bind', device: '/etc' } }))).toBe('/etc');
    expect(volumeDevice(json({ Driver: 'local', Options: null }))).toBeUndefined();
    expect(volumeDevice(json({ Driver: 'nfs', Options: { device: '/etc' } }))).toBeUndefined();
    expect(volumeDevice(json({ message: 'no such volume' }))).toBeUndefined();
  });

  test('the guard judges them as binds, and the event lists them', () => {
    const d = decideCreate(json({ Image: 'a', HostConfig: { Binds: ['etcvol:/e'] } }), undefined, { ...ctx, mode: 'block' }, { volumeBinds: ['/etc'] });
    expect(d.event).toMatchObject({ binds: ['/etc'], refused: true, refusal: expect.stringContaining('refused a bind of /etc') });
  });
});

describe('what other containers a create joins', () => {
  const json = (o: object) => Buffer.from(JSON.stringify(o));
  const block = { ...ctx, mode: 'block' as const };

  test('an inspected container: its binds, its volumes, whether it has the host\'s PID namespace', () => {
    const inspect = json({
      HostConfig: { Privileged: false, PidMode: 'host' },
      Mounts: [{ Type: 'bind', Source: '/etc' }, { Type: 'volume', Name: 'cache', Source: '/var/lib/docker/volumes/cache/_data' }, { Type: 'tmpfs' }],
    });
    expect(inspectedContainer(inspect)).toEqual({ binds: ['/etc'], volumes: ['cache'], hostPid: true });
    expect(inspectedContainer(json({ HostConfig: { Privileged: true } }))).toMatchObject({ hostPid: true });
    expect(inspectedContainer(json({ HostConfig: { PidMode: 'container:abc' } }))).toEqual({ binds: [], volumes: [], hostPid: false, pidContainer: 'abc' });
    expect(inspectedContainer(json({ message: 'No such container: x' }))).toEqual({ binds: [], volumes: [], hostPid: false });
    expect(inspectedContainer(Buffer.from('<html>'))).toBeUndefined();
  });

  test('--volumes-from a container binding /etc is refused, named so, and the event lists the inherited bind', () => {
    const body = json({ Image: 'a', HostConfig: { VolumesFrom: ['holder:ro'] } });
    const d = decideCreate(body, undefined, block, { volumesFrom: [{ container: 'holder', binds: ['/tmp/ok', '/etc'] }] });
    expect(d.event).toMatchObject({ volumes_from: ['holder:ro'], binds: ['/tmp/ok', '/etc'], refused: true });
    expect(d.event.refusal).toContain('refused --volumes-from=holder (a bind of /etc)');
    expect(decideCreate(body, undefined, block, { volumesFrom: [{ container: 'holder', id: ID, binds: ['/tmp/ok'] }] }).event.refused).toBe(false);
  });

  test('--pid=container:X of a privileged or host-PID container is refused', () => {
    const body = json({ Image: 'a', HostConfig: { PidMode: 'container:priv' } });
    expect(decideCreate(body, undefined, block, { pidJoinsHost: true }).event.refusal).toContain('refused --pid=container:priv (a privileged or host-PID container)');
    expect(decideCreate(body, undefined, block, { pidJoinsHost: false, pidContainerId: ID }).event.refused).toBe(false);
  });

  test('block forwards the containers it judged by their ids, so a name pointed elsewhere later changes nothing', () => {
    const body = json({ Image: 'a', Env: ['N=12345678901234567890'], HostConfig: { VolumesFrom: ['holder:ro', 'other'], PidMode: 'container:web', Memory: 1 << 30 } });
    const lookups = { volumesFrom: [{ container: 'holder', id: ID, binds: [] }, { container: 'other', id: ID2, binds: [] }], pidContainerId: ID2 };
    const d = decideCreate(body, undefined, block, lookups);
    expect(d.event).toMatchObject({ volumes_from: ['holder:ro', 'other'], pid_mode: 'container:web', refused: false });
    expect(JSON.parse(d.body!.toString())).toEqual({
      Image: 'a',
      Env: ['N=12345678901234567890'],
      HostConfig: { VolumesFrom: [`${ID}:ro`, ID2], PidMode: `container:${ID2}`, Memory: 1 << 30 },
    });
    // Audit and no policy forward the client's bytes.
    expect(decideCreate(body, undefined, { ...ctx, mode: 'audit' }, lookups).body).toBeUndefined();
    expect(decideCreate(body, undefined, undefined, lookups).body).toBeUndefined();
    expect(decideCreate(json({ Image: 'a', HostConfig: {} }), undefined, block).body).toBeUndefined();
  });

  test('block refuses a container it could not find, and a body it cannot write again exactly', () => {
    const from = json({ Image: 'a', HostConfig: { VolumesFrom: ['gone'] } });
    expect(decideCreate(from, undefined, block, { volumesFrom: [{ container: 'gone', binds: [] }] }).event.refusal).toContain('refused --volumes-from=gone (no such container)');
    const pid = json({ Image: 'a', HostConfig: { PidMode: 'container:gone' } });
    expect(decideCreate(pid, undefined, block, { pidJoinsHost: false }).event.refusal).toContain('refused --pid=container:gone (no such container)');
    const huge = Buffer.from(`{"Image":"a","HostConfig":{"PidMode":"container:web","Memory":9223372036854775807}}`);
    expect(decideCreate(huge, undefined, block, { pidContainerId: ID }).event.refusal).toContain('cannot be written again exactly');
    expect(pinTargets(Buffer.from(`{"Image":"a","HostConfig":{"PidMode":"container:web","Memory":1.5}}`), readCreate(Buffer.from('{"HostConfig":{"PidMode":"container:web"}}')) as CreateFacts, { pidContainerId: ID })).toBeInstanceOf(Buffer);
  });
});

describe('docker exec', () => {
  test('--privileged is refused; an ordinary exec passes', () => {
    expect(judgeExec(Buffer.from(JSON.stringify({ Cmd: ['sh'], Privileged: true })))).toMatchObject({ allowed: false, option: 'docker exec --privileged' });
    expect(judgeExec(Buffer.from(JSON.stringify({ Cmd: ['sh'], Privileged: false, User: 'root' })))).toEqual({ allowed: true });
    expect(judgeExec(Buffer.from(''))).toEqual({ allowed: true });
    expect(judgeExec(Buffer.from('{"Cmd":["sh"],"privileged":true}'))).toMatchObject({ allowed: false, option: 'a key dockerd reads as Privileged, spelled otherwise' });
  });

  test('an unreadable or oversized body is refused', () => {
    expect(judgeExec(Buffer.from('{'))).toMatchObject({ allowed: false, option: 'an unreadable exec body' });
    expect(judgeExec(Buffer.from('[]'))).toMatchObject({ allowed: true });
    expect(judgeExec(undefined)).toMatchObject({ allowed: false, option: 'an oversized exec body' });
  });
});

describe('an exec create as the container_exec event carries it', () => {
  const exec = (body: object) => Buffer.from(JSON.stringify(body));
  const target = { container: 'web', id: 'a'.repeat(64), jobContainer: true };
  const block = { ...ctx, mode: 'block' as const };

  test('block refuses docker exec --privileged with the 403 message; the event says what was asked', () => {
    const d = decideExec(exec({ Cmd: ['sh', '-c', 'id'], Privileged: true, User: '0' }), target, block);
    expect(d).toEqual({
      event: {
        container: 'web',
        container_id: 'a'.repeat(64),
        job_container: true,
        privileged: true,
        user: '0',
        cmd: ['sh', '-c', 'id'],
        refused: true,
        refusal: 'cicd-sensor container-policy block: refused docker exec --privileged (it would hand the job the host)',
      },
    });
  });

  test('audit passes it and names what block would have refused; no policy passes it silently', () => {
    const body = exec({ Cmd: ['sh'], Privileged: true });
    expect(decideExec(body, target, { ...ctx, mode: 'audit' })).toMatchObject({ event: { privileged: true, refused: false }, wouldRefuse: 'docker exec --privileged' });
    expect(decideExec(body, target, undefined)).toEqual({ event: expect.objectContaining({ privileged: true, refused: false }) });
  });

  test('--user 0 is recorded, not refused; an unknown container has no id', () => {
    const d = decideExec(exec({ Cmd: ['id', '-u'], User: '0' }), { container: 'gone', jobContainer: false }, block);
    expect(d.event).toEqual({ container: 'gone', job_container: false, privileged: false, user: '0', cmd: ['id', '-u'], refused: false });
  });

  test('an unreadable or oversized body is refused in block and recorded with what could be read', () => {
    expect(decideExec(Buffer.from('{'), target, block).event).toMatchObject({ privileged: false, cmd: [], refused: true, refusal: expect.stringContaining('an unreadable exec body') });
    expect(decideExec(undefined, target, block).event.refusal).toMatch(/an oversized exec body/);
  });
});
