/**
 * A fake of the GitHub Actions artifact service (v4 artifacts, as
 * @actions/artifact 6 speaks it), on 127.0.0.1, for tests of code that uploads
 * artifacts. Two parts, as on GitHub:
 *
 * - the results service's Twirp JSON API under ACTIONS_RESULTS_URL:
 *   CreateArtifact answers with a signed upload URL, FinalizeArtifact with the
 *   artifact id. Requests carry ACTIONS_RUNTIME_TOKEN as a bearer token; the
 *   client reads the run and job "backend ids" from that JWT's `scp` claim.
 * - Azure blob storage behind the signed URL: @azure/storage-blob's
 *   BlockBlobClient.uploadStream stages every chunk (PUT ?comp=block&blockid=)
 *   and commits them (PUT ?comp=blocklist, an XML list of block ids). A single
 *   PUT of the whole blob is accepted too.
 *
 * An artifact appears in `uploads` when it is finalized, as on GitHub.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upload {
  /** What FinalizeArtifact returned, and so what uploadArtifact returns as `id`. */
  id: number;
  name: string;
  /** Paths inside the zip, in archive order; `[name]` for an upload with skipArchive. */
  files: string[];
  /** Bytes stored, which the client's FinalizeArtifact `size` must match. */
  size: number;
  /** Days from CreateArtifact's expires_at, rounded; undefined when the client sent none. */
  retentionDays?: number;
  /** The blob as uploaded: the zip, unless the client used skipArchive. */
  content: Buffer;
  mimeType?: string;
  /** FinalizeArtifact's hash, `sha256:<hex>` of the content. */
  hash?: string;
}

export interface ArtifactServer {
  /** http://127.0.0.1:<port>, for ACTIONS_RESULTS_URL. */
  url: string;
  /** Environment for the artifact client: set it in process.env before uploading. */
  env(): Record<string, string>;
  uploads: Upload[];
  /** Every request, as `METHOD /path` plus `?comp=...` for blob requests: the protocol as spoken. */
  requests: string[];
  close(): Promise<void>;
}

export interface ArtifactServerOptions {
  /** The backend ids put in the token; the service keys artifact names by run. */
  runId?: string;
  jobId?: string;
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
const BLOB_PREFIX = '/devstoreaccount1/actions-results/';
const DAY_MS = 86_400_000;

/**
 * An unsigned JWT in the shape of ACTIONS_RUNTIME_TOKEN. @actions/artifact
 * decodes it without verifying (jwt-decode) and takes the backend ids from the
 * space-separated `scp` claim's `Actions.Results:<runId>:<jobId>` scope.
 */
export function runtimeToken(runId: string, jobId: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { scp: `Actions.GenericRead:x Actions.Results:${runId}:${jobId}`, iat: now, exp: now + 3600 };
  return `${part({ typ: 'JWT', alg: 'none' })}.${part(claims)}.`;
}

/** Created, not yet finalized. */
interface Pending {
  id: number;
  name: string;
  mimeType?: string;
  retentionDays?: number;
  blobPath: string;
  sig: string;
  blocks: Map<string, Buffer>;
  blob?: Buffer;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startArtifactServer(opts: ArtifactServerOptions = {}): Promise<ArtifactServer> {
  const runId = opts.runId ?? 'run-backend-id';
  const jobId = opts.jobId ?? 'job-backend-id';
  const token = runtimeToken(runId, jobId);
  const uploads: Upload[] = [];
  const requests: string[] = [];
  const pending = new Map<string, Pending>();
  const byBlobPath = new Map<string, Pending>();
  let nextId = 1001;
  let origin = '';

  function createArtifact(req: Record<string, unknown>): object {
    const name = String(req.name ?? '');
    if (req.workflow_run_backend_id !== runId || req.workflow_job_run_backend_id !== jobId) {
      throw new TwirpError(400, 'invalid_argument', 'backend ids do not match the token');
    }
    // v4 artifacts are immutable: one name per run.
    if (pending.has(name) || uploads.some((u) => u.name === name)) {
      throw new TwirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run`);
    }
    const id = nextId++;
    const expiresAt = typeof req.expires_at === 'string' ? Date.parse(req.expires_at) : undefined;
    const entry: Pending = {
      id,
      name,
      ...(typeof req.mime_type === 'string' && { mimeType: req.mime_type }),
      ...(expiresAt !== undefined && { retentionDays: Math.round((expiresAt - Date.now()) / DAY_MS) }),
      blobPath: `${BLOB_PREFIX}${runId}/${id}`,
      sig: randomBytes(12).toString('hex'),
      blocks: new Map(),
    };
    pending.set(name, entry);
    byBlobPath.set(entry.blobPath, entry);
    return { ok: true, signed_upload_url: `${origin}${entry.blobPath}?sv=2023-11-03&sr=b&sp=cw&sig=${entry.sig}` };
  }

  function finalizeArtifact(req: Record<string, unknown>): object {
    const entry = pending.get(String(req.name ?? ''));
    if (entry === undefined) throw new TwirpError(404, 'not_found', 'no artifact created with this name');
    if (entry.blob === undefined) throw new TwirpError(400, 'failed_precondition', 'the blob was never committed');
    if (String(req.size) !== String(entry.blob.length)) {
      throw new TwirpError(400, 'invalid_argument', `size ${req.size} but ${entry.blob.length} bytes were uploaded`);
    }
    const content = entry.blob;
    const upload: Upload = {
      id: entry.id,
      name: entry.name,
      files: entry.mimeType === 'application/zip' ? readZipNames(content) : [entry.name],
      size: content.length,
      content,
      ...(entry.retentionDays !== undefined && { retentionDays: entry.retentionDays }),
      ...(entry.mimeType !== undefined && { mimeType: entry.mimeType }),
      ...(typeof req.hash === 'string' && { hash: req.hash }),
    };
    pending.delete(entry.name);
    byBlobPath.delete(entry.blobPath);
    uploads.push(upload);
    return { ok: true, artifact_id: String(entry.id) };
  }

  async function twirp(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    try {
      if (req.method !== 'POST') throw new TwirpError(404, 'bad_route', 'Twirp wants POST');
      if (req.headers.authorization !== `Bearer ${token}`) throw new TwirpError(401, 'unauthenticated', 'bad token');
      const body = parseJson((await readBody(req)).toString('utf8'));
      const handlers: Record<string, (r: Record<string, unknown>) => object> = {
        CreateArtifact: createArtifact,
        FinalizeArtifact: finalizeArtifact,
      };
      const handler = handlers[method];
      if (handler === undefined) throw new TwirpError(404, 'bad_route', `${method} is not faked`);
      sendJson(res, 200, handler(body));
    } catch (e) {
      // Always JSON: the client treats an unparsable body as retryable and
      // sleeps seconds before trying again.
      if (e instanceof TwirpError) sendJson(res, e.status, { code: e.code, msg: e.message });
      else sendJson(res, 500, { code: 'internal', msg: String(e) });
    }
  }

  async function blob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const entry = byBlobPath.get(url.pathname);
    if (entry === undefined || url.searchParams.get('sig') !== entry.sig) {
      return sendStorageError(res, 403, 'AuthenticationFailed', 'unknown blob or signature');
    }
    if (req.method !== 'PUT') return sendStorageError(res, 405, 'UnsupportedHttpVerb', `${req.method}`);
    const body = await readBody(req);
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (blockId === null) return sendStorageError(res, 400, 'InvalidQueryParameterValue', 'blockid');
      entry.blocks.set(blockId, body);
    } else if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)];
      const parts = ids.map((m) => entry.blocks.get(m[2]));
      if (parts.some((p) => p === undefined)) return sendStorageError(res, 400, 'InvalidBlockList', 'unknown block');
      entry.blob = Buffer.concat(parts as Buffer[]);
      entry.blocks.clear();
    } else if (comp === null) {
      entry.blob = body;
    } else {
      return sendStorageError(res, 400, 'InvalidQueryParameterValue', `comp=${comp}`);
    }
    res.writeHead(201, {
      etag: `"0x${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-server-encrypted': 'true',
      'content-length': '0',
    });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const comp = url.searchParams.get('comp');
    requests.push(`${req.method} ${url.pathname}${comp === null ? '' : `?comp=${comp}`}`);
    const work = url.pathname.startsWith(SERVICE)
      ? twirp(req, res, url.pathname.slice(SERVICE.length))
      : url.pathname.startsWith(BLOB_PREFIX)
        ? blob(req, res, url)
        : Promise.resolve(sendJson(res, 404, { code: 'bad_route', msg: url.pathname }));
    work.catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', msg: String(e) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    uploads,
    requests,
    env: () => ({
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: `${origin}/`,
      // Anything but github.com, *.ghe.com or *.localhost is taken for GHES,
      // where the client refuses to upload.
      GITHUB_SERVER_URL: 'https://github.com',
      // @azure/storage-blob, unlike @actions/http-client, sends loopback
      // traffic to HTTPS_PROXY unless NO_PROXY says otherwise.
      NO_PROXY: withLoopback(process.env.NO_PROXY),
      no_proxy: withLoopback(process.env.no_proxy),
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function withLoopback(list: string | undefined): string {
  return list ? `${list},127.0.0.1` : '127.0.0.1';
}

function parseJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new TwirpError(400, 'malformed', 'the request body is not JSON');
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Azure's error shape: the SDK reads the code from the header and the XML body. */
function sendStorageError(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code });
  res.end(xml);
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * The entry names of a zip, from its central directory. Enough for what
 * archiver writes for small test files; zip64 archives (over 4 GiB or 65,535
 * entries) are refused rather than misread.
 */
export function readZipNames(zip: Buffer): string[] {
  // The end record is 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_ENTRY) throw new Error(`bad central directory entry ${n}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
