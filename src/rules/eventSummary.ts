/** One line naming what an event did, for a finding's `summary` (annotations, tables). */
import type { EventRecord } from '../events/eventRecord.js';

const MAX_ARGV = 200;

function commandLine(e: EventRecord): string {
  const argv = e.process.argv.length > 0 ? e.process.argv.join(' ') : e.process.exec_path;
  return argv.length > MAX_ARGV ? `${argv.slice(0, MAX_ARGV)}…` : argv;
}

const hostPort = (address: string, port: number): string => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);

const DESCRIBE: Record<string, (e: EventRecord) => string> = {
  process_exec: (e) => `executed ${e.process.exec_path}${e.process.memfd ? ' from a memfd' : ''}: ${commandLine(e)}`,
  process_exit: (e) => `exited: ${e.process.exec_path}`,
  network_connect: (e) => `connected (${e.network?.protocol ?? '?'}) to ${e.network ? hostPort(e.network.address, e.network.port) : '?'}${e.network?.domain ? ` (${e.network.domain})` : ''}`,
  file_open: (e) => `opened ${e.file?.path ?? '?'} for ${e.file?.access ?? 'access'}`,
  file_remove: (e) => `removed ${e.file?.is_dir || e.file?.directory ? 'directory ' : ''}${e.file?.path ?? '?'}`,
  file_move: (e) => `moved ${e.file?.path ?? '?'} to ${e.file?.target_path ?? '?'}`,
  file_link: (e) => `linked ${e.file?.target_path ?? '?'} to ${e.file?.path ?? '?'} (${e.file?.link_type ?? 'link'})`,
  domain: (e) => `looked up ${e.domain?.name ?? '?'} (${e.domain?.source ?? '?'})`,
  unix_socket_connect: (e) => `connected to unix socket ${e.unix_socket?.path ?? '?'}`,
  mount: (e) => `mounted ${e.mount?.source ?? '?'} on ${e.mount?.target ?? '?'}`,
  http_request: (e) => `sent HTTP ${e.http?.method ?? '?'} ${e.http?.host ?? '?'}${e.http?.path ?? ''}`,
  process_access: (e) => `${e.access?.operation ?? 'accessed'}${e.access?.request ? ` ${e.access.request}` : ''} on pid ${e.access?.target.pid ?? '?'} (${e.access?.target.exec_path ?? '?'})`,
  container_create: (e) => `${e.container_create?.refused ? 'was refused a container' : 'created a container'} of ${e.container_create?.image || '?'}${e.container_create?.refusal ? `: ${e.container_create.refusal}` : ''}`,
  container_exec: (e) => {
    const x = e.container_exec;
    const what = `${x?.privileged ? 'a privileged ' : ''}docker exec in ${x?.container ?? '?'}${x?.user ? ` as user ${x.user}` : ''}`;
    return `${x?.refused ? `was refused ${what}` : `ran ${what}`}: ${(x?.cmd ?? []).join(' ').slice(0, MAX_ARGV)}`;
  },
};

export function eventSummary(e: EventRecord): string {
  const what = (DESCRIBE[e.kind] ?? ((x: EventRecord) => x.kind))(e);
  return `${e.process.exec_path.split('/').pop() ?? e.process.exec_path} ${what}`;
}
