// Pure: DVC remotes as configured, what kind of storage each is, the pip extra it needs and the
// credentials it expects. No @actions/* imports, no process state.
import { isAbsolute, resolve } from 'node:path';
import { redactUrl } from '../pure/redact.ts';

/** One configured DVC remote: only where it points, never its credentials. */
export interface DvcRemote {
  name: string;
  url: string;
  /** Custom S3 endpoint (`endpointurl`), when set. */
  endpointUrl?: string;
}

/** The remotes of a DVC project and the default one. */
export interface DvcRemotes {
  remotes: DvcRemote[];
  defaultRemote?: string;
}

/**
 * parseDvcConfig reads `.dvc/config` (and then `.dvc/config.local`, which overrides it) as DVC's
 * configobj writes them: `['remote "storage"']` sections with `url = …` lines.
 */
export function parseDvcConfig(...texts: (string | undefined)[]): DvcRemotes {
  const values = new Map<string, string>();
  for (const text of texts) {
    let section = '';
    for (const raw of (text ?? '').split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith(';')) continue;
      const header = /^\[+\s*(.*?)\s*\]+$/.exec(line);
      if (header) {
        section = unquote(header[1]!).replace(/^(\w+)\s+["'](.*)["']$/, '$1.$2');
        continue;
      }
      const eq = line.indexOf('=');
      if (eq > 0 && section)
        values.set(`${section}.${line.slice(0, eq).trim()}`, unquote(line.slice(eq + 1).trim()));
    }
  }
  return remotesFrom(values);
}

/** parseConfigList reads the output of `dvc config --list` (`remote.storage.url=s3://…` lines). */
export function parseConfigList(output: string): DvcRemotes {
  const values = new Map<string, string>();
  for (const line of output.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return remotesFrom(values);
}

function remotesFrom(values: Map<string, string>): DvcRemotes {
  const byName = new Map<string, DvcRemote>();
  for (const [key, value] of values) {
    const match = /^remote\.(.+)\.(url|endpointurl)$/.exec(key);
    if (!match) continue;
    const name = match[1]!;
    const remote = byName.get(name) ?? { name, url: '' };
    if (match[2] === 'url') remote.url = value;
    else remote.endpointUrl = value;
    byName.set(name, remote);
  }
  const defaultRemote = values.get('core.remote');
  return { remotes: [...byName.values()], ...(defaultRemote ? { defaultRemote } : {}) };
}

function unquote(value: string): string {
  return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/**
 * resolveLocalRemotes makes relative local remote paths absolute: DVC reads them relative to the
 * folder of the config file that holds them (`.dvc/`), which surprises anyone reading `../remote`.
 */
export function resolveLocalRemotes(remotes: DvcRemotes, configDir: string): DvcRemotes {
  return {
    ...remotes,
    remotes: remotes.remotes.map((r) =>
      remoteKind(r.url) === 'local' && r.url && !r.url.startsWith('file:') && !isAbsolute(r.url)
        ? { ...r, url: resolve(configDir, r.url) }
        : r,
    ),
  };
}

/** The kinds of storage DVC talks to; `local` covers plain paths and file:// URLs. */
export type RemoteKind =
  | 'local'
  | 's3'
  | 'gs'
  | 'azure'
  | 'gdrive'
  | 'ssh'
  | 'hdfs'
  | 'webhdfs'
  | 'webdav'
  | 'oss'
  | 'http'
  | 'other';

/** remoteKind tells a remote's storage kind from its URL scheme. */
export function remoteKind(url: string): RemoteKind {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme || scheme === 'file') return 'local';
  const kinds: Record<string, RemoteKind> = {
    s3: 's3',
    gs: 'gs',
    azure: 'azure',
    gdrive: 'gdrive',
    ssh: 'ssh',
    hdfs: 'hdfs',
    webhdfs: 'webhdfs',
    webdav: 'webdav',
    webdavs: 'webdav',
    oss: 'oss',
    http: 'http',
    https: 'http',
  };
  return kinds[scheme] ?? 'other';
}

/** dvcExtras lists the `dvc[...]` pip extras the given remotes need, sorted and without repeats. */
export function dvcExtras(remotes: readonly DvcRemote[]): string[] {
  const needsExtra = new Set<RemoteKind>([
    's3',
    'gs',
    'azure',
    'gdrive',
    'ssh',
    'hdfs',
    'webhdfs',
    'webdav',
    'oss',
  ]);
  return [
    ...new Set(remotes.map((r) => remoteKind(r.url)).filter((k) => needsExtra.has(k))),
  ].sort();
}

/** dvcRequirement is the pip requirement for a pinned DVC with extras: `dvc[s3,gs]==3.67.1`. */
export function dvcRequirement(version: string, extras: readonly string[]): string {
  return extras.length ? `dvc[${[...extras].sort().join(',')}]==${version}` : `dvc==${version}`;
}

/** describeRemote names a remote for a message: `'storage' (s3://bucket/path)`, credentials removed. */
export function describeRemote(remote: DvcRemote): string {
  if (!remote.url) return `'${remote.name}'`;
  const endpoint = remote.endpointUrl ? ` at ${redactUrl(remote.endpointUrl)}` : '';
  return `'${remote.name}' (${redactUrl(remote.url)}${endpoint})`;
}

/** credentialHint says which variables or settings a remote of this kind reads its credentials from. */
export function credentialHint(kind: RemoteKind, remoteName: string): string {
  const modify = (key: string) => `\`dvc remote modify --local ${remoteName} ${key} …\``;
  switch (kind) {
    case 's3':
      return "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials) in the step's env from secrets, or sign in first with aws-actions/configure-aws-credentials";
    case 'gs':
      return 'Set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, for example with google-github-actions/auth before this step';
    case 'azure':
      return "Set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY, in the step's env from secrets";
    case 'gdrive':
      return 'Set GDRIVE_CREDENTIALS_DATA to the service account JSON from a secret';
    case 'oss':
      return "Set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET in the step's env from secrets";
    case 'ssh':
      return `Give the runner an SSH key for the host, or set one with ${modify('keyfile')} in an earlier step`;
    case 'http':
    case 'webdav':
      return `Set a user and password with ${modify('user')} and ${modify('password')} in an earlier step, from secrets`;
    default:
      return 'Give the runner the credentials this remote needs';
  }
}
