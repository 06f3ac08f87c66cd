// The push and login adapters against real tools: buildah pushes a tiny image into Debian's
// docker-registry on 127.0.0.1, through a proxy that fails chosen requests.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type LocalRegistry,
  type RetryProxy,
  startRegistry,
  startRetryProxy,
  testCertificate,
} from '@mlops-actions/testkit/registry';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { login, pushAll, type RetryPolicy } from '../../src/bentoml/image.ts';
import { ActionError } from '../../src/pure/errors.ts';

/** freePort returns a port on 127.0.0.1 that nothing listens on. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const execFileAsync = promisify(execFile);
const FAST: RetryPolicy = { attempts: 4, baseMs: 20, maxMs: 50 };
const USER = 'pusher';
const PASSWORD = `pw-${globalThis.crypto.randomUUID()}`;
// The variables buildah and skopeo read: storage in a temporary folder (vfs, chroot isolation),
// the plain-HTTP registries marked insecure, an auth file of their own, and trust in the test
// certificate of the HTTPS proxy in front of the registry that wants a login (buildah login has
// no per-registry insecure setting).
const root = mkdtempSync(join(tmpdir(), 'bentoml-push-test-'));
const certificate = testCertificate();
const registriesConf = join(root, 'registries.conf');
const toolEnv: Record<string, string> = {
  CONTAINERS_STORAGE_CONF: join(root, 'storage.conf'),
  CONTAINERS_REGISTRIES_CONF: registriesConf,
  REGISTRY_AUTH_FILE: join(root, 'auth.json'),
  STORAGE_DRIVER: 'vfs',
  BUILDAH_ISOLATION: 'chroot',
  SSL_CERT_FILE: certificate.bundleFile,
};
const saved: Record<string, string | undefined> = {};

async function tool(file: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(file, args, { env: { ...process.env, ...toolEnv } });
  return stdout;
}

async function pushedDigest(reference: string, creds?: string): Promise<string> {
  const args = [
    'inspect',
    '--tls-verify=false',
    ...(creds ? ['--creds', creds] : []),
    `docker://${reference}`,
  ];
  return (JSON.parse(await tool('skopeo', args)) as { Digest: string }).Digest;
}

let open: LocalRegistry;
let secured: LocalRegistry;
let proxy: RetryProxy;
let securedProxy: RetryProxy;
const IMAGE = 'localhost/push-test:local';

beforeAll(async () => {
  writeFileSync(
    toolEnv['CONTAINERS_STORAGE_CONF']!,
    `[storage]\ndriver = "vfs"\ngraphroot = "${join(root, 'graph')}"\nrunroot = "${join(root, 'run')}"\n`,
  );
  // buildah wants the auth file to exist when REGISTRY_AUTH_FILE names it.
  writeFileSync(toolEnv['REGISTRY_AUTH_FILE']!, '{}\n');
  for (const [k, v] of Object.entries(toolEnv)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  open = await startRegistry();
  secured = await startRegistry({ users: { [USER]: PASSWORD } });
  proxy = await startRetryProxy(open.host);
  securedProxy = await startRetryProxy(secured.host, [], { tls: certificate });
  writeFileSync(
    registriesConf,
    [open, secured, proxy]
      .map((r) => `[[registry]]\nlocation = "${r.host}"\ninsecure = true\n`)
      .join('\n'),
  );
  // A tiny image: one file on an empty root, so each push takes milliseconds.
  writeFileSync(join(root, 'hello.txt'), `hello ${Date.now()}\n`);
  const container = (await tool('buildah', ['from', 'scratch'])).trim();
  await tool('buildah', ['copy', container, join(root, 'hello.txt'), '/hello.txt']);
  await tool('buildah', ['commit', '--rm', container, IMAGE]);
});

afterAll(async () => {
  await Promise.all([proxy?.stop(), securedProxy?.stop(), open?.stop(), secured?.stop()]);
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(root, { recursive: true, force: true });
  rmSync(certificate.dir, { recursive: true, force: true });
});

let counter = 0;
/** tagAs gives the tiny image new references (a fresh repository each time) and returns them. */
async function tagAs(host: string, tags: string[]): Promise<string[]> {
  counter++;
  const references = tags.map((t) => `${host}/push-test-${counter}:${t}`);
  await tool('buildah', ['tag', IMAGE, ...references]);
  return references;
}

const manifestPuts = (p: RetryProxy, reference: string) => {
  const [repository, tag] = [
    reference.slice(reference.indexOf('/'), reference.lastIndexOf(':')),
    reference.slice(reference.lastIndexOf(':') + 1),
  ];
  return p.requests.filter(
    (r) => r.kind === 'manifest-put' && r.path === `/v2${repository}/manifests/${tag}`,
  );
};

beforeEach(() => {
  proxy.setFailures([]);
  securedProxy.setFailures([]);
  proxy.requests.length = 0;
  securedProxy.requests.length = 0;
});

describe('pushAll', () => {
  test('pushes every tag and returns the digest the registry serves', async () => {
    const references = await tagAs(open.host, ['v1', 'latest']);
    const pushed = await pushAll('buildah', references, { policy: FAST });
    expect(pushed.map((p) => p.reference)).toEqual(references);
    for (const p of pushed) expect(p.digest).toBe(await pushedDigest(p.reference));
  });

  test('retries a manifest upload that fails twice with 503, and lands it once', async () => {
    const [reference] = await tagAs(proxy.host, ['v1']);
    proxy.setFailures([{ kind: 'manifest-put', count: 2, failWith: 503 }]);
    const [pushed] = await pushAll('buildah', [reference!], { policy: FAST });
    const puts = manifestPuts(proxy, reference!);
    expect(puts.map((r) => [r.status, r.injected])).toEqual([
      [503, true],
      [503, true],
      [201, false],
    ]);
    expect(pushed!.digest).toBe(await pushedDigest(reference!));
  });

  test('retries a blob upload whose connection is reset', async () => {
    const [reference] = await tagAs(proxy.host, ['v1']);
    proxy.setFailures([{ kind: 'blob-upload', count: 1, failWith: 'reset' }]);
    await pushAll('buildah', [reference!], { policy: FAST });
    expect(proxy.requests.filter((r) => r.status === 'reset')).toHaveLength(1);
    expect(manifestPuts(proxy, reference!).filter((r) => r.status === 201)).toHaveLength(1);
  });

  test('gives up after the last try and says how often it tried', async () => {
    const [reference] = await tagAs(proxy.host, ['v1']);
    proxy.setFailures([{ kind: 'manifest-put', count: 100, failWith: 502 }]);
    const failure = await pushAll('buildah', [reference!], {
      policy: { ...FAST, attempts: 3 },
    }).catch((error: unknown) => error as ActionError);
    // One short line that says what the registry answered; the command is in the log above.
    expect(failure).toBeInstanceOf(ActionError);
    expect((failure as ActionError).message).toBe(
      `the push of ${reference} to ${proxy.host} failed after 3 tries: the registry answered HTTP 502 Bad Gateway`,
    );
    expect((failure as ActionError).hint).toMatch(/^The registry kept failing; try again later/);
    expect(manifestPuts(proxy, reference!)).toHaveLength(3);
  });

  test('says in one line that nothing answered at a closed port, without retrying', async () => {
    const closed = await freePort();
    const [reference] = await tagAs(`127.0.0.1:${closed}`, ['v1']);
    const failure = (await pushAll('buildah', [reference!], { policy: FAST }).catch(
      (error: unknown) => error,
    )) as ActionError;
    expect(failure.message).toBe(
      `the push of ${reference} to 127.0.0.1:${closed} failed: nothing answered at 127.0.0.1:${closed} (connection refused)`,
    );
    expect(failure.hint).toBe(
      'Check the registry host and port in the image name, and that the registry is up',
    );
  });

  test('never retries a push the registry refuses for want of credentials, and names the registry', async () => {
    const [reference] = await tagAs(securedProxy.host, ['v1']);
    await expect(pushAll('buildah', [reference!], { policy: FAST })).rejects.toThrow(
      new RegExp(`^${securedProxy.host} denied the push of ${reference} without credentials`),
    );
    // One try: buildah asks /v2/ once per push; a retry would ask again.
    expect(securedProxy.requests.filter((r) => r.kind === 'ping')).toHaveLength(1);
  });
});

describe('login', () => {
  test('logs in with the password on stdin, after which the push lands', async () => {
    await login(
      'buildah',
      { registry: securedProxy.host, username: USER, password: PASSWORD },
      FAST,
    );
    expect(readFileSync(toolEnv['REGISTRY_AUTH_FILE']!, 'utf8')).toContain(securedProxy.host);
    const [reference] = await tagAs(securedProxy.host, ['v1']);
    const [pushed] = await pushAll('buildah', [reference!], {
      credentials: { registry: securedProxy.host, username: USER, password: PASSWORD },
      policy: FAST,
    });
    expect(pushed!.digest).toBe(await pushedDigest(reference!, `${USER}:${PASSWORD}`));
    await tool('buildah', ['logout', securedProxy.host]);
  });

  test('fails at once on a wrong password, naming the registry and the user', async () => {
    const attempt = login(
      'buildah',
      { registry: securedProxy.host, username: USER, password: 'wrong-password' },
      FAST,
    );
    await expect(attempt).rejects.toThrow(
      new RegExp(`^${securedProxy.host} rejected the login as '${USER}'`),
    );
    expect(
      securedProxy.requests.filter((r) => r.kind === 'ping' && r.status === 401).length,
    ).toBeLessThanOrEqual(2);
  });

  test('retries a login the registry answers with 503', async () => {
    securedProxy.setFailures([{ kind: 'ping', count: 1, failWith: 503 }]);
    await login(
      'buildah',
      { registry: securedProxy.host, username: USER, password: PASSWORD },
      FAST,
    );
    expect(securedProxy.requests.filter((r) => r.injected)).toHaveLength(1);
    await tool('buildah', ['logout', securedProxy.host]);
  });
});
