// A git smart-HTTP server for tests: `git http-backend` behind a Node server on 127.0.0.1 that
// checks tokens the way GitHub does (basic auth, user x-access-token), answers 401 to unknown
// ones and 403 to a push with a read-only token, and records every Authorization header it got.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running HTTP remote. */
export interface HttpRemote {
  /** URL of a bare repository under the project root, e.g. url('origin.git'). */
  url(repository: string): string;
  /** The Authorization headers of each request, in order (several when a client sent several). */
  authorizations: string[][];
  /** The full request URLs, to check that no credential travelled in one. */
  urls: string[];
  stop(): Promise<void>;
}

function tokenOf(header: string | undefined): string | undefined {
  const m = /^basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const [user, token] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
  return user === 'x-access-token' ? token : undefined;
}

async function backend(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      REMOTE_USER: 'x-access-token',
      REMOTE_ADDR: '127.0.0.1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-encoding']
        ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
        : {}),
      ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  req.pipe(child.stdin);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  const out = Buffer.concat(chunks);
  const split = out.indexOf('\r\n\r\n');
  const head = out.subarray(0, split).toString('utf8');
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else if (name) headers[name] = value;
  }
  res.writeHead(status, headers);
  res.end(out.subarray(split + 4));
}

/** startHttpRemote serves the bare repositories under `root`; `tokens` says who may read or write. */
export async function startHttpRemote(
  root: string,
  tokens: Record<string, 'read' | 'write'>,
): Promise<HttpRemote> {
  const authorizations: string[][] = [];
  const urls: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    urls.push(req.url ?? '');
    const sent = req.headersDistinct['authorization'] ?? [];
    authorizations.push(sent);
    const token = sent.length === 1 ? tokenOf(sent[0]) : undefined;
    const access = token ? tokens[token] : undefined;
    if (!access) {
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="GitHub"',
        'content-type': 'text/plain',
      });
      res.end('Invalid username or token.\n');
      return;
    }
    const push =
      url.searchParams.get('service') === 'git-receive-pack' ||
      url.pathname.endsWith('/git-receive-pack');
    if (push && access !== 'write') {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(`Permission to ${url.pathname.split('/')[1]} denied to github-actions[bot].\n`);
      return;
    }
    backend(root, req, res, url).catch((error: Error) => {
      res.writeHead(500);
      res.end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (repository) => `http://127.0.0.1:${port}/${repository}`,
    authorizations,
    urls,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
