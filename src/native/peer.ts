/** Who is behind a connected unix socket, through the native library's SO_PEERCRED. */
import type { Socket } from 'node:net';
import { nativeApi } from './ffi.js';

export interface PeerCred {
  pid: number;
  uid: number;
  gid: number;
}

function socketFd(socket: Socket): number | undefined {
  // libuv keeps the descriptor on the handle; there is no public accessor.
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  return fd === undefined || fd < 0 ? undefined : fd;
}

export function peerPid(socket: Socket): number | undefined {
  const fd = socketFd(socket);
  if (fd === undefined) return undefined;
  const pid = nativeApi().cs_peer_pid(fd);
  return pid > 0 ? pid : undefined;
}

/** The credentials the kernel recorded when the peer connected. */
export function peerCred(socket: Socket): PeerCred | undefined {
  const fd = socketFd(socket);
  if (fd === undefined) return undefined;
  const out = new Int32Array(3);
  if (nativeApi().cs_peer_cred(fd, out) !== 0) return undefined;
  return { pid: out[0], uid: out[1] >>> 0, gid: out[2] >>> 0 };
}
