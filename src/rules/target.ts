/**
 * Which repositories a rule applies to: `target` include/exclude lists of
 * {provider_host, path}, path a prefix of owner/repo taken at a `/`
 * boundary (so `acme` covers acme/app but not acme-evil/app), exclude
 * winning, no include meaning every repository.
 */
import type { TargetRef, TargetSpec } from './specs.js';

export interface Repository {
  /** e.g. github.com */
  readonly providerHost: string;
  /** owner/repo; undefined outside a CI job (then only rules without include apply) */
  readonly path?: string;
}

function matches(ref: TargetRef, repo: Repository): boolean {
  if (ref.provider_host !== undefined && ref.provider_host.toLowerCase() !== repo.providerHost.toLowerCase()) return false;
  if (ref.path === undefined) return true;
  if (repo.path === undefined) return false;
  const want = ref.path.toLowerCase().replace(/\/+$/, '');
  const have = repo.path.toLowerCase();
  return have === want || have.startsWith(`${want}/`);
}

export function appliesTo(target: TargetSpec, repo: Repository): boolean {
  if (target.exclude.some((ref) => matches(ref, repo))) return false;
  return target.include.length === 0 || target.include.some((ref) => matches(ref, repo));
}
