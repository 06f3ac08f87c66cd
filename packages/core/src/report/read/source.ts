// Reading files as they are at a revision, natively: git objects through one long-lived
// `git cat-file --batch`, the workspace from disk, and DVC-cached outputs from the local DVC cache
// by the hash dvc.lock pins (DVC 3 layout `files/md5/ab/cdef…`, or the legacy `ab/cdef…`).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { Git } from '../../git.ts';
import type { LockedOutput } from './dvcfile.ts';

/** What reading one path gave: its bytes and where they came from, or why there are none. */
export type FileRead =
  | { kind: 'found'; bytes: Buffer; via: 'git' | 'workspace' | 'cache' }
  | { kind: 'missing'; reason: string; object?: MissingObject };

/** A DVC cache object that is not in the local cache (it may be fetched from the remote). */
export interface MissingObject {
  md5: string;
  legacy: boolean;
}

/** A revision's files: read one, list a folder, find every file with a given name. */
export interface RevisionFiles {
  /** `workspace`, or the revision name the user gave. */
  readonly name: string;
  read(path: string): Promise<FileRead>;
  /** Files under `path` when it is a folder (repo-relative), undefined when it is not one. */
  list(path: string): Promise<string[] | undefined>;
  /** Every path whose last segment is `name` (dvc.yaml files). */
  find(name: string): Promise<string[]>;
}

/**
 * GitObjects reads many blobs through one `git cat-file --batch` process: one spawn for every
 * file of both revisions instead of one per file (core's Git.show), and bytes kept binary-safe.
 */
export class GitObjects {
  private child: ChildProcessWithoutNullStreams | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  // Output not yet joined into `buffer`: a big blob arrives in many chunks, joined once.
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private needed = 0;
  private readonly queue: {
    resolve: (b: Buffer | undefined) => void;
    reject: (e: Error) => void;
  }[] = [];
  private failure: Error | undefined;
  private readonly cwd: string;

  constructor(cwd: string) {
    this.cwd = cwd;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: this.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      if (this.buffer.length + this.pendingLength < this.needed) return;
      this.buffer = Buffer.concat([this.buffer, ...this.pending]);
      this.pending = [];
      this.pendingLength = 0;
      this.drain();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.queue.splice(0)) waiter.reject(error);
    };
    child.on('error', (e) => fail(new Error(`git cat-file could not start: ${e.message}`)));
    child.on('close', (code) => {
      if (this.queue.length) fail(new Error(`git cat-file exited with code ${code}`));
    });
    child.stdin.on('error', () => {
      // Reported through 'close'.
    });
    this.child = child;
    return child;
  }

  private drain(): void {
    this.needed = 0;
    while (this.queue.length) {
      const nl = this.buffer.indexOf(10);
      if (nl < 0) return;
      const header = this.buffer.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.queue.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (!Number.isFinite(size)) {
        this.queue.shift()!.reject(new Error(`git cat-file said: ${header}`));
        this.buffer = this.buffer.subarray(nl + 1);
        continue;
      }
      if (this.buffer.length < nl + 1 + size + 1) {
        this.needed = nl + 1 + size + 1;
        return;
      }
      const body = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      const type = header.split(' ')[1];
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.queue.shift()!.resolve(type === 'blob' ? body : undefined);
    }
  }

  /** read returns the blob named by `spec` (`<rev>:<path>` or a SHA), or undefined when absent. */
  read(spec: string): Promise<Buffer | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (/[\r\n]/.test(spec)) return Promise.resolve(undefined);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      child.stdin.write(`${spec}\n`);
    });
  }

  /** close ends the git process. */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }
}

/** The local DVC cache: where objects live, and reading one by its md5. */
export class DvcCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** objectPath is where DVC keeps an object (DVC 3 `files/md5/`, or the legacy layout). */
  objectPath(md5: string, legacy: boolean): string {
    const base = legacy ? this.dir : join(this.dir, 'files', 'md5');
    return join(base, md5.slice(0, 2), md5.slice(2));
  }

  /** read returns an object's bytes, or undefined when it is not in the local cache. */
  async read(md5: string, legacy: boolean): Promise<Buffer | undefined> {
    for (const candidate of legacy ? [true, false] : [false, true]) {
      try {
        return await readFile(this.objectPath(md5, candidate));
      } catch {
        // Try the other layout, then give up.
      }
    }
    return undefined;
  }
}

/** readCacheDir finds the DVC cache folder from .dvc/config(.local), default .dvc/cache. */
export async function readCacheDir(dvcRoot: string): Promise<string> {
  const dvcDir = join(dvcRoot, '.dvc');
  let dir: string | undefined;
  for (const name of ['config', 'config.local']) {
    let text: string;
    try {
      text = await readFile(join(dvcDir, name), 'utf8');
    } catch {
      continue;
    }
    let section = '';
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
      if (header) {
        section = header[1]!.replace(/\s+/g, ' ').toLowerCase();
        continue;
      }
      const kv = /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
      if (section === 'cache' && kv && kv[1] === 'dir') dir = kv[2]!.replace(/^['"]|['"]$/g, '');
    }
  }
  if (!dir) return join(dvcDir, 'cache');
  return isAbsolute(dir) ? dir : join(dvcDir, dir);
}

/** A DVC-tracked output of one revision, with the listing of a folder output once read. */
class LockedOutputs {
  private readonly dirListings = new Map<
    string,
    Promise<{ relpath: string; md5: string }[] | FileRead>
  >();

  private readonly outputs: LockedOutput[];
  private readonly cache: DvcCache;

  constructor(outputs: LockedOutput[], cache: DvcCache) {
    this.outputs = outputs;
    this.cache = cache;
  }

  private owner(path: string): LockedOutput | undefined {
    return this.outputs.find((o) => path === o.path || (o.isDir && path.startsWith(`${o.path}/`)));
  }

  private listing(out: LockedOutput): Promise<{ relpath: string; md5: string }[] | FileRead> {
    let listing = this.dirListings.get(out.path);
    if (!listing) {
      listing = (async () => {
        const bytes = await this.cache.read(out.md5, out.legacy);
        if (!bytes) {
          return {
            kind: 'missing',
            reason: `${out.path} is not in the local DVC cache`,
            object: { md5: out.md5, legacy: out.legacy },
          } as FileRead;
        }
        try {
          const entries = JSON.parse(bytes.toString('utf8')) as { relpath: string; md5: string }[];
          return entries.map((e) => ({ relpath: e.relpath.split(sep).join('/'), md5: e.md5 }));
        } catch {
          return {
            kind: 'missing',
            reason: `the DVC cache listing of ${out.path} is unreadable`,
          } as FileRead;
        }
      })();
      this.dirListings.set(out.path, listing);
    }
    return listing;
  }

  /** read returns a tracked path's bytes from the cache, undefined when DVC does not track it. */
  async read(path: string): Promise<FileRead | undefined> {
    const out = this.owner(path);
    if (!out) return undefined;
    if (!out.isDir) {
      const bytes = await this.cache.read(out.md5, out.legacy);
      return bytes
        ? { kind: 'found', bytes, via: 'cache' }
        : {
            kind: 'missing',
            reason: `${path} is not in the local DVC cache`,
            object: { md5: out.md5, legacy: out.legacy },
          };
    }
    const listing = await this.listing(out);
    if (!Array.isArray(listing)) return listing;
    if (path === out.path) return { kind: 'missing', reason: `${path} is a folder` };
    const rel = path.slice(out.path.length + 1);
    const entry = listing.find((e) => e.relpath === rel);
    if (!entry)
      return { kind: 'missing', reason: `${path} is not in the DVC-tracked folder ${out.path}` };
    const bytes = await this.cache.read(entry.md5, out.legacy);
    return bytes
      ? { kind: 'found', bytes, via: 'cache' }
      : {
          kind: 'missing',
          reason: `${path} is not in the local DVC cache`,
          object: { md5: out.md5, legacy: out.legacy },
        };
  }

  /** list returns the files of a tracked folder output (or under one), undefined when not tracked. */
  async list(path: string): Promise<string[] | undefined> {
    const out = this.outputs.find(
      (o) => o.isDir && (o.path === path || path.startsWith(`${o.path}/`)),
    );
    if (!out) return undefined;
    const listing = await this.listing(out);
    if (!Array.isArray(listing)) return undefined;
    const files = listing
      .map((e) => `${out.path}/${e.relpath}`)
      .filter((p) => p.startsWith(`${path}/`));
    return files.length ? files.sort() : undefined;
  }
}

/** GitRevision reads a commit: git-tracked files from its tree, DVC outputs from the cache. */
export class GitRevision implements RevisionFiles {
  private tree: Promise<string[]> | undefined;
  private outputs: LockedOutputs | undefined;

  readonly name: string;
  readonly sha: string;
  private readonly objects: GitObjects;
  private readonly gitCwd: string;
  /** The DVC root's path inside the git repository ('' or 'sub/dir/'). */
  private readonly prefix: string;
  private readonly cache: DvcCache;

  constructor(
    name: string,
    sha: string,
    objects: GitObjects,
    gitCwd: string,
    prefix: string,
    cache: DvcCache,
  ) {
    this.name = name;
    this.sha = sha;
    this.objects = objects;
    this.gitCwd = gitCwd;
    this.prefix = prefix;
    this.cache = cache;
  }

  /** setLocked tells the revision which outputs its dvc.lock files pin. */
  setLocked(outputs: LockedOutput[]): void {
    this.outputs = new LockedOutputs(outputs, this.cache);
  }

  private files(): Promise<string[]> {
    this.tree ??= new Git(this.gitCwd)
      .run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', this.sha])
      .then((out) =>
        out
          .split('\0')
          .filter((p) => p !== '' && p.startsWith(this.prefix))
          .map((p) => p.slice(this.prefix.length)),
      );
    return this.tree;
  }

  async read(path: string): Promise<FileRead> {
    const bytes = await this.objects.read(`${this.sha}:${this.prefix}${path}`);
    if (bytes) return { kind: 'found', bytes, via: 'git' };
    const cached = await this.outputs?.read(path);
    if (cached) return cached;
    return {
      kind: 'missing',
      reason: `${path} is neither in git nor tracked by DVC at ${this.name}`,
    };
  }

  async list(path: string): Promise<string[] | undefined> {
    const under = (await this.files()).filter((p) => p.startsWith(`${path}/`));
    const tracked = (await this.outputs?.list(path)) ?? [];
    const all = [...new Set([...under, ...tracked])].sort();
    return all.length ? all : undefined;
  }

  async find(name: string): Promise<string[]> {
    return (await this.files()).filter((p) => p === name || p.endsWith(`/${name}`));
  }
}

/** WorkspaceFiles reads the working tree from disk, and DVC outputs absent there from the cache. */
export class WorkspaceFiles implements RevisionFiles {
  readonly name = 'workspace';
  private outputs: LockedOutputs | undefined;

  private readonly root: string;
  private readonly cache: DvcCache;
  private readonly prefix: string | undefined;

  /** `prefix` is the DVC root's path inside the git repository, asked from git when not given. */
  constructor(root: string, cache: DvcCache, prefix?: string) {
    this.root = root;
    this.cache = cache;
    this.prefix = prefix;
  }

  /** setLocked tells the workspace which outputs its dvc.lock files pin. */
  setLocked(outputs: LockedOutput[]): void {
    this.outputs = new LockedOutputs(outputs, this.cache);
  }

  async read(path: string): Promise<FileRead> {
    try {
      return { kind: 'found', bytes: await readFile(join(this.root, path)), via: 'workspace' };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') return { kind: 'missing', reason: `${path} is a folder` };
      const cached = await this.outputs?.read(path);
      if (cached) return cached;
      return { kind: 'missing', reason: `${path} does not exist in the workspace` };
    }
  }

  async list(path: string): Promise<string[] | undefined> {
    const full = join(this.root, path);
    try {
      if (!(await stat(full)).isDirectory()) return undefined;
    } catch {
      return this.outputs?.list(path);
    }
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => relative(this.root, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
    return files.length ? files : undefined;
  }

  async find(name: string): Promise<string[]> {
    const git = new Git(this.root);
    const out = await git.run([
      'ls-files',
      '-z',
      '--cached',
      '--others',
      '--exclude-standard',
      '--full-name',
      '--',
      '.',
    ]);
    const prefix = this.prefix ?? (await git.run(['rev-parse', '--show-prefix']));
    const paths = out
      .split('\0')
      .filter((p) => p !== '' && p.startsWith(prefix))
      .map((p) => p.slice(prefix.length))
      .filter((p) => p === name || p.endsWith(`/${name}`));
    const present: string[] = [];
    for (const p of [...new Set(paths)]) {
      try {
        if ((await stat(join(this.root, p))).isFile()) present.push(p);
      } catch {
        // Deleted in the workspace.
      }
    }
    return present.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  }
}

function depth(path: string): number {
  return posix.normalize(path).split('/').length;
}
