import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { collectSources } from '../../src/k8s/sources.ts';

let ws: string;

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'k8s-sources-'));
  for (const dir of ['kubernetes', 'overlays/prod', 'empty', 'kubernetes/nested'])
    mkdirSync(join(ws, dir), { recursive: true });
  for (const file of [
    'kubernetes/service.yaml',
    'kubernetes/deployment.yml',
    'kubernetes/extra.json',
    'kubernetes/README.md',
    'kubernetes/nested/skip.yaml',
    'overlays/prod/kustomization.yaml',
    'overlays/prod/patch.yaml',
  ]) {
    writeFileSync(join(ws, file), 'kind: x\n');
  }
});

const shown = (entries: string[]) =>
  collectSources(ws, entries).map((s) => `${s.kind}:${s.display}`);

describe('collectSources', () => {
  test('a folder gives its manifest files, sorted, without subfolders', () => {
    expect(shown(['kubernetes/'])).toEqual([
      'file:kubernetes/deployment.yml',
      'file:kubernetes/extra.json',
      'file:kubernetes/service.yaml',
    ]);
  });

  test('a folder with a kustomization is rendered as a whole', () => {
    expect(shown(['overlays/prod'])).toEqual(['kustomize:overlays/prod']);
  });

  test('a glob matches manifest files and keeps the order of entries without duplicates', () => {
    expect(shown(['kubernetes/service.yaml', 'kubernetes/**/*.yaml'])).toEqual([
      'file:kubernetes/service.yaml',
      'file:kubernetes/nested/skip.yaml',
    ]);
  });

  test.each([
    [['missing.yaml'], "lists 'missing.yaml', which does not exist"],
    [['empty'], "lists the folder 'empty', which has no .yaml, .yml or .json file"],
    [['nothing/*.yaml'], "has the pattern 'nothing/*.yaml', which matches no manifest"],
    [['../outside.yaml'], 'which is outside the workspace'],
    [['../*/x.yaml'], 'which is outside the workspace'],
  ])('%j is an input error', (entries, message) => {
    expect(() => collectSources(ws, entries)).toThrow(message);
  });
});
