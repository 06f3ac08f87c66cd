// A stand-in for the GitHub Actions cache service, protocol v1 (`_apis/artifactcache`, what
// @actions/cache speaks when ACTIONS_CACHE_URL is set, as on GitHub Enterprise Server): look up by
// key and prefix, reserve, upload in ranges, commit, download. Enough to restore and save for real.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

interface Entry {
  id: number;
  key: string;
  version: string;
  chunks: { start: number; data: Buffer }[];
  archive?: Buffer;
  committedAt?: number;
}

/** A running cache service: its URL for ACTIONS_CACHE_URL, what it holds, and how to stop it. */
export interface CacheServer {
  /** Base URL, ending with `/`, for ACTIONS_CACHE_URL. */
  url: string;
  /** The environment a runner gives a step for this service. */
  env: Record<string, string>;
  /** Keys of the committed entries, oldest first. */
  keys(): string[];
  /** Answer every API call with this HTTP status from now on (a broken service), or undefined. */
  failWith(status: number | undefined): void;
  /** How many API calls were made. */
  requests(): number;
  stop(): Promise<void>;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, value?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(value === undefined ? '' : JSON.stringify(value));
}

/** startCacheServer listens on 127.0.0.1 with a port the system picks. */
export async function startCacheServer(): Promise<CacheServer> {
  const entries: Entry[] = [];
  let nextId = 1;
  let failure: number | undefined;
  let calls = 0;
  let base = '';

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const data = await body(req);
    const download = /^\/download\/(\d+)$/.exec(url.pathname);
    if (download && req.method === 'GET') {
      const entry = entries.find((e) => e.id === Number(download[1]));
      if (!entry?.archive) return json(res, 404);
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': entry.archive.length,
      });
      res.end(entry.archive);
      return;
    }
    calls++;
    if (failure) return json(res, failure, { message: 'the cache service is broken (test)' });
    const path = url.pathname.replace(/^\/_apis\/artifactcache\//, '');
    if (req.method === 'GET' && path === 'cache') {
      const version = url.searchParams.get('version') ?? '';
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
      const committed = entries.filter((e) => e.committedAt !== undefined && e.version === version);
      const newest = (list: Entry[]) =>
        list.sort((a, b) => (b.committedAt ?? 0) - (a.committedAt ?? 0))[0];
      for (const key of keys) {
        const hit =
          committed.find((e) => e.key === key) ??
          newest(committed.filter((e) => e.key.startsWith(key)));
        if (hit) {
          return json(res, 200, {
            cacheKey: hit.key,
            scope: 'refs/heads/main',
            archiveLocation: `${base}download/${hit.id}`,
          });
        }
      }
      return json(res, 204);
    }
    if (req.method === 'POST' && path === 'caches') {
      const { key, version } = JSON.parse(data.toString('utf8')) as {
        key: string;
        version: string;
      };
      if (entries.some((e) => e.key === key && e.version === version)) {
        return json(res, 409, {
          message: `Cache already exists. Scope: refs/heads/main, Key: ${key}, Version: ${version}`,
        });
      }
      const entry: Entry = { id: nextId++, key, version, chunks: [] };
      entries.push(entry);
      return json(res, 201, { cacheId: entry.id });
    }
    const chunk = /^caches\/(\d+)$/.exec(path);
    const entry = chunk ? entries.find((e) => e.id === Number(chunk[1])) : undefined;
    if (chunk && !entry) return json(res, 404);
    if (entry && req.method === 'PATCH') {
      const start = Number(/bytes (\d+)-/.exec(req.headers['content-range'] ?? '')?.[1] ?? 0);
      entry.chunks.push({ start, data });
      return json(res, 204);
    }
    if (entry && req.method === 'POST') {
      const { size } = JSON.parse(data.toString('utf8')) as { size: number };
      const archive = Buffer.alloc(size);
      for (const c of entry.chunks) c.data.copy(archive, c.start);
      entry.archive = archive;
      entry.committedAt = Date.now() + entry.id / 1000;
      return json(res, 204);
    }
    return json(res, 404, { message: `no route for ${req.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  base = `http://127.0.0.1:${port}/`;
  return {
    url: base,
    env: { ACTIONS_CACHE_URL: base, ACTIONS_RUNTIME_TOKEN: 'test-runtime-token' },
    keys: () => entries.filter((e) => e.committedAt !== undefined).map((e) => e.key),
    failWith: (status) => {
      failure = status;
    },
    requests: () => calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
