// The plan phase, through the bundled action as the runner runs it: every input and every file it
// reads, each wrong in a way a user gets it wrong, stops the step with one error line and exit 1
// before BentoML is set up. BentoML is not on PATH here, so a run that got as far as setting it
// up would install it into the runner's tool cache: the tool cache must stay empty. Around every
// run the checkout, a BentoML store that already holds a model and a Bento, the registry's
// storage and the registry login file are compared file by file: nothing may change.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type BuildahEnv, buildahEnv } from '@mlops-actions/testkit/buildah';
import { type ActionResult, runAction } from '@mlops-actions/testkit/harness';
import { type LocalRegistry, startRegistry } from '@mlops-actions/testkit/registry';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  copyProject,
  removeProjects,
  saveModelArchive,
  type TrainedProject,
  trainedProject,
} from './support/project.ts';

const execFileAsync = promisify(execFile);
const action = resolve(import.meta.dirname, '..');

let project: TrainedProject;
let workspace: string;
let home: string;
let registry: LocalRegistry;
let buildah: BuildahEnv;
let path: string;

/** snapshot lists every file and folder under `root` with its size and modification time. */
function snapshot(root: string): string[] {
  // The registry makes its storage folder with the first push.
  if (!existsSync(root)) return ['(none)'];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      const stat = statSync(full);
      out.push(
        `${full.slice(root.length)} ${entry.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`,
      );
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return out;
}

function state(): Record<string, string[]> {
  return {
    workspace: snapshot(workspace),
    home: snapshot(home),
    registry: snapshot(registry.storageDir),
    login: [readFileSync(buildah.env['REGISTRY_AUTH_FILE']!, 'utf8')],
  };
}

beforeAll(async () => {
  project = await trainedProject();
  workspace = copyProject(project);
  const model = (name: string) => join(workspace, 'model', name);
  const good = readFileSync(model('digits_classifier.bentomodel'));
  writeFileSync(
    model('lfs.bentomodel'),
    'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 4096\n',
  );
  writeFileSync(model('empty.bentomodel'), '');
  writeFileSync(model('cut.bentomodel'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(model('fake.tar.gz'), 'not a tarball at all\n');
  // A tar archive of a folder that holds model.yaml one level down, not at its top.
  const nested = mkdtempSync(join(tmpdir(), 'bentoml-nested-'));
  mkdirSync(join(nested, 'inner'));
  writeFileSync(join(nested, 'inner', 'model.yaml'), 'name: m\nversion: v1\n');
  await execFileAsync('tar', ['-cf', model('nested.tar'), '-C', nested, '.']);
  rmSync(nested, { recursive: true, force: true });
  await saveModelArchive(project, 'twin:v1', model('twin-a.bentomodel'), { round: 1 });
  await saveModelArchive(project, 'twin:v1', model('twin-b.bentomodel'), { round: 2 });
  const bentofiles: Record<string, string> = {
    'syntax.yaml': 'service: "src.serve:DigitsClassifier"\npython:\n  packages: [numpy\n',
    'schema.yaml': 'service: "src.serve:DigitsClassifier"\npython:\n  packages: 3\n',
    'extra-key.yaml': 'service: "src.serve:DigitsClassifier"\nfoo: 1\n',
    'docker-key.yaml': 'service: "src.serve:DigitsClassifier"\ndocker:\n  base: debian\n',
    'no-service.yaml': 'include:\n  - src/serve.py\n',
    'service-form.yaml': 'service: "DigitsClassifier"\n',
    'requirements.yaml':
      'service: "src.serve:DigitsClassifier"\npython:\n  requirements_txt: req.txt\n',
    'list.yaml': '- service\n',
  };
  for (const [name, text] of Object.entries(bentofiles)) writeFileSync(join(workspace, name), text);

  // A store that holds the project's model and one Bento built from it, as a kept runner has.
  home = mkdtempSync(join(tmpdir(), 'bentoml-home-'));
  const env = { ...project.env, BENTOML_HOME: home, BENTOML_DO_NOT_TRACK: 'true' };
  await execFileAsync(
    join(project.bin, 'bentoml'),
    ['models', 'import', model('digits_classifier.bentomodel')],
    { env },
  );
  await execFileAsync(join(project.bin, 'bentoml'), ['build', workspace], { env, cwd: workspace });

  registry = await startRegistry();
  buildah = buildahEnv();
  buildah.allowInsecure([registry.host]);
  // Everything but BentoML's venv: buildah for the backend check, and no bentoml.
  path = (process.env['PATH'] ?? '')
    .split(':')
    .filter((dir) => dir && dir !== project.bin)
    .join(':');
  if (!path.split(':').some((dir) => dir === dirname('/usr/bin/buildah'))) path += ':/usr/bin';
}, 600_000);

afterAll(async () => {
  await registry?.stop();
  for (const dir of [home, buildah?.configDir])
    if (dir) rmSync(dir, { recursive: true, force: true });
  removeProjects();
});

type Case = [
  name: string,
  inputs: Record<string, string>,
  message: string | RegExp,
  at?: { file: string; line: number },
];

// '<registry>' stands for the local registry's host:port, known once it has started.
const images = '<registry>/team/digits';
const model = 'model/digits_classifier.bentomodel';
const CASES: Case[] = [
  // model: the archives and the files they must be
  [
    'a model file that does not exist',
    { model: 'model/missing.bentomodel' },
    "the model file 'model/missing.bentomodel' does not exist. Produce it first (for example with dvc pull or dvc repro), or fix the path in 'model'.",
  ],
  [
    'a model path that is a folder',
    { model: 'src' },
    "the model path 'src' is not a file. Point 'model' at a .bentomodel archive made by bentoml models export.",
  ],
  [
    'a model that is a Git LFS pointer',
    { model: 'model/lfs.bentomodel' },
    "'model/lfs.bentomodel' is not a BentoML model archive: it is a Git LFS or DVC pointer file, not the archive it points to (fetch the real file first). Point 'model' at the file `bentoml models export` wrote (a .bentomodel).",
  ],
  [
    'an empty model file',
    { model: 'model/empty.bentomodel' },
    "'model/empty.bentomodel' is not a BentoML model archive: it is empty. Point 'model' at the file `bentoml models export` wrote (a .bentomodel).",
  ],
  [
    'a model archive cut off half-way',
    { model: 'model/cut.bentomodel' },
    "'model/cut.bentomodel' is not a BentoML model archive: it is truncated or damaged (its xz stream has no valid end). Point 'model' at the file `bentoml models export` wrote (a .bentomodel).",
  ],
  [
    'a .tar.gz model that is not gzip',
    { model: 'model/fake.tar.gz' },
    "'model/fake.tar.gz' is not a BentoML model archive: its name says a gzip-compressed tar file (BentoML reads the format from the extension), but it is not one. Point 'model' at the file `bentoml models export` wrote (a .bentomodel).",
  ],
  [
    'a tar file without model.yaml at its top',
    { model: 'model/nested.tar' },
    "'model/nested.tar' is not a BentoML model archive: it has no model.yaml at its top (a model export has one; is this a Bento or another archive?). Point 'model' at the file `bentoml models export` wrote (a .bentomodel).",
  ],
  [
    'two archives with different models under one tag',
    { model: 'model/twin-a.bentomodel\nmodel/twin-b.bentomodel' },
    "'model/twin-a.bentomodel' and 'model/twin-b.bentomodel' hold different models under the same tag twin:v1. Save one of them under another version, or list only one of them in 'model'.",
  ],
  ['a model path outside the workspace', { model: '../outside.bentomodel' }, /^input 'model' /],
  ['an overwrite that is not a boolean', { model, overwrite: 'yes' }, /^input 'overwrite' /],
  // build-context and bentofile
  [
    'a build context that does not exist',
    { model, 'build-context': 'service' },
    "input 'build-context' is 'service', which is not a folder. Check out the repository first, or set 'build-context' to the folder that holds the service's code.",
  ],
  [
    'a bentofile that does not exist',
    { model, bentofile: 'missing.yaml' },
    "the bentofile 'missing.yaml' does not exist. Check out the repository first, or set 'build-context' or 'bentofile' to where bentofile.yaml is.",
  ],
  [
    'a bentofile with a YAML error',
    { model, bentofile: 'syntax.yaml' },
    /^the bentofile 'syntax\.yaml' is not valid: invalid YAML, .+\. Fix it \(reference: /,
    { file: 'syntax.yaml', line: 3 },
  ],
  [
    'a bentofile list that is a number',
    { model, bentofile: 'schema.yaml' },
    "the bentofile 'schema.yaml' is not valid: 'python.packages' must be a list of strings. Fix it (reference: https://docs.bentoml.com/en/latest/reference/bentoml/bento-build-options.html).",
    { file: 'schema.yaml', line: 3 },
  ],
  [
    'a bentofile with an unknown key',
    { model, bentofile: 'extra-key.yaml' },
    /^the bentofile 'extra-key\.yaml' is not valid: 'foo' is not a bentofile key \(BentoML accepts service, name, /,
    { file: 'extra-key.yaml', line: 2 },
  ],
  [
    'a bentofile with an unknown docker key',
    { model, bentofile: 'docker-key.yaml' },
    /^the bentofile 'docker-key\.yaml' is not valid: 'docker\.base' is not a bentofile key/,
    { file: 'docker-key.yaml', line: 3 },
  ],
  [
    'a bentofile without a service',
    { model, bentofile: 'no-service.yaml' },
    /^the bentofile 'no-service\.yaml' is not valid: it has no 'service' /,
  ],
  [
    'a bentofile service that is not module:Service',
    { model, bentofile: 'service-form.yaml' },
    /^the bentofile 'service-form\.yaml' is not valid: 'service' is 'DigitsClassifier', not module:Service/,
    { file: 'service-form.yaml', line: 1 },
  ],
  [
    'a bentofile whose requirements file is missing',
    { model, bentofile: 'requirements.yaml' },
    /^the bentofile 'requirements\.yaml' is not valid: 'python\.requirements_txt' names 'req\.txt', which is not in the build context/,
    { file: 'requirements.yaml', line: 3 },
  ],
  [
    'a bentofile that is a list',
    { model, bentofile: 'list.yaml' },
    /^the bentofile 'list\.yaml' is not valid: it is not a mapping of bentofile keys/,
  ],
  // images, tags and the registry
  [
    'an image repository with a tag',
    { model, images: `${images}:v1`, backend: 'buildah' },
    `input 'images' has '${images}:v1', which has a tag or digest. List repositories without a tag in 'images', and put tags in 'tags'.`,
  ],
  [
    'an image repository that is not one',
    { model, images: '<registry>/team/bad repo', backend: 'buildah' },
    /^input 'images' has '.*bad repo', which is not an image repository: it contains white space\./,
  ],
  [
    'an invalid image tag',
    { model, images, tags: 'v1\nbad tag?', backend: 'buildah' },
    /^input 'tags' has 'bad tag\?', which is not a valid image tag/,
  ],
  [
    'an unknown kind of generated tag',
    { model, 'generated-tags': 'sha,nightly' },
    /^input 'generated-tags' has 'nightly', which is not a kind of generated tag\. Use some of: sha, short-sha, branch, latest; or none\./,
  ],
  ['an unknown backend', { model, backend: 'kaniko' }, /^input 'backend' /],
  [
    'a backend that is not installed',
    { model, images, backend: 'podman' },
    'the podman backend needs `podman`, which is not on PATH. Install podman on the runner (Debian and Ubuntu: apt-get install podman).',
  ],
  ['a push that is not a boolean', { model, push: 'maybe' }, /^input 'push' /],
  ['push-attempts of 0', { model, 'push-attempts': '0' }, /^input 'push-attempts' /],
  [
    'a username without a password',
    { model, images, username: 'bot' },
    /^input 'password' is empty, but a username is set\./,
  ],
  [
    'a password without a username',
    { model, images, password: 'hunter2-secret' },
    /^input 'username' is empty, but a password is set\./,
  ],
  [
    'a registry written as a URL',
    { model, images, registry: 'https://<registry>/' },
    /^input 'registry' is 'https:\/\/.*', which is not a registry host\[:port\]\./,
  ],
  [
    'a platform without an architecture',
    { model, images, platform: 'amd64' },
    /^input 'platform' is 'amd64', which is not an os\/arch\[\/variant\] platform\./,
  ],
  // BentoML itself
  [
    'a bentoml-version that is not a release',
    { model, 'bentoml-version': 'latest' },
    "input 'bentoml-version' is 'latest', which is not a BentoML release number. Set it to a release such as 1.4.40 (https://pypi.org/project/bentoml/#history).",
  ],
  [
    'no bentoml and no bentoml-version',
    { model, 'bentoml-version': '' },
    '`bentoml` is not on PATH and bentoml-version is empty. Install BentoML in an earlier step, or set bentoml-version (such as 1.4.40) so the action installs it.',
  ],
];

describe('every bad input stops the step before BentoML is set up', () => {
  test('the sweep has at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  test.each(CASES)('%s', async (name, given, message, at) => {
    const inputs = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [k, v.replaceAll('<registry>', registry.host)]),
    );
    const before = state();
    const result: ActionResult = await runAction({
      action,
      workspace,
      inputs: { 'generated-tags': 'sha', ...inputs },
      env: { PATH: path, BENTOML_HOME: home, ...buildah.env },
    });
    expect(result.exitCode, `${name}\n${result.log}`).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    const text = errors[0]!.message;
    expect(text.startsWith('bentoml failed: ')).toBe(true);
    expect(text).not.toContain('\n');
    const said = text.slice('bentoml failed: '.length);
    if (typeof message === 'string')
      expect(said).toBe(message.replaceAll('<registry>', registry.host));
    else expect(said).toMatch(message);
    if (at) expect(errors[0]).toMatchObject(at);
    // Nothing was set up, logged in, imported, built or pushed.
    expect(result.log).not.toMatch(/::group::(?:Set up BentoML|Log in|Import|Build|Push)/);
    expect(readdirSync(result.paths.toolCache)).toEqual([]);
    expect(state()).toEqual(before);
    expect(result.logWithoutMasks).not.toContain('hunter2-secret');
  });
});
