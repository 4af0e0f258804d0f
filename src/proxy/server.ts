/**
 * A transparent Docker API proxy: every request is forwarded to the real
 * daemon as it comes, responses stream back as they come (logs -f, events,
 * build progress), and upgraded connections (attach, exec) become raw byte
 * pipes both ways, half-close included. Only a container create is looked
 * at: its caller is identified by SO_PEERCRED, and when the caller belongs to
 * a job the container's cgroup is staged before the client sees the reply,
 * so the container cannot start unwatched.
 */
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { peerPid } from '../native/peer.js';
import {
  cgroupDriverFromInfo,
  classify,
  containerCgroupBasename,
  createdId,
  requestedImage,
  requestedName,
  type CgroupDriver,
} from './decide.js';
import type { ContainerInfo } from '../events/eventRecord.js';

export type { ContainerInfo };

export interface ProxyHooks {
  /** The job a process belongs to, if any. */
  jobOfPid(pid: number): string | undefined;
  /** Stages the container's cgroup basename for the job (kernel map and mirror). */
  stage(jobId: string, basename: string, container: ContainerInfo): void;
  /** Tells the job's report something it should know (e.g. a build ran). */
  note(jobId: string, message: string): void;
  log(message: string): void;
}

/** Bodies looked at are small JSON; anything bigger is forwarded, not kept. */
const MAX_INSPECTED_BYTES = 1 << 20;

function upstreamError(res: http.ServerResponse, upstream: string, err: Error): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${upstream} is unavailable: ${err.message}` });
  res.writeHead(502, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Collects up to MAX_INSPECTED_BYTES of a stream that keeps flowing on. */
function tee(stream: NodeJS.ReadableStream): () => Buffer | undefined {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  stream.on('data', (chunk: Buffer) => {
    if (overflow) return;
    size += chunk.length;
    if (size > MAX_INSPECTED_BYTES) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(chunk);
  });
  return () => (overflow ? undefined : Buffer.concat(chunks));
}

export class DockerProxy {
  private readonly server: http.Server;
  private readonly agent: http.Agent;
  private driver: CgroupDriver | undefined;

  constructor(
    private readonly upstream: string,
    private readonly hooks: ProxyHooks,
  ) {
    this.agent = new http.Agent({ keepAlive: true, socketPath: upstream } as http.AgentOptions);
    this.server = http.createServer({ requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 0 }, (req, res) =>
      this.forward(req, res),
    );
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => this.pipeUpgrade(req, socket, head));
    this.server.on('clientError', (_err, socket) => socket.destroy());
  }

  listen(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(path, () => resolve());
    });
  }

  close(): void {
    this.server.close();
    this.server.closeAllConnections();
    this.agent.destroy();
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const kind = classify(req.method, req.url);
    const upReq = http.request({
      agent: this.agent,
      socketPath: this.upstream,
      method: req.method,
      path: req.url,
      headers: req.rawHeaders as unknown as http.OutgoingHttpHeaders,
    });
    const requestBody = kind === 'container-create' ? tee(req) : undefined;
    if (kind === 'build') this.noteBuild(req);
    upReq.on('error', (err) => upstreamError(res, this.upstream, err));
    upReq.on('response', (upRes) => {
      if (kind === 'container-create' && upRes.statusCode === 201) {
        this.relayCreate(req, res, upRes, requestBody?.());
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, upRes.rawHeaders);
      // Streaming endpoints (events, logs -f) send headers and then wait.
      res.flushHeaders();
      upRes.pipe(res);
      upRes.on('error', () => res.destroy());
    });
    res.on('close', () => {
      if (!res.writableFinished) upReq.destroy();
    });
    req.pipe(upReq);
  }

  private noteBuild(req: http.IncomingMessage): void {
    const pid = peerPid(req.socket);
    const jobId = pid === undefined ? undefined : this.hooks.jobOfPid(pid);
    if (jobId === undefined) return;
    this.hooks.note(
      jobId,
      'docker build ran through the proxy: its RUN steps execute in containers the builder creates itself, which are not attributed to the job.',
    );
  }

  /** Holds the create reply until the container's cgroup is staged. */
  private relayCreate(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    upRes: http.IncomingMessage,
    requestBody: Buffer | undefined,
  ): void {
    const chunks: Buffer[] = [];
    upRes.on('data', (c: Buffer) => chunks.push(c));
    upRes.on('error', () => res.destroy());
    upRes.on('end', () => {
      const body = Buffer.concat(chunks);
      const done = (): void => {
        res.writeHead(upRes.statusCode ?? 201, upRes.statusMessage, upRes.rawHeaders);
        res.end(body);
      };
      this.stageCreate(req, body, requestBody).then(done, (err: Error) => {
        this.hooks.log(`docker proxy: staging failed: ${err.message}`);
        done();
      });
    });
  }

  private async stageCreate(req: http.IncomingMessage, body: Buffer, requestBody: Buffer | undefined): Promise<void> {
    const pid = peerPid(req.socket);
    const jobId = pid === undefined ? undefined : this.hooks.jobOfPid(pid);
    const id = createdId(body);
    if (jobId === undefined || id === undefined) return;
    const driver = await this.cgroupDriver();
    const container: ContainerInfo = { id, name: requestedName(req.url ?? ''), image: requestedImage(requestBody) };
    this.hooks.stage(jobId, containerCgroupBasename(id, driver), container);
  }

  /** Asked of the daemon once: which cgroup name a container will get. */
  private async cgroupDriver(): Promise<CgroupDriver> {
    if (this.driver) return this.driver;
    const body = await new Promise<Buffer>((resolve, reject) => {
      http
        .get({ agent: this.agent, socketPath: this.upstream, path: '/info' }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    this.driver = cgroupDriverFromInfo(body) ?? 'cgroupfs';
    return this.driver;
  }

  /**
   * attach and exec hijack their connection. The request goes upstream as
   * the client sent it, and from then on bytes flow both ways untouched; an
   * end from either side is passed on as a half-close.
   */
  private pipeUpgrade(req: http.IncomingMessage, client: Duplex, head: Buffer): void {
    const up = net.connect({ path: this.upstream, allowHalfOpen: true });
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    up.on('connect', () => {
      up.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) up.write(head);
      client.pipe(up);
      up.pipe(client);
    });
    up.on('error', (err) => {
      if (!client.destroyed) {
        const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${this.upstream} is unavailable: ${err.message}` });
        client.end(`HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      }
    });
    client.on('error', () => up.destroy());
    // end, not destroy, after a clean close: what was piped must still arrive.
    up.on('close', (hadError) => (hadError ? client.destroy() : client.end()));
    client.on('close', () => up.destroy());
  }
}
