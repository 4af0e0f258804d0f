/**
 * A container create's body, held whole before anything of it reaches
 * dockerd: the container guard must judge the request dockerd will read, so
 * nothing may be forwarded before the verdict. Bodies are small JSON; one
 * past the limit is held no further and the caller decides (block refuses
 * it, audit streams it on).
 */
import type { Readable, Writable } from 'node:stream';

export interface HeldBody {
  /** What arrived, in order. */
  chunks: Buffer[];
  /** The whole body arrived within the limit. */
  complete: boolean;
  /** The proxy wrote the body again (the container guard pinned what it names): its framing headers are the proxy's. */
  replaced?: boolean;
}

export function holdBody(stream: Readable, limit: number): Promise<HeldBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= limit) return;
      stream.pause();
      stop();
      resolve({ chunks, complete: false });
    };
    const onEnd = (): void => {
      stop();
      resolve({ chunks, complete: true });
    };
    const onError = (err: Error): void => {
      stop();
      reject(err);
    };
    // A client that goes away mid-body never ends it.
    const onClose = (): void => onError(new Error('the client closed the connection before its request body ended'));
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

/** The held body as one buffer; undefined when it was not held whole. */
export const heldBuffer = (held: HeldBody): Buffer | undefined => (held.complete ? Buffer.concat(held.chunks) : undefined);

/** Sends a held body on: what was held, then (if it was cut at the limit) the rest as it comes. */
export function releaseBody(held: HeldBody, from: Readable, to: Writable): void {
  for (const chunk of held.chunks) to.write(chunk);
  if (held.complete) to.end();
  else from.pipe(to);
}
