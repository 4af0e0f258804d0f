/**
 * A network namespace of the test's own, joined to the host by a veth pair:
 * the job runs inside it (`ip netns exec`), the servers listen on the host
 * end's addresses. Only 198.51.100.0/24 and 2001:db8::/32 are used, and
 * every destination is checked with `ip route get` to leave through the
 * namespace's veth before anything is sent (this machine's own networks are
 * 192.0.2.0/24 and 203.0.113.0/24: nothing may reach them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

export interface VethNamespace {
  name: string;
  hostIf: string;
  nsIf: string;
  /** Runs argv inside the namespace (prefix for spawn). */
  exec: string[];
  /** Throws unless address routes out of the namespace's veth. */
  assertRoutedHere(address: string): void;
  teardown(): void;
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const ALLOWED = [/^198\.51\.100\.\d+$/, /^2001:db8:/i];

/**
 * hostAddresses: the servers' addresses on the host end (prefix included:
 * 198.51.100.1/24, 2001:db8:100::1/64), nsAddresses the job's.
 */
export function createVethNamespace(tag: string, hostAddresses: string[], nsAddresses: string[], resolver?: string): VethNamespace {
  for (const a of [...hostAddresses, ...nsAddresses]) {
    if (!ALLOWED.some((re) => re.test(a.split('/')[0]!))) throw new Error(`${a} is outside 198.51.100.0/24 and 2001:db8::/32`);
  }
  const name = `cs-${tag}`;
  const hostIf = `${tag}h`.slice(0, 15);
  const nsIf = `${tag}n`.slice(0, 15);
  const ns: VethNamespace = {
    name,
    hostIf,
    nsIf,
    exec: ['ip', 'netns', 'exec', name],
    assertRoutedHere(address: string) {
      if (!ALLOWED.some((re) => re.test(address))) throw new Error(`refusing to send to ${address}: not a test address`);
      const route = ip('netns', 'exec', name, 'ip', 'route', 'get', address);
      if (!route.includes(`dev ${nsIf}`)) throw new Error(`aborting: ${address} does not route into ${nsIf}: ${route}`);
    },
    teardown() {
      try {
        ip('link', 'del', hostIf);
      } catch {
        // Gone with the namespace already.
      }
      try {
        ip('netns', 'del', name);
      } catch {
        // Never made.
      }
      rmSync(`/etc/netns/${name}`, { recursive: true, force: true });
    },
  };
  ns.teardown();
  try {
    ip('netns', 'add', name);
    ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf);
    ip('link', 'set', nsIf, 'netns', name);
    for (const a of hostAddresses) ip(...(a.includes(':') ? ['-6'] : []), 'addr', 'add', a, 'dev', hostIf, ...(a.includes(':') ? ['nodad'] : []));
    ip('link', 'set', hostIf, 'up');
    for (const a of nsAddresses) ip('netns', 'exec', name, 'ip', ...(a.includes(':') ? ['-6'] : []), 'addr', 'add', a, 'dev', nsIf, ...(a.includes(':') ? ['nodad'] : []));
    ip('netns', 'exec', name, 'ip', 'link', 'set', nsIf, 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
    if (resolver) {
      // ip netns exec bind-mounts this over /etc/resolv.conf for what runs inside: glibc asks the test's server.
      mkdirSync(`/etc/netns/${name}`, { recursive: true });
      writeFileSync(`/etc/netns/${name}/resolv.conf`, `nameserver ${resolver}\noptions timeout:1 attempts:1\n`);
    }
  } catch (err) {
    ns.teardown();
    throw err;
  }
  return ns;
}
