/**
 * The DNS resolvers this host is configured with: the job's lookups of
 * allowed names go to them, so a block policy allows them on port 53 (and
 * only there). resolv.conf names them (for systemd-resolved hosts, its stub
 * 127.0.0.53); resolved's own file lists its upstreams, which a job can also
 * query directly.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

export const RESOLV_CONF_PATHS = ['/etc/resolv.conf', '/run/systemd/resolve/resolv.conf'];

/** The `nameserver` addresses of a resolv.conf (a zone index like %eth0 dropped). */
export function nameservers(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    const addr = m?.[1]?.replace(/%.*$/, '');
    if (addr && isIP(addr) && !out.includes(addr)) out.push(addr);
  }
  return out;
}

export function hostResolvers(paths: readonly string[] = RESOLV_CONF_PATHS): string[] {
  const all = paths.flatMap((p) => {
    try {
      return nameservers(readFileSync(p, 'utf8'));
    } catch {
      return [];
    }
  });
  return [...new Set(all)];
}
