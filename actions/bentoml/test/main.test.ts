import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inputs } from '@mlops-actions/core';
import { afterAll, describe, expect, test } from 'vitest';
import { readInputs } from '../src/main.ts';

// A workspace with a bentofile, as actions/checkout leaves it.
const workspace = mkdtempSync(join(tmpdir(), 'bentoml-main-'));
mkdirSync(join(workspace, 'service'));
writeFileSync(join(workspace, 'bentofile.yaml'), 'service: "src.serve:Svc"\n');
writeFileSync(join(workspace, 'service', 'bentofile.yaml'), 'service: "serve:Svc"\n');
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function inputs(values: Record<string, string>): Inputs {
  const env: Record<string, string> = { GITHUB_WORKSPACE: workspace };
  for (const [k, v] of Object.entries(values)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Inputs(env);
}

describe('readInputs', () => {
  test('reads the defaults of a run with no inputs but a bentofile', () => {
    expect(readInputs(inputs({ 'bentoml-version': '1.4.40' }))).toMatchObject({
      models: [],
      overwrite: false,
      buildContext: workspace,
      bentofile: join(workspace, 'bentofile.yaml'),
      images: [],
      tags: [],
      generatedTags: [],
      backend: 'docker',
      push: true,
      pushAttempts: 4,
    });
  });

  test('takes the bentofile from build-context when bentofile is empty', () => {
    expect(readInputs(inputs({ 'build-context': 'service' })).bentofile).toBe(
      join(workspace, 'service', 'bentofile.yaml'),
    );
  });

  test('resolves model archives against the workspace', () => {
    expect(readInputs(inputs({ model: 'model/a.bentomodel\nmodel/b.bentomodel' })).models).toEqual([
      join(workspace, 'model', 'a.bentomodel'),
      join(workspace, 'model', 'b.bentomodel'),
    ]);
  });

  test('splits tags on lines and commas', () => {
    expect(readInputs(inputs({ tags: 'v1, stable\nrc' })).tags).toEqual(['v1', 'stable', 'rc']);
  });

  test.each([
    ['sha,branch', ['sha', 'branch']],
    ['none', []],
    ['latest', ['latest']],
  ])('reads generated-tags %j', (value, expected) => {
    expect(readInputs(inputs({ 'generated-tags': value })).generatedTags).toEqual(expected);
  });

  test.each([
    [{ 'generated-tags': 'sha,commit' }, /input 'generated-tags' has 'commit'/],
    [{ backend: 'kaniko' }, /input 'backend'/],
    [{ push: 'yes' }, /input 'push' is 'yes', which is not a boolean/],
    [{ 'push-attempts': '0' }, /input 'push-attempts'/],
    [{ password: 'p4ssw0rd' }, /input 'username' is empty, but a password is set/],
    [{ username: 'bot' }, /input 'password' is empty, but a username is set/],
    [
      { username: 'bot', password: 'p4ssw0rd' },
      /input 'registry' is empty and there are no images/,
    ],
    [{ model: '../outside.bentomodel' }, /input 'model'/],
    [{ 'build-context': 'nowhere' }, /input 'build-context' is 'nowhere', which is not a folder/],
    [{ registry: 'https://ghcr.io/' }, /input 'registry' is 'https:\/\/ghcr.io\/', which is not/],
    [{ platform: 'amd64' }, /input 'platform' is 'amd64', which is not an os\/arch/],
    [{ bentofile: 'missing.yaml' }, /the bentofile 'missing.yaml' does not exist/],
  ])('refuses %j', (values, message) => {
    expect(() => readInputs(inputs(values))).toThrow(message);
  });
});
