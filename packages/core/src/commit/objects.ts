// Git plumbing on a scratch folder: blobs in and out byte for byte, trees built in a temporary index,
// commits made with commit-tree, and three-way merges of single files. Nothing here touches the
// user's work tree, index or HEAD: every index is GIT_INDEX_FILE in the scratch folder.
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec } from '../exec.ts';
import type { Git } from '../git.ts';
import type { Identity } from './message.ts';

/** One entry of a tree: a file (blob), a symlink (blob, mode 120000) or a submodule (commit). */
export interface TreeEntry {
  mode: string;
  oid: string;
  path: string;
}

/** An object as `git cat-file --batch` gives it: its id, type and exact bytes. */
export interface GitObject {
  oid: string;
  type: string;
  bytes: Buffer;
}

/** Scratch is a temporary folder with the plumbing the commit logic needs; close() removes it. */
export class Scratch {
  readonly git: Git;
  /** The folder, made on first use: the common commit needs none. */
  private folder: Promise<string> | undefined;
  private readonly gitDir: string;
  private counter = 0;
  /**
   * Objects read so far (or handed over), by the name they were asked for: an object id, or
   * `<commit>^{tree}`. Neither ever changes.
   */
  private readonly objects: Map<string, GitObject>;

  private constructor(git: Git, gitDir: string, objects: Map<string, GitObject>) {
    this.git = git;
    this.gitDir = gitDir;
    this.objects = objects;
  }

  /**
   * open prepares a Scratch (its folder is made when first needed); `objects` are those another
   * Scratch read already (see cached), so that they are not read again.
   */
  static async open(
    git: Git,
    gitDir?: string,
    objects?: ReadonlyMap<string, GitObject>,
  ): Promise<Scratch> {
    gitDir ??= await git.run(['rev-parse', '--absolute-git-dir']);
    return new Scratch(git, gitDir, new Map(objects));
  }

  /** dir is the scratch folder under RUNNER_TEMP (or the system's temp folder), made once. */
  dir(): Promise<string> {
    this.folder ??= mkdtemp(join(process.env['RUNNER_TEMP'] || tmpdir(), 'mlops-commit-'));
    return this.folder;
  }

  /** cached returns the objects read so far, to hand on to another Scratch. */
  cached(): ReadonlyMap<string, GitObject> {
    return this.objects;
  }

  /**
   * readObjects reads objects by name (an object id, or `<commit>^{tree}`) with one
   * `git cat-file --batch`, and keeps them: many blobs, and the tree a commit will be built on,
   * cost one git process.
   */
  async readObjects(names: readonly string[]): Promise<Map<string, GitObject>> {
    const missing = [...new Set(names)].filter((name) => name && !this.objects.has(name));
    if (missing.length) {
      for (const [name, object] of (await catFileBatch(this.git, missing)) ?? []) {
        this.objects.set(name, object);
      }
    }
    const out = new Map<string, GitObject>();
    for (const name of names) {
      const object = this.objects.get(name);
      if (object) out.set(name, object);
    }
    return out;
  }

  /** remember keeps an object read elsewhere under the name it was asked for (see readObjects). */
  remember(name: string, object: GitObject): void {
    this.objects.set(name, object);
  }

  /**
   * rememberStored records that `bytes`, stored as `git add` would store them at `path` (clean
   * filters applied), are the blob `oid`: writeBlob then finds it without starting git.
   */
  rememberStored(path: string, bytes: Buffer, oid: string): void {
    this.objects.set(`path:${path}`, { oid, type: 'blob', bytes });
  }

  /** readBlobs reads many blobs' exact bytes with one git process (see readObjects). */
  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    for (const [oid, object] of await this.readObjects(oids)) {
      if (object.type === 'blob') out.set(oid, object.bytes);
    }
    return out;
  }

  /** close removes the scratch folder. */
  async close(): Promise<void> {
    if (this.folder) await rm(await this.folder, { recursive: true, force: true });
  }

  /** readBlob returns a blob's exact bytes (`git unpack-file`: git writes them, we read the file). */
  async readBlob(oid: string): Promise<Buffer> {
    const cached = this.objects.get(oid);
    if (cached?.type === 'blob') return cached.bytes;
    const dir = await this.dir();
    const { stdout } = await exec('git', ['unpack-file', oid], {
      cwd: dir,
      env: { GIT_DIR: this.gitDir, GIT_WORK_TREE: undefined },
      silent: true,
    });
    const file = join(dir, stdout.trim());
    try {
      const bytes = await readFile(file);
      this.objects.set(oid, { oid, type: 'blob', bytes });
      return bytes;
    } finally {
      await unlink(file).catch(() => {});
    }
  }

  /**
   * writeBlob stores bytes as a blob. With `path`, the repository's clean filters for that path
   * apply (.gitattributes eol, LFS), as `git add` would; without it the bytes are stored as given.
   */
  async writeBlob(bytes: Uint8Array, path?: string): Promise<string> {
    // The same bytes already stored for the same path (see writeBlob's callers): the same blob.
    const key = path === undefined ? undefined : `path:${path}`;
    const stored = key ? this.objects.get(key) : undefined;
    if (stored?.bytes.equals(bytes)) return stored.oid;
    const args = [
      'hash-object',
      '-w',
      '--stdin',
      ...(path === undefined ? ['--no-filters'] : [`--path=${path}`]),
    ];
    const oid = await this.git.run(args, { input: Buffer.from(bytes) });
    if (key) this.objects.set(key, { oid, type: 'blob', bytes: Buffer.from(bytes) });
    return oid;
  }

  /** entries lists the tree entries at exactly these paths in a tree-ish (absent paths are missing). */
  async entries(
    treeish: string | undefined,
    paths: readonly string[],
  ): Promise<Map<string, TreeEntry>> {
    const found = new Map<string, TreeEntry>();
    if (!treeish || paths.length === 0) return found;
    if (paths.every((path) => !path.includes('/'))) {
      // Top-level files (the common dvc.lock): the root tree names them, and it comes with their
      // contents, which are read next, in one cat-file.
      const root = `${treeish}^{tree}`;
      const objects = await this.readObjects([root, ...paths.map((path) => `${treeish}:${path}`)]);
      const tree = objects.get(root);
      if (tree?.type === 'tree') {
        const wanted = new Set(paths);
        for (const entry of parseTree(tree.bytes, tree.oid.length / 2)) {
          if (wanted.has(entry.path)) found.set(entry.path, entry);
        }
        for (const object of objects.values()) {
          if (object.type === 'blob') this.objects.set(object.oid, object);
        }
        return found;
      }
    }
    const { stdout } = await this.git.exec([
      '--literal-pathspecs',
      'ls-tree',
      '-r',
      '-z',
      '--full-tree',
      treeish,
      '--',
      ...paths,
    ]);
    const wanted = new Set(paths);
    for (const record of stdout.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode = '', , oid = ''] = record.slice(0, tab).split(' ');
      const path = record.slice(tab + 1);
      if (wanted.has(path)) found.set(path, { mode, oid, path });
    }
    return found;
  }

  /** writeTree applies changes (an entry, or null to remove) to a tree-ish (undefined: empty) and writes it. */
  async writeTree(
    base: string | undefined,
    changes: ReadonlyMap<string, TreeEntry | null>,
  ): Promise<string> {
    if (base && [...changes.keys()].every((path) => !path.includes('/'))) {
      const tree = await this.writeRootTree(base, changes);
      if (tree) return tree;
    }
    const env = { GIT_INDEX_FILE: join(await this.dir(), `index-${++this.counter}`) };
    await this.git.run(base ? ['read-tree', base] : ['read-tree', '--empty'], { env });
    const records: string[] = [];
    const zero = '0'.repeat(base && base.length === 64 ? 64 : 40);
    for (const [path, entry] of changes) {
      records.push(entry ? `${entry.mode} ${entry.oid}\t${path}` : `0 ${zero}\t${path}`);
    }
    if (records.length) {
      await this.git.run(['update-index', '-z', '--index-info'], {
        env,
        input: `${records.join('\0')}\0`,
      });
    }
    return this.git.run(['write-tree'], { env });
  }

  /**
   * writeRootTree changes only top-level entries (the common dvc.lock, metrics.json): the base's
   * root tree, read with cat-file (often with the blobs, in one process), changed here and written
   * with one `git mktree`, instead of read-tree, update-index and write-tree. Undefined when the
   * base's tree cannot be read that way.
   */
  private async writeRootTree(
    base: string,
    changes: ReadonlyMap<string, TreeEntry | null>,
  ): Promise<string | undefined> {
    const name = `${base}^{tree}`;
    const tree = (await this.readObjects([name])).get(name);
    if (tree?.type !== 'tree') return undefined;
    // By name as latin1 (a character per byte), so that every name, UTF-8 or not, passes through
    // byte for byte.
    const lines = new Map<string, string>();
    for (const { mode, name: raw, oid } of treeRecords(tree.bytes, tree.oid.length / 2)) {
      lines.set(raw, `${mode} ${objectType(mode)} ${oid}\t${raw}`);
    }
    for (const [path, entry] of changes) {
      const raw = Buffer.from(path, 'utf8').toString('latin1');
      if (entry) lines.set(raw, `${entry.mode} ${objectType(entry.mode)} ${entry.oid}\t${raw}`);
      else lines.delete(raw);
    }
    // --missing: the entries come from a tree the repository has; a partial clone may still lack
    // their blobs, which the new tree only names.
    return this.git.run(['mktree', '-z', '--missing'], {
      input: Buffer.from([...lines.values()].map((line) => `${line}\0`).join(''), 'latin1'),
    });
  }

  /** commitTree writes a commit object; it moves no branch. */
  commitTree(
    tree: string,
    parents: readonly string[],
    message: string,
    author: Identity,
    committer: Identity,
  ): Promise<string> {
    return this.git.run(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], {
      input: message.endsWith('\n') ? message : `${message}\n`,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
      },
    });
  }

  /**
   * mergeFile merges two edits of one file (`git merge-file`): the merged bytes, or undefined when
   * the edits touch the same lines or the file is binary.
   */
  async mergeFile(base: Buffer, ours: Buffer, theirs: Buffer): Promise<Buffer | undefined> {
    const n = ++this.counter;
    const dir = await this.dir();
    const files = ['ours', 'base', 'theirs'].map((name) => join(dir, `merge-${n}-${name}`));
    const [oursFile, baseFile, theirsFile] = files as [string, string, string];
    await Promise.all([
      writeFile(oursFile, ours),
      writeFile(baseFile, base),
      writeFile(theirsFile, theirs),
    ]);
    try {
      const result = await exec('git', ['merge-file', '-q', oursFile, baseFile, theirsFile], {
        cwd: dir,
        silent: true,
        okCodes: Array.from({ length: 256 }, (_, i) => i),
      });
      return result.exitCode === 0 ? await readFile(oursFile) : undefined;
    } finally {
      await Promise.all(files.map((f) => unlink(f).catch(() => {})));
    }
  }
}

/**
 * catFileBatch asks one `git cat-file --batch` for objects by name (an object id, `<commit>^{tree}`,
 * `<rev>:<path>`; no newline in a name). `okCodes` as for Git.exec; undefined when git exits with
 * another code than 0.
 */
export async function catFileBatch(
  git: Git,
  names: readonly string[],
  okCodes: number[] = [0],
): Promise<Map<string, GitObject> | undefined> {
  if (names.length === 0) return new Map();
  const { exitCode, stdoutBytes } = await git.exec(['cat-file', '--batch'], {
    input: `${names.join('\n')}\n`,
    okCodes,
  });
  return exitCode === 0 ? parseBatch(names, stdoutBytes) : undefined;
}

/**
 * parseBatch reads cat-file --batch's answers, one per name in order: "<oid> <type> <size>\n", the
 * bytes and "\n"; or one line ("<name> missing", "<name> ambiguous") for a name that names nothing,
 * left out of the map.
 */
function parseBatch(names: readonly string[], out: Buffer): Map<string, GitObject> {
  const objects = new Map<string, GitObject>();
  let at = 0;
  for (const name of names) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    // A name may hold spaces ("<rev>:<path>"): only an answer of exactly this form has bytes.
    const header = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/.exec(
      out.subarray(at, eol).toString('latin1'),
    );
    at = eol + 1;
    if (!header) continue;
    const [, oid = '', type = '', size = '0'] = header;
    const length = Number(size);
    objects.set(name, { oid, type, bytes: Buffer.from(out.subarray(at, at + length)) });
    at += length + 1;
  }
  return objects;
}

/** objectType names what a tree entry's mode points at. */
function objectType(mode: string): string {
  if (mode === '40000' || mode === '040000') return 'tree';
  return mode === '160000' ? 'commit' : 'blob';
}

/**
 * treeRecords reads a raw tree object ("<mode> <name>\0<binary id>" entries), names as latin1 (a
 * character per byte). The object is decoded once, not entry by entry: a root tree of a few hundred
 * entries is read in a fraction of a millisecond, where per-entry decoding takes several.
 */
function treeRecords(
  bytes: Buffer,
  idLength: number,
): { mode: string; name: string; oid: string }[] {
  const text = bytes.toString('latin1');
  const hex = bytes.toString('hex');
  const out: { mode: string; name: string; oid: string }[] = [];
  let at = 0;
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    const nul = text.indexOf('\0', space);
    if (space < 0 || nul < 0) break;
    const mode = text.slice(at, space);
    const name = text.slice(space + 1, nul);
    out.push({ mode, name, oid: hex.slice(2 * (nul + 1), 2 * (nul + 1 + idLength)) });
    at = nul + 1 + idLength;
  }
  return out;
}

/** parseTree reads a raw tree object ("<mode> <name>\0<binary id>" entries), names as UTF-8. */
export function parseTree(bytes: Buffer, idLength: number): TreeEntry[] {
  return treeRecords(bytes, idLength).map(({ mode, name, oid }) => ({
    mode,
    oid,
    // Pure ASCII reads the same either way; anything else is UTF-8 in the bytes.
    path: /[^\x00-\x7f]/.test(name) ? Buffer.from(name, 'latin1').toString('utf8') : name,
  }));
}
