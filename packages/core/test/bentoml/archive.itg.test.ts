// readModelArchive against the real BentoML: archives in every format `bentoml models export`
// writes, read in TypeScript, give the tag and model.yaml that BentoML itself reports once it has
// imported them; files BentoML cannot import are refused with a reason.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { venvBin } from '@mlops-actions/testkit/python';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { archiveFormat, readModelArchive } from '../../src/bentoml/archive.ts';
import { sameModelInfo } from '../../src/bentoml/messages.ts';

const execFileAsync = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'bentoml-archive-test-'));
const env = {
  ...process.env,
  BENTOML_HOME: join(root, 'home'),
  BENTOML_DO_NOT_TRACK: 'true',
  COLUMNS: '100000',
};
const FORMATS = ['m.bentomodel', 'm.tar.gz', 'm.tar', 'm.zip', 'm.xz'];

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function bentoml(args: string[], home = env.BENTOML_HOME): Promise<string> {
  const { stdout } = await execFileAsync(venvBin('bentoml'), args, {
    env: { ...env, BENTOML_HOME: home },
  });
  return stdout;
}

beforeAll(async () => {
  // A model with upper case in its name (BentoML lowers it) and metadata of several types.
  const script = join(root, 'save.py');
  writeFileSync(
    script,
    [
      'import sys, bentoml',
      'from sklearn.dummy import DummyClassifier',
      'model = DummyClassifier().fit([[0], [1]], [0, 1])',
      'saved = bentoml.sklearn.save_model("Archive_Test", model, labels={"team": "ml"},',
      '    metadata={"accuracy": 0.98, "epochs": 3, "ok": True, "note": "yes", "tiny": 1e-05})',
      'for name in sys.argv[1:]:',
      '    bentoml.models.export_model(saved.tag, name)',
      '',
    ].join('\n'),
  );
  await execFileAsync(venvBin('python'), [script, ...FORMATS.map((f) => join(root, f))], { env });
});

describe('readModelArchive', () => {
  test.each(FORMATS)('reads %s as BentoML imports it', async (name) => {
    const model = await readModelArchive(join(root, name));
    const home = join(root, `import-${name}`);
    await bentoml(['models', 'import', join(root, name)], home);
    const [listed] = JSON.parse(await bentoml(['models', 'list', '-o', 'json'], home)) as {
      tag: string;
    }[];
    expect(model.tag).toBe(listed!.tag);
    const imported = JSON.parse(await bentoml(['models', 'get', model.tag, '-o', 'json'], home));
    expect(sameModelInfo(model.info, imported)).toBe(true);
    expect(model.info['metadata']).toEqual(imported.metadata);
  });

  test('tells a different model under the same tag from the one in the store', async () => {
    const model = await readModelArchive(join(root, 'm.bentomodel'));
    const imported = JSON.parse(
      await bentoml(['models', 'get', model.tag, '-o', 'json'], join(root, 'import-m.tar')),
    );
    expect(sameModelInfo({ ...model.info, metadata: { epochs: 4 } }, imported)).toBe(false);
  });
});

describe('files BentoML cannot import', () => {
  const bad = join(root, 'bad');

  beforeAll(() => {
    mkdirSync(bad);
    const good = readFileSync(join(root, 'm.bentomodel'));
    writeFileSync(join(bad, 'empty.bentomodel'), '');
    writeFileSync(
      join(bad, 'lfs.bentomodel'),
      'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n',
    );
    writeFileSync(join(bad, 'text.bentomodel'), 'just some text\n');
    writeFileSync(join(bad, 'truncated.bentomodel'), good.subarray(0, good.length - 40));
    const gz = readFileSync(join(root, 'm.tar.gz'));
    writeFileSync(join(bad, 'truncated.tar.gz'), gz.subarray(0, gz.length - 30));
    writeFileSync(join(bad, 'gzip-named.bentomodel'), gzipSync(Buffer.from('x')));
    writeFileSync(join(bad, 'notar.tar.gz'), gzipSync(Buffer.alloc(2048, 'a')));
    writeFileSync(join(bad, 'model.zip'), 'PK\u0003\u0004 not really');
  });

  test.each([
    ['empty.bentomodel', /^it is empty$/],
    ['lfs.bentomodel', /Git LFS or DVC pointer/],
    ['text.bentomodel', /its name says an xz-compressed tar file .* but it is not one/],
    ['gzip-named.bentomodel', /its name says an xz-compressed tar file/],
    ['truncated.bentomodel', /truncated or damaged \(its xz stream has no valid end\)/],
    ['truncated.tar.gz', /damaged or truncated/],
    ['notar.tar.gz', /not a tar archive inside/],
    ['model.zip', /damaged or truncated zip/],
  ])('refuses %s', async (name, reason) => {
    await expect(readModelArchive(join(bad, name))).rejects.toThrow(reason);
  });

  test('refuses an archive without model.yaml at its top, as BentoML does', async () => {
    const dir = join(bad, 'bento');
    mkdirSync(join(dir, 'inner'), { recursive: true });
    writeFileSync(join(dir, 'inner', 'model.yaml'), 'name: a\nversion: b\n');
    const archive = join(bad, 'nested.tar');
    await execFileAsync('tar', ['-cf', archive, '-C', dir, '.']);
    await expect(readModelArchive(archive)).rejects.toThrow(/has no model\.yaml at its top/);
    await expect(bentoml(['models', 'import', archive], join(bad, 'home'))).rejects.toThrow();
  });

  test('refuses a model.yaml whose tag BentoML would reject', async () => {
    const dir = join(bad, 'badtag');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.yaml'), 'name: "bad name"\nversion: v1\n');
    const archive = join(bad, 'badtag.tar');
    await execFileAsync('tar', ['-cf', archive, '-C', dir, '.']);
    await expect(readModelArchive(archive)).rejects.toThrow(/'bad name:v1', which is not a valid/);
  });
});

describe('archiveFormat', () => {
  test.each([
    ['model/a.bentomodel', 'xz'],
    ['a.tar.gz', 'gz'],
    ['a.zip', 'zip'],
    ['a.tar', 'tar'],
    ['a.bz2', 'bz2'],
    ['model', 'xz'],
    ['a.model', 'xz'],
  ])('reads %s as %s, as BentoML guesses it', (path, format) => {
    expect(archiveFormat(path)).toBe(format);
  });
});
