/** The pid behind a connected unix socket, through the native library's SO_PEERCRED. */
import type { Socket } from 'node:net';
import { nativeApi } from './ffi.js';

export function peerPid(socket: Socket): number | undefined {
  // libuv keeps the descriptor on the handle; there is no public accessor.
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (fd === undefined || fd < 0) return undefined;
  const pid = nativeApi().cs_peer_pid(fd);
  return pid > 0 ? pid : undefined;
}
