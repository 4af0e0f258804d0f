import { describe, expect, test } from '@jest/globals';
import { guardCreate, type GuardContext } from '../../src/proxy/containerGuard.js';

const ctx: GuardContext = { sensitivePaths: ['/home/runner', '/opt/hostedtoolcache'], allowedPaths: ['/home/runner/work/repo/repo'] };
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
  ];
  test.each(allowed)('allows %s', (_what, hostConfig) => {
    const body = hostConfig === undefined ? Buffer.from('{"Image":"alpine"}') : create(hostConfig);
    expect(guardCreate(body, ctx)).toEqual({ allowed: true });
  });

  test('an unreadable body is refused (dockerd might read it differently)', () => {
    expect(guardCreate(Buffer.from('{not json'), ctx)).toMatchObject({ allowed: false, option: 'an unreadable create body' });
    expect(guardCreate(Buffer.from('{"HostConfig":"x"}'), ctx)).toMatchObject({ allowed: false });
  });

  test('symbolic links are resolved by the caller', () => {
    const v = guardCreate(create({ Binds: ['/tmp/innocent:/x'] }), { ...ctx, resolve: (p) => (p === '/tmp/innocent' ? '/etc' : p) });
    expect(v).toMatchObject({ allowed: false, option: 'a bind of /tmp/innocent' });
  });
});
