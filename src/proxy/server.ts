/**
 * A transparent Docker API proxy: every request is forwarded to the real
 * daemon as it comes, responses stream back as they come (logs -f, events,
 * build progress), and upgraded connections (attach, exec) become raw byte
 * pipes both ways, half-close included. Only a container create is looked
 * at: its caller is identified by SO_PEERCRED, and when the caller belongs to
 * a job the container's cgroup is staged before the client sees the reply,
 * so the container cannot start unwatched. A start or restart of a job's
 * container stages it again before dockerd sees the request (every start
 * makes a new cgroup), and an exec by a job into a container that is not
 * the job's is noted in the job's report.
 *
 * A job's create and exec create are held whole first: the container
 * guard judges them (container-policy: block answers 403 to a create that
 * would hand the job the host, and to docker exec --privileged) and every
 * one of them becomes a container_create or container_exec event, refused
 * or not, before dockerd sees a byte of it.
 *
 * A connection is piped raw only once dockerd has answered 101: before
 * that, an `Upgrade:` header is just a header, and whatever the client
 * sends after a non-101 answer is never forwarded unseen.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { peerPid } from '../native/peer.js';
import {
  cgroupDriverFromInfo,
  classify,
  containerCgroupBasename,
  createdId,
  mustInspect,
  requestedImage,
  requestedName,
  type CgroupDriver,
  type Classified,
} from './decide.js';
import type { ContainerInfo, ProxyRecord } from '../events/eventRecord.js';
import {
  decideCreate,
  decideExec,
  inspectedContainer,
  namedVolumes,
  pidContainer,
  readCreate,
  volumeDevice,
  volumesFrom,
  type CreateLookups,
  type JobGuard,
} from './containerGuard.js';
import { heldBuffer, holdBody, releaseBody, type HeldBody } from './createBody.js';
import { pipeAfterUpgrade, refuseUpgrade } from './upgrade.js';
import { VolumeGate } from './volumeGate.js';

export type { ContainerInfo };

export interface ProxyHooks {
  /** The job a process belongs to, if any. */
  jobOfPid(pid: number): string | undefined;
  /** Stages the container's cgroup basename for the job (kernel map and mirror). */
  stage(jobId: string, basename: string, container: ContainerInfo): void;
  /** Tells the job's report something it should know (e.g. a build ran). */
  note(jobId: string, message: string): void;
  /** The job's container guard; undefined when the job has no container policy. */
  guardOf(jobId: string): JobGuard | undefined;
  /** Records a create or exec create the job sent (its container_create or container_exec event), pid the docker client. */
  recorded(jobId: string, pid: number, record: ProxyRecord): void;
  log(message: string): void;
}

/** A job's create body is held up to this (small JSON); past it, block refuses it and audit streams it on. */
const MAX_INSPECTED_BYTES = 1 << 20;
/** A client has this long to send its request headers (slowloris). */
export const HEADERS_TIMEOUT_MS = 30_000;
/** Connections at once; past it new ones are closed at accept. */
export const MAX_CONNECTIONS = 512;

interface JobContainer {
  jobId: string;
  basename: string;
  info: ContainerInfo;
}

function upstreamError(res: http.ServerResponse, upstream: string, err: Error): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ message: `cicd-sensor docker proxy: the Docker daemon at ${upstream} is unavailable: ${err.message}` });
  res.writeHead(502, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** The client's headers for a body the proxy wrote again: its framing replaced by the new body's length. */
function withLength(raw: readonly string[], length: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name !== 'content-length' && name !== 'transfer-encoding') out.push(raw[i]!, raw[i + 1]!);
  }
  return [...out, 'Content-Length', String(length)];
}

/** A 403 naming what was refused; what the client still sends of an oversized body is never read: the connection ends with the answer. */
function refuseRequest(res: http.ServerResponse, message: string, held: HeldBody): void {
  const body = JSON.stringify({ message });
  res.writeHead(403, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(held.complete ? {} : { Connection: 'close' }) });
  res.end(body);
}

export class DockerProxy {
  private readonly server: http.Server;
  private readonly agent: http.Agent;
  private driver: CgroupDriver | undefined;
  /** Containers created by jobs through the proxy, by full id. */
  private readonly containers = new Map<string, JobContainer>();
  /** Volume changes and block creates that mount named volumes, kept apart in time. */
  private readonly volumeGate = new VolumeGate();

  constructor(
    private readonly upstream: string,
    private readonly hooks: ProxyHooks,
  ) {
    this.agent = new http.Agent({ keepAlive: true, socketPath: upstream } as http.AgentOptions);
    // No request timeout: bodies and streams (logs -f, events) last as long as they last.
    this.server = http.createServer({ requestTimeout: 0, headersTimeout: HEADERS_TIMEOUT_MS, keepAliveTimeout: 0 }, (req, res) =>
      this.route(req, res),
    );
    this.server.maxConnections = MAX_CONNECTIONS;
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
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

  /** Forgets the containers of a job that ended: a later start is no longer the job's. */
  forgetJob(jobId: string): void {
    for (const [id, c] of this.containers) if (c.jobId === jobId) this.containers.delete(id);
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const c = classify(req.method, req.url);
    if (c.kind === 'container-create') {
      this.create(req, res, c);
      return;
    }
    if (c.kind === 'exec-create') {
      this.exec(req, res, c);
      return;
    }
    if (c.kind === 'volume-change') {
      req.pause();
      void this.volumeGate.enter('volume').then((leave) => this.forward(req, res, c, undefined, leave));
      return;
    }
    if (c.kind !== 'container-start') {
      this.forward(req, res, c);
      return;
    }
    // Held until the container is known: a start must be staged before dockerd runs it.
    req.pause();
    this.restage(c.container!)
      .catch((err: Error) => this.hooks.log(`docker proxy: ${c.kind} of ${c.container}: ${err.message}`))
      .finally(() => this.forward(req, res, c));
  }

  /** The job of a request's caller (SO_PEERCRED), with the caller's pid; undefined when it is no job's. */
  private caller(req: http.IncomingMessage): { jobId: string; pid: number } | undefined {
    const pid = peerPid(req.socket);
    const jobId = pid === undefined ? undefined : this.hooks.jobOfPid(pid);
    return jobId === undefined ? undefined : { jobId, pid: pid! };
  }

  /** Tells the tracker of a job's request; a failure there loses the event, never the request. */
  private record(caller: { jobId: string; pid: number }, record: ProxyRecord): void {
    try {
      this.hooks.recorded(caller.jobId, caller.pid, record);
    } catch (err) {
      this.hooks.log(`docker proxy: the ${record.kind} event of job ${caller.jobId} was lost: ${(err as Error).message}`);
    }
  }

  /** A create by a job: held, judged, told as an event, then refused or forwarded; anyone else's goes as it comes. */
  private create(req: http.IncomingMessage, res: http.ServerResponse, c: Classified): void {
    const caller = this.caller(req);
    if (caller === undefined) {
      this.forward(req, res, c);
      return;
    }
    let leave: (() => void) | undefined;
    holdBody(req, MAX_INSPECTED_BYTES)
      .then(async (held) => {
        // Under block, the volumes it mounts may not change from their lookup to dockerd's answer (VolumeGate).
        const gated = this.hooks.guardOf(caller.jobId)?.mode === 'block' && namedVolumes(heldBuffer(held)).length > 0;
        if (gated) leave = await this.volumeGate.enter('create');
        // Only a gated create runs to dockerd's answer once its client left (forward's answered).
        this.judgeCreate(req, res, c, caller, held, await this.lookups(heldBuffer(held)), leave);
      })
      .catch((err: Error) => {
        leave?.();
        // The client went away mid-body, or judging failed: nothing of it reached dockerd.
        this.hooks.log(`docker proxy: a create of job ${caller.jobId} was dropped: ${err.message}`);
        res.destroy();
      });
  }

  /** What dockerd knows now of the volumes and containers a create names (see CreateLookups). */
  private async lookups(body: Buffer | undefined): Promise<CreateLookups> {
    const facts = body === undefined ? undefined : readCreate(body);
    if (facts === undefined || typeof facts === 'string') return {};
    const inspect = (name: string) => this.upstreamGet(`/containers/${encodeURIComponent(name)}/json`).then(inspectedContainer, () => undefined);
    const from = async (container: string) => {
      const found = await inspect(container);
      return { container, id: found?.id, binds: [...(found?.binds ?? []), ...(await this.volumeBinds(found?.volumes ?? []))] };
    };
    const pid = pidContainer(facts);
    const [volumeBinds, inherited, pidTarget] = await Promise.all([
      this.volumeBinds(namedVolumes(body)),
      Promise.all(volumesFrom(facts).map(from)),
      pid === undefined ? undefined : inspect(pid),
    ]);
    const pidJoinsHost = pidTarget !== undefined && (pidTarget.hostPid || (await this.joinsHostPid(pidTarget.pidContainer, 1)));
    return { volumeBinds, volumesFrom: inherited, pidJoinsHost, pidContainerId: pidTarget?.id };
  }

  /**
   * Whether the PID namespace of container name (--pid=container:name) is
   * the host's: it is privileged or has --pid=host, or joined one that does
   * (followed a few links deep; a longer chain counts as the host's).
   */
  private async joinsHostPid(name: string | undefined, depth = 0): Promise<boolean> {
    if (name === undefined) return false;
    if (depth >= 4) return true;
    const found = await this.upstreamGet(`/containers/${encodeURIComponent(name)}/json`).then(inspectedContainer, () => undefined);
    return found !== undefined && (found.hostPid || this.joinsHostPid(found.pidContainer, depth + 1));
  }

  /** The host directories of the named local volumes, as dockerd knows them now. */
  private async volumeBinds(names: string[]): Promise<string[]> {
    const devices = await Promise.all(names.map((n) => this.upstreamGet(`/volumes/${encodeURIComponent(n)}`).then(volumeDevice, () => undefined)));
    return devices.filter((d): d is string => d !== undefined);
  }

  private judgeCreate(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    c: Classified,
    caller: { jobId: string; pid: number },
    held: HeldBody,
    lookups: CreateLookups,
    leave: (() => void) | undefined,
  ): void {
    const decision = decideCreate(heldBuffer(held), requestedName(req.url ?? ''), this.hooks.guardOf(caller.jobId), lookups);
    this.record(caller, { kind: 'container_create', container_create: decision.event });
    if (decision.wouldRefuse) {
      this.hooks.note(caller.jobId, `container-policy audit: a create with ${decision.wouldRefuse} passed; block would have refused it.`);
    }
    if (decision.event.refusal === undefined) {
      this.forward(req, res, c, decision.body ? { chunks: [decision.body], complete: true, replaced: true } : held, leave);
      return;
    }
    leave?.();
    refuseRequest(res, decision.event.refusal, held);
  }

  /**
   * A job's exec create: held whole, judged (decideExec: block refuses
   * docker exec --privileged), told as a container_exec event, then refused
   * or forwarded; anyone else's goes as it comes.
   */
  private exec(req: http.IncomingMessage, res: http.ServerResponse, c: Classified): void {
    const caller = this.caller(req);
    if (caller === undefined) {
      this.forward(req, res, c);
      return;
    }
    holdBody(req, MAX_INSPECTED_BYTES)
      .then(async (held) => {
        const id = await this.containerId(c.container!).catch(() => undefined);
        const jobContainer = id !== undefined && this.containers.get(id)?.jobId === caller.jobId;
        const decision = decideExec(heldBuffer(held), { container: c.container!, id, jobContainer }, this.hooks.guardOf(caller.jobId));
        this.record(caller, { kind: 'container_exec', container_exec: decision.event });
        const where = `${c.container}${id ? ` (${id.slice(0, 12)})` : ''}`;
        if (!jobContainer) {
          this.hooks.note(caller.jobId, `The job ran docker exec in container ${where}, which it did not create through the proxy: what ran there is not recorded.`);
        }
        if (decision.wouldRefuse) {
          this.hooks.note(caller.jobId, `container-policy audit: ${decision.wouldRefuse} in container ${where} passed; block would have refused it.`);
        }
        if (decision.event.refusal === undefined) return this.forward(req, res, c, held);
        refuseRequest(res, decision.event.refusal, held);
      })
      .catch((err: Error) => {
        this.hooks.log(`docker proxy: an exec of job ${caller.jobId} was dropped: ${err.message}`);
        res.destroy();
      });
  }

  /** Re-arms staging for a job's container before it starts again. */
  private async restage(container: string): Promise<void> {
    const id = await this.containerId(container);
    const known = id === undefined ? undefined : this.containers.get(id);
    if (known) this.hooks.stage(known.jobId, known.basename, known.info);
  }

  /** The full id dockerd knows a container by (name, id or id prefix), from the upstream itself. */
  private async containerId(nameOrId: string): Promise<string | undefined> {
    const body = await this.upstreamGet(`/containers/${encodeURIComponent(nameOrId)}/json`);
    return createdId(body);
  }

  /** held: a job's create body, already read from req; answered: called once dockerd answered, or the request ended without. */
  private forward(req: http.IncomingMessage, res: http.ServerResponse, c: Classified, held?: HeldBody, answered?: () => void): void {
    // A client that left while its request waited (at the volume gate, for a restage) sent nothing dockerd could act on.
    if (req.destroyed && !held) {
      answered?.();
      res.destroy();
      return;
    }
    const kind = c.kind;
    const upReq = http.request({
      agent: this.agent,
      socketPath: this.upstream,
      method: req.method,
      path: req.url,
      headers: (held?.replaced ? withLength(req.rawHeaders, heldBuffer(held)!.length) : req.rawHeaders) as unknown as http.OutgoingHttpHeaders,
    });
    if (kind === 'build') this.noteBuild(req);
    upReq.on('error', (err) => {
      answered?.();
      upstreamError(res, this.upstream, err);
    });
    upReq.on('response', (upRes) => {
      answered?.();
      if (kind === 'container-create' && upRes.statusCode === 201) {
        this.relayCreate(req, res, upRes, held && heldBuffer(held));
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, upRes.rawHeaders);
      // Streaming endpoints (events, logs -f) send headers and then wait.
      res.flushHeaders();
      upRes.pipe(res);
      upRes.on('error', () => res.destroy());
    });
    res.on('close', () => {
      // A gated request runs to dockerd's answer though its client left (the gate is let go only then),
      // unless its body was cut short: dockerd cannot act on that, and might wait for the rest.
      if (!res.writableFinished && (!answered || !req.complete)) upReq.destroy();
    });
    if (held) releaseBody(held, req, upReq);
    else req.pipe(upReq);
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
    const basename = containerCgroupBasename(id, driver);
    this.containers.set(id, { jobId, basename, info: container });
    this.hooks.stage(jobId, basename, container);
  }

  /** Asked of the daemon once: which cgroup name a container will get. */
  private async cgroupDriver(): Promise<CgroupDriver> {
    if (this.driver) return this.driver;
    this.driver = cgroupDriverFromInfo(await this.upstreamGet('/info')) ?? 'cgroupfs';
    return this.driver;
  }

  private upstreamGet(path: string): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      http
        .get({ agent: this.agent, socketPath: this.upstream, path }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  }

  /**
   * attach and exec hijack their connection. A request the proxy must see
   * whole (create, start, exec) is refused with an Upgrade header; any
   * other goes upstream as the client sent it, and becomes a raw pipe only
   * if dockerd answers 101.
   */
  private upgrade(req: http.IncomingMessage, client: Duplex, head: Buffer): void {
    if (mustInspect(classify(req.method, req.url))) {
      refuseUpgrade(client, 400, 'this Docker API endpoint does not take an Upgrade header through the cicd-sensor docker proxy');
      return;
    }
    pipeAfterUpgrade(req, client, head, this.upstream);
  }
}
