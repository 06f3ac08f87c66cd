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

/** Scratch is a temporary folder with the plumbing the commit logic needs; close() removes it. */
export class Scratch {
  readonly git: Git;
  readonly dir: string;
  private readonly gitDir: string;
  private counter = 0;

  private constructor(git: Git, dir: string, gitDir: string) {
    this.git = git;
    this.dir = dir;
    this.gitDir = gitDir;
  }

  /** open makes the scratch folder under RUNNER_TEMP (or the system's temp folder). */
  static async open(git: Git, gitDir?: string): Promise<Scratch> {
    gitDir ??= await git.run(['rev-parse', '--absolute-git-dir']);
    const dir = await mkdtemp(join(process.env['RUNNER_TEMP'] || tmpdir(), 'mlops-commit-'));
    return new Scratch(git, dir, gitDir);
  }

  /** close removes the scratch folder. */
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /** readBlob returns a blob's exact bytes (`git unpack-file`: git writes them, we read the file). */
  async readBlob(oid: string): Promise<Buffer> {
    const { stdout } = await exec('git', ['unpack-file', oid], {
      cwd: this.dir,
      env: { GIT_DIR: this.gitDir, GIT_WORK_TREE: undefined },
      silent: true,
    });
    const file = join(this.dir, stdout.trim());
    try {
      return await readFile(file);
    } finally {
      await unlink(file).catch(() => {});
    }
  }

  /**
   * writeBlob stores bytes as a blob. With `path`, the repository's clean filters for that path
   * apply (.gitattributes eol, LFS), as `git add` would; without it the bytes are stored as given.
   */
  async writeBlob(bytes: Uint8Array, path?: string): Promise<string> {
    const args = [
      'hash-object',
      '-w',
      '--stdin',
      ...(path === undefined ? ['--no-filters'] : [`--path=${path}`]),
    ];
    return this.git.run(args, { input: Buffer.from(bytes) });
  }

  /** entries lists the tree entries at exactly these paths in a tree-ish (absent paths are missing). */
  async entries(
    treeish: string | undefined,
    paths: readonly string[],
  ): Promise<Map<string, TreeEntry>> {
    const found = new Map<string, TreeEntry>();
    if (!treeish || paths.length === 0) return found;
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
    const env = { GIT_INDEX_FILE: join(this.dir, `index-${++this.counter}`) };
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
    const files = ['ours', 'base', 'theirs'].map((name) => join(this.dir, `merge-${n}-${name}`));
    const [oursFile, baseFile, theirsFile] = files as [string, string, string];
    await Promise.all([
      writeFile(oursFile, ours),
      writeFile(baseFile, base),
      writeFile(theirsFile, theirs),
    ]);
    try {
      const result = await exec('git', ['merge-file', '-q', oursFile, baseFile, theirsFile], {
        cwd: this.dir,
        silent: true,
        okCodes: Array.from({ length: 256 }, (_, i) => i),
      });
      return result.exitCode === 0 ? await readFile(oursFile) : undefined;
    } finally {
      await Promise.all(files.map((f) => unlink(f).catch(() => {})));
    }
  }
}
