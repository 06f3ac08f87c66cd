import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, randomBytes, verify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { cacheDir } from './buildah.ts';
import { stopChild } from './child.ts';
import { scratchDir } from './tmp.ts';

/** A running fake-gcs-server on 127.0.0.1, Google's token endpoint stand-in, and their credentials. */
export interface FakeGcs {
  /** Base URL for GCS clients: DVC's `endpointurl`, or STORAGE_EMULATOR_HOST. */
  endpointUrl: string;
  /**
   * A service account key file (as google-github-actions/auth writes one) whose key the token
   * endpoint accepts; give it as GOOGLE_APPLICATION_CREDENTIALS.
   */
  credentialsFile: string;
  /** A key file of the same account with a key the token endpoint does not know (a revoked key). */
  revokedCredentialsFile: string;
  /** The private key of the valid file, to check that it never reaches a log. */
  privateKeyPem: string;
  /** GOOGLE_APPLICATION_CREDENTIALS with the valid key, and no metadata-server lookups. */
  env: Record<string, string>;
  /** How many access tokens the token endpoint issued. */
  tokensIssued(): number;
  /** createBucket makes an empty bucket. */
  createBucket(name: string): Promise<void>;
  /** listObjects lists every object name in a bucket (optionally under a prefix), sorted. */
  listObjects(bucket: string, prefix?: string): Promise<string[]>;
  /** deleteObject removes one object. */
  deleteObject(bucket: string, name: string): Promise<void>;
  /** stop ends both servers and waits for them. */
  stop(): Promise<void>;
}

/** fakeGcsServerPath finds the fake-gcs-server that scripts/bootstrap.sh installs (scripts/go-tools.txt). */
export function fakeGcsServerPath(): string {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), join(cacheDir(), 'go', 'bin')];
  for (const dir of dirs) {
    const path = join(dir, 'fake-gcs-server');
    if (dir && existsSync(path)) return path;
  }
  throw new Error(
    'fake-gcs-server is not installed: run scripts/bootstrap.sh (it go-installs scripts/go-tools.txt)',
  );
}

/**
 * startFakeGcs runs fake-gcs-server (HTTP, in-memory, 127.0.0.1) and a stand-in of Google's OAuth
 * token endpoint that verifies the JWT-bearer assertions google-auth signs with a service account
 * key: only the registered key gets an access token; any other gets `invalid_grant`, as Google
 * answers for a deleted key. The emulator itself does not check tokens.
 */
export async function startFakeGcs(options: { startTimeoutMs?: number } = {}): Promise<FakeGcs> {
  const dir = scratchDir('fake-gcs-');
  const tokens = await startTokenEndpoint();
  let child: ChildProcess | undefined;
  let endpointUrl = '';
  // fake-gcs-server prints the port it was given, not the one it got, and puts it in upload URLs:
  // pick a free port first, and try again should another process take it in between.
  for (let attempt = 1; !child; attempt++) {
    const port = await freePort();
    endpointUrl = `http://127.0.0.1:${port}`;
    const started = spawn(
      fakeGcsServerPath(),
      [
        '-scheme',
        'http',
        '-host',
        '127.0.0.1',
        '-port',
        String(port),
        '-backend',
        'memory',
        '-external-url',
        endpointUrl,
        '-public-host',
        `127.0.0.1:${port}`,
        '-log-level',
        'warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
    );
    try {
      await waitForListening(started, endpointUrl, options.startTimeoutMs ?? 30_000);
      child = started;
    } catch (error) {
      if (attempt >= 3) {
        await tokens.close();
        throw error;
      }
    }
  }

  const account = 'dvc-ci@mlops-test.iam.gserviceaccount.com';
  const keyFile = (name: string, key: KeyObject, keyId: string) => {
    const file = join(dir, name);
    const json = {
      type: 'service_account',
      project_id: 'mlops-test',
      private_key_id: keyId,
      private_key: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: account,
      client_id: '100000000000000000001',
      token_uri: `${tokens.url}/token`,
    };
    return writeFile(file, JSON.stringify(json, null, 2)).then(() => ({
      file,
      pem: json.private_key,
    }));
  };
  const valid = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const revoked = generateKeyPairSync('rsa', { modulusLength: 2048 });
  tokens.register(account, 'key-valid', valid.publicKey);
  const good = await keyFile('service-account.json', valid.privateKey, 'key-valid');
  const bad = await keyFile('revoked-service-account.json', revoked.privateKey, 'key-revoked');

  const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${endpointUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`fake-gcs-server ${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const running = child;

  return {
    endpointUrl,
    credentialsFile: good.file,
    revokedCredentialsFile: bad.file,
    privateKeyPem: good.pem,
    env: {
      GOOGLE_APPLICATION_CREDENTIALS: good.file,
      // Never let google-auth look for a metadata server on a link-local address.
      NO_GCE_CHECK: 'true',
      GCE_METADATA_HOST: '127.0.0.1:9',
      GCE_METADATA_IP: '127.0.0.1:9',
      // gcsfs 2026.10 asks the gRPC storage-control API for the bucket's layout first; the emulator
      // serves plain HTTP only, so that lookup would retry for half a minute on every command.
      GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT: 'false',
    },
    tokensIssued: () => tokens.issued(),
    async createBucket(name) {
      await api('POST', '/storage/v1/b?project=mlops-test', { name });
    },
    async listObjects(bucket, prefix = '') {
      const names: string[] = [];
      let pageToken: string | undefined;
      do {
        const query = new URLSearchParams({ prefix });
        if (pageToken) query.set('pageToken', pageToken);
        const page = (await api(
          'GET',
          `/storage/v1/b/${encodeURIComponent(bucket)}/o?${query}`,
        )) as { items?: { name: string }[]; nextPageToken?: string };
        for (const item of page.items ?? []) names.push(item.name);
        pageToken = page.nextPageToken;
      } while (pageToken);
      return names.sort();
    },
    async deleteObject(bucket, name) {
      await api(
        'DELETE',
        `/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(name)}`,
      );
    },
    async stop() {
      await stopChild(running);
      await tokens.close();
    },
  };
}

/** freePort returns a port on 127.0.0.1 that nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** waitForListening polls the emulator's bucket list until it answers. */
async function waitForListening(
  child: ChildProcess,
  url: string,
  timeoutMs: number,
): Promise<void> {
  let output = '';
  let exited: string | undefined;
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  child.once('exit', (code, signal) => {
    exited = String(signal ?? code);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`fake-gcs-server exited (${exited}) before listening: ${output.trim()}`);
    }
    try {
      const response = await fetch(`${url}/storage/v1/b?project=mlops-test`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopChild(child);
  throw new Error(`fake-gcs-server did not start within ${timeoutMs} ms: ${output.trim()}`);
}

interface TokenEndpoint {
  url: string;
  register(account: string, keyId: string, key: KeyObject): void;
  issued(): number;
  close(): Promise<void>;
}

/** readBody collects a request body as text. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * startTokenEndpoint serves Google's OAuth 2.0 token exchange for service accounts (RFC 7523
 * JWT bearer grant): the assertion must be RS256-signed by a registered key of its issuer, name
 * this endpoint as audience and be unexpired.
 */
async function startTokenEndpoint(): Promise<TokenEndpoint> {
  const keys = new Map<string, KeyObject>();
  let issued = 0;
  let url = '';
  const server: Server = createServer(async (req, res) => {
    const deny = (status: number, error: string, description: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error, error_description: description }));
    };
    if (req.method !== 'POST' || req.url !== '/token') return deny(404, 'not_found', 'Not Found');
    const form = new URLSearchParams(await readBody(req));
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return deny(400, 'unsupported_grant_type', 'Invalid grant_type.');
    }
    const parts = (form.get('assertion') ?? '').split('.');
    if (parts.length !== 3) return deny(400, 'invalid_request', 'Invalid JWT.');
    const decode = (part: string) =>
      JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = decode(parts[0]!);
      claims = decode(parts[1]!);
    } catch {
      return deny(400, 'invalid_request', 'Invalid JWT.');
    }
    const key = keys.get(`${String(claims['iss'])}/${String(header['kid'])}`);
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (
      header['alg'] !== 'RS256' ||
      !key ||
      !verify('RSA-SHA256', signed, key, Buffer.from(parts[2]!, 'base64url'))
    ) {
      return deny(400, 'invalid_grant', 'Invalid JWT Signature.');
    }
    const now = Date.now() / 1000;
    // google-auth names Google's own token endpoint as the audience even when token_uri differs.
    const audiences = [`${url}/token`, 'https://oauth2.googleapis.com/token'];
    if (!audiences.includes(String(claims['aud'])) || Number(claims['exp']) < now) {
      return deny(
        400,
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.',
      );
    }
    issued++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        access_token: `ya29.test-${randomBytes(16).toString('hex')}`,
        expires_in: 3599,
        token_type: 'Bearer',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    register(account, keyId, key) {
      keys.set(`${account}/${keyId}`, key);
    },
    issued: () => issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
