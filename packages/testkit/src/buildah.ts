// Test support: buildah with its own storage in the user cache (vfs driver, chroot isolation, as
// works without a container engine), and a Debian base image made on this machine, because no
// image can be pulled from the internet. The base image is built once and kept between runs.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The cache folder the project's scripts share (scripts/setup-python.sh uses the same). */
export function cacheDir(): string {
  return (
    process.env['MLOPS_CACHE_DIR'] ||
    join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'mlops-actions')
  );
}

/** What the base image holds; change the version when the recipe changes, so a new one is built. */
export const BASE_IMAGE = 'localhost/mlops-bentoml-base:bookworm-1';

// BentoML's generated Dockerfile (1.4) needs in its base: groupadd/useradd, apt-get (it installs
// ca-certificates gnupg2 bash build-essential git, so they are installed here and its step is a
// no-op apart from `apt-get update`), pip that may install into the system Python (to install
// uv), and the Python the bento asks for (3.11, Debian bookworm's own), since uv cannot download
// one here.
const PACKAGES = ['python3', 'python3-pip', 'ca-certificates', 'gnupg2', 'git', 'build-essential'];
const SUITE = 'bookworm';

/** aptMirror reads the Debian mirror this machine's apt uses, so debootstrap reaches the same one. */
export function aptMirror(): string {
  const sources = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];
  for (const file of sources) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const deb822 = /^URIs:\s*(\S+)/m.exec(text);
    const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\b/m.exec(text);
    const uri = deb822?.[1] ?? oneLine?.[1];
    if (uri) return uri;
  }
  throw new Error(
    'no Debian mirror found in the apt sources: debootstrap cannot make the base image',
  );
}

/** The environment buildah, bentoml containerize and skopeo need in tests. */
export interface BuildahEnv {
  env: Record<string, string>;
  /** Folder holding storage.conf, registries.conf and the auth file. */
  configDir: string;
  /** Marks registries (host:port) as plain HTTP for buildah and skopeo. */
  allowInsecure(hosts: string[]): void;
}

/** buildahEnv writes buildah's storage config (graph root in the cache) and returns the variables. */
export function buildahEnv(): BuildahEnv {
  const root = join(cacheDir(), 'buildah');
  mkdirSync(join(root, 'graph'), { recursive: true });
  mkdirSync(join(root, 'run'), { recursive: true });
  const storageConf = join(root, 'storage.conf');
  writeFileSync(
    storageConf,
    `[storage]\ndriver = "vfs"\ngraphroot = ${JSON.stringify(join(root, 'graph'))}\nrunroot = ${JSON.stringify(join(root, 'run'))}\n`,
  );
  const configDir = mkdtempSync(join(tmpdir(), 'buildah-config-'));
  const registriesConf = join(configDir, 'registries.conf');
  const write = (hosts: string[]) =>
    writeFileSync(
      registriesConf,
      hosts
        .map((h) => `[[registry]]\nlocation = ${JSON.stringify(h)}\ninsecure = true\n`)
        .join('\n'),
    );
  write([]);
  // buildah wants the auth file to exist when REGISTRY_AUTH_FILE names it.
  writeFileSync(join(configDir, 'auth.json'), '{}\n');
  return {
    env: {
      CONTAINERS_STORAGE_CONF: storageConf,
      CONTAINERS_REGISTRIES_CONF: registriesConf,
      REGISTRY_AUTH_FILE: join(configDir, 'auth.json'),
      STORAGE_DRIVER: 'vfs',
      BUILDAH_ISOLATION: 'chroot',
    },
    configDir,
    allowInsecure: write,
  };
}

async function run(
  file: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(file, args, {
      env: { ...process.env, ...env },
      cwd,
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(
      `${file} ${args.join(' ')} failed: ${(e.stderr || e.stdout || e.message).slice(-4000)}`,
    );
  }
}

/** imageExists tells whether buildah's storage holds an image. */
export async function imageExists(name: string, env: Record<string, string>): Promise<boolean> {
  try {
    await execFileAsync('buildah', ['inspect', '--type', 'image', name], {
      env: { ...process.env, ...env },
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * ensureBaseImage builds BASE_IMAGE once: a Debian rootfs from debootstrap (which reaches Debian's
 * package mirror), with the host's extra CA certificates trusted (an egress proxy may re-sign
 * TLS), committed into buildah's storage. Later runs find it there and return at once.
 */
export async function ensureBaseImage(
  env: Record<string, string>,
): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  if (await imageExists(BASE_IMAGE, env)) return { built: false, ms: Date.now() - started };
  const work = mkdtempSync(join(cacheDir(), 'base-image-'));
  const rootfs = join(work, 'rootfs');
  try {
    await run(
      'debootstrap',
      ['--variant=minbase', `--include=${PACKAGES.join(',')}`, SUITE, rootfs, aptMirror()],
      {},
    );
    rmSync(join(rootfs, 'var', 'cache', 'apt', 'archives'), { recursive: true, force: true });
    mkdirSync(join(rootfs, 'var', 'cache', 'apt', 'archives', 'partial'), { recursive: true });
    for (const entry of readdirSync(join(rootfs, 'usr', 'lib'))) {
      const marker = join(rootfs, 'usr', 'lib', entry, 'EXTERNALLY-MANAGED');
      if (/^python3/.test(entry) && existsSync(marker)) rmSync(marker);
    }
    const extraCas = '/usr/local/share/ca-certificates';
    if (existsSync(extraCas)) {
      for (const name of readdirSync(extraCas).filter((n) => n.endsWith('.crt'))) {
        await run('cp', [join(extraCas, name), join(rootfs, extraCas.slice(1), name)], {});
      }
      await run('chroot', [rootfs, 'update-ca-certificates'], {});
    }
    const tarball = join(work, 'rootfs.tar');
    await run('tar', ['-C', rootfs, '--numeric-owner', '-cf', tarball, '.'], {});
    rmSync(rootfs, { recursive: true, force: true });
    const container = (await run('buildah', ['from', 'scratch'], env)).trim();
    await run('buildah', ['add', container, tarball, '/'], env);
    await run(
      'buildah',
      [
        'config',
        '--env',
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        // uv (which BentoML installs with pip) trusts the system store, with the host's CAs in it.
        '--env',
        'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt',
        '--env',
        'UV_NATIVE_TLS=1',
        '--cmd',
        '/bin/bash',
        container,
      ],
      env,
    );
    await run('buildah', ['commit', '--rm', container, BASE_IMAGE], env);
    return { built: true, ms: Date.now() - started };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** removeImages deletes images from buildah's storage (the base image stays). */
export async function removeImages(names: string[], env: Record<string, string>): Promise<void> {
  if (names.length === 0) return;
  await execFileAsync('buildah', ['rmi', '--force', ...names], {
    env: { ...process.env, ...env },
  }).catch(() => {});
}

/** skopeoInspect returns `skopeo inspect` of a pushed image (a plain HTTP registry). */
export async function skopeoInspect(
  reference: string,
  env: Record<string, string>,
): Promise<{ Digest: string; RepoTags: string[] }> {
  const stdout = await run(
    'skopeo',
    ['inspect', '--tls-verify=false', `docker://${reference}`],
    env,
  );
  return JSON.parse(stdout) as { Digest: string; RepoTags: string[] };
}
