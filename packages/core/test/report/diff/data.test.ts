import { describe, expect, test } from 'vitest';
import { py } from '../../../src/pure/pyvalue.ts';
import {
  diffData,
  diffToJson,
  extractMetrics,
  type FileData,
  flatten,
  type RevisionData,
  selectKeys,
} from '../../../src/report/diff/data.ts';
import { parseYaml } from '../../../src/report/read/parse.ts';

const yaml = (text: string) => parseYaml('f.yaml', text);
const data = async (files: Record<string, string | undefined>): Promise<RevisionData> =>
  new Map(
    await Promise.all(
      Object.entries(files).map(
        async ([path, text]): Promise<[string, FileData]> => [
          path,
          text === undefined
            ? { kind: 'missing', reason: 'gone' }
            : { kind: 'data', node: await yaml(text) },
        ],
      ),
    ),
  );

describe('flatten', () => {
  test('joins nested keys with dots, renders lists as Python and drops empty maps', async () => {
    const flat = flatten(await yaml('a:\n  b:\n    c: 1\n  l: [1, 2.0]\n  e: {}\nn: null\n'));
    expect([...flat]).toEqual([
      ['a.b.c', py.int(1)],
      ['a.l', py.str('[1, 2.0]')],
      ['n', py.none()],
    ]);
  });
});

describe('selectKeys', () => {
  test('keeps only the named key paths, nested as in the file', async () => {
    const node = await yaml('train:\n  lr: 0.1\n  epochs: 3\nprepare:\n  split: 0.2\n');
    expect(flatten(selectKeys(node, ['train.lr', 'prepare']))).toEqual(
      new Map([
        ['train.lr', py.float(0.1)],
        ['prepare.split', py.float(0.2)],
      ]),
    );
  });

  test('ignores a key path that is not in the file', async () => {
    expect(flatten(selectKeys(await yaml('a: 1\n'), ['b.c']))).toEqual(new Map());
  });

  test('returns the whole file when no keys are named', async () => {
    const node = await yaml('a: 1\n');
    expect(selectKeys(node, [])).toBe(node);
  });
});

describe('extractMetrics', () => {
  test('keeps numbers, strings and booleans; drops lists, nulls and maps left empty', async () => {
    const node = extractMetrics(
      await yaml('acc: 0.9\nname: x\nok: true\nhist: [1, 2]\nnone: null\nempty:\n  l: [1]\n'),
    );
    expect([...flatten(node).keys()]).toEqual(['acc', 'name', 'ok']);
  });
});

describe('diffData', () => {
  test('reports changed values with new - old, and hides unchanged ones unless asked', async () => {
    const old = await data({ 'm.json': 'acc: 0.5\nsteps: 10\n' });
    const next = await data({ 'm.json': 'acc: 0.75\nsteps: 10\n' });
    expect(diffToJson(diffData(old, next))).toEqual({
      'm.json': { acc: { old: 0.5, new: 0.75, diff: 0.25 } },
    });
    expect(diffToJson(diffData(old, next, true))).toEqual({
      'm.json': { acc: { old: 0.5, new: 0.75, diff: 0.25 }, steps: { old: 10, new: 10, diff: 0 } },
    });
  });

  test('shows a key that appears or disappears as null on the other side, without a diff', async () => {
    const json = diffToJson(
      diffData(await data({ 'm.json': 'a: 1\n' }), await data({ 'm.json': 'b: 2\n' })),
    );
    expect(json).toEqual({ 'm.json': { a: { old: 1, new: null }, b: { old: null, new: 2 } } });
  });

  test('treats a file missing at one revision as all nulls there', async () => {
    const json = diffToJson(
      diffData(await data({ 'm.json': undefined }), await data({ 'm.json': 'a: 1\n' })),
    );
    expect(json).toEqual({ 'm.json': { a: { old: null, new: 1 } } });
  });

  test('compares 1 and 1.0 and True as equal, and subtracts booleans as Python does', async () => {
    const json = diffToJson(
      diffData(
        await data({ 'p.yaml': 'a: 1\nb: true\nc: true\n' }),
        await data({ 'p.yaml': 'a: 1.0\nb: 1\nc: false\n' }),
      ),
    );
    expect(json).toEqual({ 'p.yaml': { c: { old: true, new: false, diff: -1 } } });
  });

  test('keys a scalar file with the empty string, as DVC does', async () => {
    const json = diffToJson(
      diffData(await data({ 'm.json': '0.5' }), await data({ 'm.json': '0.75' })),
    );
    expect(json).toEqual({ 'm.json': { '': { old: 0.5, new: 0.75, diff: 0.25 } } });
  });

  test('does not subtract strings', async () => {
    const json = diffToJson(
      diffData(await data({ 'p.yaml': 'a: x\n' }), await data({ 'p.yaml': 'a: 2\n' })),
    );
    expect(json).toEqual({ 'p.yaml': { a: { old: 'x', new: 2 } } });
  });
});
