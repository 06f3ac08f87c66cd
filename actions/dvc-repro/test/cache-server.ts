// A stand-in for the GitHub Actions cache service, version 2: the Twirp JSON API that
// @actions/cache 6 calls when ACTIONS_CACHE_SERVICE_V2 is set (CreateCacheEntry,
// FinalizeCacheEntryUpload, GetCacheEntryDownloadURL, in
// @actions/cache/lib/generated/results/api/v1/cache.twirp-client.js), validating each call as the
// service does. The archive itself never passes through here: like the real service, it hands out
// SAS URLs of a real Azure blob container (Azurite), so @actions/cache moves the archive with its
// real Azure Storage client. @actions/cache only uses that client for hosts under
// .blob.core.windows.net, so the URLs name that host, and a forward proxy on 127.0.0.1 (given to
// the step as HTTP_PROXY, which the Azure SDK honours) sends those requests, and only those, to
// Azurite.
import { randomBytes } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import type { Azurite } from '@mlops-actions/testkit/azurite';

const SERVICE = 'github.actions.results.api.v1.CacheService';
/** The account host the real service's URLs use; the proxy maps it to Azurite. */
const BLOB_HOST = 'devstoreaccount1.blob.core.windows.net';
const CONTAINER = 'actions-cache';

interface Entry {
  id: number;
  key: string;
  version: string;
  blob: string;
  finalizedAt?: number;
  sizeBytes?: number;
}

/** A call the service refused, for tests that check the client only sends valid ones. */
export interface Rejection {
  method: string;
  code: string;
  msg: string;
}

/** A running cache service v2 stand-in, its blob proxy, and what it holds. */
export interface CacheServer {
  /** ACTIONS_RESULTS_URL. */
  url: string;
  /** The environment a runner gives a step for this service (v2, results URL, token, blob proxy). */
  env: Record<string, string>;
  /** Keys of the finalized entries, oldest first. */
  keys(): string[];
  /** How many Twirp calls were made, by method. */
  calls(method?: string): number;
  /** Calls refused with a Twirp error (other than the designed not-found and already-exists). */
  rejections(): Rejection[];
  /** Answer every Twirp call with this HTTP status from now on (a broken service), or undefined. */
  failWith(status: number | undefined): void;
  /**
   * holdFinalize keeps FinalizeCacheEntryUpload from answering until `until()` is true (checked
   * on each call; at most `timeoutMs`), so tests can make two jobs race for one key for certain.
   */
  holdFinalize(until: () => boolean, timeoutMs?: number): void;
  /** How many blob requests the proxy forwarded to Azurite. */
  blobRequests(): number;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Twirp's error codes and the HTTP status each maps to (twitchtv/twirp errors.go). */
const TWIRP_STATUS: Record<string, number> = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  internal: 500,
  unavailable: 503,
};

class TwirpError extends Error {
  readonly code: string;
  constructor(code: string, msg: string) {
    super(msg);
    this.code = code;
  }
}

/** Fields of one request message: name to JSON type, as protobuf's JSON mapping writes them. */
type Schema = Record<string, 'string' | 'int64' | 'string[]' | 'object'>;

const SCHEMAS: Record<string, Schema> = {
  CreateCacheEntry: { metadata: 'object', key: 'string', version: 'string' },
  FinalizeCacheEntryUpload: {
    metadata: 'object',
    key: 'string',
    size_bytes: 'int64',
    version: 'string',
  },
  GetCacheEntryDownloadURL: {
    metadata: 'object',
    key: 'string',
    restore_keys: 'string[]',
    version: 'string',
  },
};

/** parseMessage checks a request body against its message's fields, as protojson does. */
function parseMessage(method: string, body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new TwirpError('malformed', 'the json request could not be decoded');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TwirpError('malformed', 'the json request could not be decoded');
  }
  const schema = SCHEMAS[method]!;
  const message = value as Record<string, unknown>;
  for (const [field, v] of Object.entries(message)) {
    const type = schema[field];
    const ok =
      type === 'string'
        ? typeof v === 'string'
        : type === 'int64'
          ? (typeof v === 'string' && /^-?\d+$/.test(v)) || Number.isInteger(v)
          : type === 'string[]'
            ? Array.isArray(v) && v.every((s) => typeof s === 'string')
            : type === 'object'
              ? typeof v === 'object' && v !== null
              : false;
    if (!ok)
      throw new TwirpError('malformed', `the json request could not be decoded: field ${field}`);
  }
  return message;
}

/** checkKey applies the service's rules for a cache key. */
function checkKey(key: unknown, field: string): string {
  if (typeof key !== 'string' || key === '') {
    throw new TwirpError('invalid_argument', `${field} is required`);
  }
  if (key.length > 512)
    throw new TwirpError('invalid_argument', `${field} is longer than 512 characters`);
  if (key.includes(',')) throw new TwirpError('invalid_argument', `${field} cannot contain commas`);
  return key;
}

/** checkVersion: @actions/cache sends a SHA-256 of the paths and compression method. */
function checkVersion(version: unknown): string {
  if (typeof version !== 'string' || !/^[0-9a-f]{64}$/.test(version)) {
    throw new TwirpError('invalid_argument', 'version must be a SHA-256 hex digest');
  }
  return version;
}

/** startCacheServer listens on 127.0.0.1 (service and blob proxy) with ports the system picks. */
export async function startCacheServer(azurite: Azurite): Promise<CacheServer> {
  await azurite.createContainer(CONTAINER);
  const token = `test-runtime-token-${randomBytes(12).toString('hex')}`;
  const entries: Entry[] = [];
  const counts = new Map<string, number>();
  const rejected: Rejection[] = [];
  let nextId = 1;
  let failure: number | undefined;
  let hold: { until: () => boolean; deadline: number } | undefined;
  let forwarded = 0;

  const handlers: Record<string, (m: Record<string, unknown>) => Promise<unknown>> = {
    async CreateCacheEntry(m) {
      const key = checkKey(m['key'], 'key');
      const version = checkVersion(m['version']);
      // Entries are immutable: a second writer of the same key and version is refused, whether
      // the first has finalized yet or not.
      if (entries.some((e) => e.key === key && e.version === version)) {
        throw new TwirpError(
          'already_exists',
          'cache entry with the same key, version, and scope already exists',
        );
      }
      const entry: Entry = {
        id: nextId++,
        key,
        version,
        blob: `${randomBytes(16).toString('hex')}/cache.tzst`,
      };
      entries.push(entry);
      return {
        ok: true,
        signed_upload_url: azurite.signBlobUrl(CONTAINER, entry.blob, 'cw', {
          baseUrl: `http://${BLOB_HOST}`,
        }),
      };
    },
    async FinalizeCacheEntryUpload(m) {
      const key = checkKey(m['key'], 'key');
      const version = checkVersion(m['version']);
      const size = Number(m['size_bytes'] ?? 0);
      const entry = entries.find((e) => e.key === key && e.version === version && !e.finalizedAt);
      if (!entry)
        throw new TwirpError(
          'not_found',
          'no cache entry is being uploaded under this key and version',
        );
      while (hold && !hold.until() && Date.now() < hold.deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const uploaded = await azurite.blobSize(CONTAINER, entry.blob);
      if (uploaded === undefined)
        return { ok: false, message: 'the cache archive was not uploaded' };
      if (uploaded !== size) {
        return { ok: false, message: `the uploaded archive has ${uploaded} bytes, not ${size}` };
      }
      entry.sizeBytes = size;
      entry.finalizedAt = Date.now() + entry.id / 1000;
      return { ok: true, entry_id: String(entry.id) };
    },
    async GetCacheEntryDownloadURL(m) {
      const key = checkKey(m['key'], 'key');
      const version = checkVersion(m['version']);
      const restoreKeys = (m['restore_keys'] as string[] | undefined) ?? [];
      if (restoreKeys.length > 9) throw new TwirpError('invalid_argument', 'too many restore keys');
      for (const [i, k] of restoreKeys.entries()) checkKey(k, `restore_keys[${i}]`);
      const ready = entries
        .filter((e) => e.finalizedAt !== undefined && e.version === version)
        .sort((a, b) => (b.finalizedAt ?? 0) - (a.finalizedAt ?? 0));
      // The key exactly, then the newest entry whose key starts with it, then each restore key.
      const hit =
        ready.find((e) => e.key === key) ??
        [key, ...restoreKeys].map((p) => ready.find((e) => e.key.startsWith(p))).find(Boolean);
      if (!hit) return { ok: false };
      return {
        ok: true,
        signed_download_url: azurite.signBlobUrl(CONTAINER, hit.blob, 'r', {
          baseUrl: `http://${BLOB_HOST}`,
        }),
        matched_key: hit.key,
      };
    },
  };

  const twirp = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const method = new RegExp(`^/twirp/${SERVICE.replace(/\./g, '\\.')}/(\\w+)$`).exec(
      req.url ?? '',
    )?.[1];
    counts.set(method ?? '?', (counts.get(method ?? '?') ?? 0) + 1);
    try {
      if (failure) {
        res.writeHead(failure, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'internal', msg: 'the cache service is broken (test)' }));
        return;
      }
      if (req.method !== 'POST' || !method || !handlers[method]) {
        throw new TwirpError('bad_route', `no handler for path "${req.url}"`);
      }
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        throw new TwirpError(
          'bad_route',
          `unexpected Content-Type: "${req.headers['content-type']}"`,
        );
      }
      if (req.headers.authorization !== `Bearer ${token}`) {
        throw new TwirpError('unauthenticated', 'the runtime token is missing or wrong');
      }
      send(200, await handlers[method]!(parseMessage(method, body)));
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error;
      if (error.code !== 'already_exists' && error.code !== 'not_found') {
        rejected.push({ method: method ?? req.url ?? '', code: error.code, msg: error.message });
      }
      send(TWIRP_STATUS[error.code] ?? 500, { code: error.code, msg: error.message });
    }
  };

  const sockets = new Set<Socket>();
  const service: Server = createServer((req, res) => {
    twirp(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'internal', msg: String(error) }));
    });
  });

  // The forward proxy: absolute-form requests for the blob host go to Azurite's path-style
  // endpoint (the SAS signature covers /account/container/blob, not the host); anything else is
  // refused, so no request of a test ever leaves 127.0.0.1.
  const proxy: Server = createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    if (target.hostname !== BLOB_HOST || target.protocol !== 'http:') {
      res.writeHead(403).end(`the test proxy only forwards to ${BLOB_HOST}`);
      return;
    }
    forwarded++;
    const upstream = new URL(azurite.blobEndpoint);
    const headers: Record<string, string | string[] | undefined> = {
      ...req.headers,
      host: upstream.host,
    };
    delete headers['proxy-connection'];
    const out = httpRequest(
      {
        host: '127.0.0.1',
        port: azurite.port,
        method: req.method,
        path: `${upstream.pathname}${target.pathname}${target.search}`,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // Azurite gone: drop the client's connection, as a network failure would.
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  proxy.on('connect', (_req, socket: Socket) => socket.destroy());
  for (const server of [service, proxy]) {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const listen = (server: Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
  const servicePort = await listen(service);
  const proxyPort = await listen(proxy);
  const url = `http://127.0.0.1:${servicePort}/`;

  return {
    url,
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RESULTS_URL: url,
      ACTIONS_RUNTIME_TOKEN: token,
      HTTP_PROXY: `http://127.0.0.1:${proxyPort}`,
    },
    keys: () =>
      entries
        .filter((e) => e.finalizedAt !== undefined)
        .sort((a, b) => (a.finalizedAt ?? 0) - (b.finalizedAt ?? 0))
        .map((e) => e.key),
    calls: (method) =>
      method ? (counts.get(method) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0),
    rejections: () => [...rejected],
    failWith: (status) => {
      failure = status;
    },
    holdFinalize: (until, timeoutMs = 300_000) => {
      hold = { until, deadline: Date.now() + timeoutMs };
    },
    blobRequests: () => forwarded,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [service, proxy].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
      );
    },
  };
}
