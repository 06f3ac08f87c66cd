// A real container registry for tests (Debian's `docker-registry`, the CNCF distribution server) on
// 127.0.0.1 with its storage in a temporary folder, and a proxy in front of it that fails chosen
// requests, so push retries are tested against the real protocol.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './child.ts';
import { scratchDir } from './tmp.ts';

/** A running registry. */
export interface LocalRegistry {
  /** `127.0.0.1:<port>`, the host part of image references. */
  host: string;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The registry's storage folder. */
  storageDir: string;
  /** Everything the registry logged. */
  log(): string;
  stop(): Promise<void>;
}

/** How to start the registry. */
export interface LocalRegistryOptions {
  /** Users and passwords: when set, every request needs HTTP basic auth as one of them. */
  users?: Record<string, string>;
  /** The program (default `docker-registry` on PATH, as Debian installs it). */
  binary?: string;
  /** How long to wait for the registry to listen (default 15 s). */
  startTimeoutMs?: number;
}

/** registryConfig renders the distribution config: filesystem storage, 127.0.0.1 on a free port. */
export function registryConfig(storageDir: string, htpasswdFile?: string): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(storageDir)}`,
    '  delete:',
    '    enabled: true',
    'http:',
    '  addr: 127.0.0.1:0',
    // Relative upload locations, so clients keep talking to a proxy in front (HTTP or HTTPS).
    '  relativeurls: true',
    '  secret: test-only-upload-secret',
  ];
  if (htpasswdFile) {
    lines.push(
      'auth:',
      '  htpasswd:',
      '    realm: test-registry',
      `    path: ${JSON.stringify(htpasswdFile)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** htpasswd renders an htpasswd file with bcrypt hashes, the only kind the registry accepts. */
export async function htpasswd(users: Record<string, string>): Promise<string> {
  const { default: bcrypt } = await import('bcryptjs');
  // Cost 4, the lowest: these hashes guard a throwaway test registry, and tests should be quick.
  return Object.entries(users)
    .map(([user, password]) => `${user}:${bcrypt.hashSync(password, 4)}\n`)
    .join('');
}

/** startRegistry starts `docker-registry serve` on 127.0.0.1 and waits until it listens. */
export async function startRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  const root = scratchDir('registry-');
  const storageDir = join(root, 'storage');
  let htpasswdFile: string | undefined;
  if (options.users) {
    htpasswdFile = join(root, 'htpasswd');
    writeFileSync(htpasswdFile, await htpasswd(options.users));
  }
  const configFile = join(root, 'config.yml');
  writeFileSync(configFile, registryConfig(storageDir, htpasswdFile));
  const child = spawn(options.binary ?? 'docker-registry', ['serve', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: root },
  });
  let log = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`docker-registry did not start listening in time:\n${log}`));
    }, options.startTimeoutMs ?? 15_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new Error('docker-registry is not installed (Debian: apt-get install docker-registry)')
          : error,
      );
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`docker-registry exited with code ${code}:\n${log}`));
    });
  });
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `http://${host}`,
    storageDir,
    log: () => log,
    stop: async () => {
      await stopChild(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The kinds of registry request a failure rule can pick. */
export type RegistryRequestKind =
  | 'ping'
  | 'manifest-put'
  | 'manifest-get'
  | 'blob-head'
  | 'blob-upload'
  | 'blob-get'
  | 'other';

/** requestKind tells what a registry API request does, from its method and path. */
export function requestKind(method: string, path: string): RegistryRequestKind {
  const p = path.split('?')[0] ?? '';
  if (p === '/v2/' || p === '/v2') return 'ping';
  if (/\/manifests\/[^/]+$/.test(p)) return method === 'PUT' ? 'manifest-put' : 'manifest-get';
  if (/\/blobs\/uploads\//.test(p)) return 'blob-upload';
  if (/\/blobs\/[^/]+$/.test(p)) return method === 'HEAD' ? 'blob-head' : 'blob-get';
  return 'other';
}

/** One rule: fail the first `count` requests of a kind, with an HTTP status or a reset connection. */
export interface FailureRule {
  kind: RegistryRequestKind | 'any';
  count: number;
  /** An HTTP status (such as 503), or 'reset' to drop the connection without an answer. */
  failWith: number | 'reset';
}

/** One request the proxy saw. */
export interface ProxiedRequest {
  method: string;
  path: string;
  kind: RegistryRequestKind;
  /** The status returned, or 'reset'. */
  status: number | 'reset';
  /** True when the proxy failed it on purpose. */
  injected: boolean;
}

/** A proxy in front of a registry that fails chosen requests. */
export interface RetryProxy {
  host: string;
  url: string;
  /** Every request so far, in order. */
  requests: ProxiedRequest[];
  /** Sets new failure rules (counting starts again). */
  setFailures(rules: FailureRule[]): void;
  stop(): Promise<void>;
}

/**
 * startRetryProxy listens on 127.0.0.1 and forwards every request to `target` (a registry's
 * host:port) unchanged, keeping the Host header so upload locations point back at the proxy, but
 * answers the first `count` requests matching each rule with its failure instead.
 */
export async function startRetryProxy(
  target: string,
  rules: FailureRule[] = [],
  options: { tls?: TestCertificate } = {},
): Promise<RetryProxy> {
  let active = rules.map((r) => ({ ...r, left: r.count }));
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const [targetHost, targetPort] = target.split(':');
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const kind = requestKind(method, path);
    const rule = active.find((r) => r.left > 0 && (r.kind === 'any' || r.kind === kind));
    if (rule) {
      rule.left--;
      requests.push({ method, path, kind, status: rule.failWith, injected: true });
      req.resume();
      if (rule.failWith === 'reset') {
        req.socket.destroy();
      } else {
        const body = JSON.stringify({
          errors: [{ code: 'UNAVAILABLE', message: 'injected failure' }],
        });
        res.writeHead(rule.failWith, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      }
      return;
    }
    const upstream = request(
      {
        host: targetHost,
        port: Number(targetPort),
        method,
        path,
        headers: { ...req.headers, 'x-forwarded-proto': options.tls ? 'https' : 'http' },
      },
      (answer) => {
        requests.push({ method, path, kind, status: answer.statusCode ?? 0, injected: false });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      requests.push({ method, path, kind, status: 502, injected: false });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  };
  const server: Server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `${options.tls ? 'https' : 'http'}://${host}`,
    requests,
    setFailures(next) {
      active = next.map((r) => ({ ...r, left: r.count }));
    },
    stop: () =>
      new Promise<void>((resolveStop) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolveStop());
      }),
  };
}

/** A self-signed certificate for 127.0.0.1, and a CA bundle that trusts it. */
export interface TestCertificate {
  key: string;
  cert: string;
  /**
   * The system CA bundle (when there is one) plus this certificate: point SSL_CERT_FILE at it and
   * Go tools (buildah, skopeo) trust the proxy, since login has no per-registry insecure setting.
   */
  bundleFile: string;
  dir: string;
}

/** testCertificate makes a one-day self-signed certificate for 127.0.0.1 with openssl. */
export function testCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'test-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certFile, 'utf8');
  const system = '/etc/ssl/certs/ca-certificates.crt';
  const bundleFile = join(dir, 'bundle.pem');
  writeFileSync(bundleFile, `${existsSync(system) ? readFileSync(system, 'utf8') : ''}\n${cert}`);
  return { key: readFileSync(keyFile, 'utf8'), cert, bundleFile, dir };
}
