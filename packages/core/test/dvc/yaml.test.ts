// The plan phase's YAML reading: the fast reader gives what the full parser gives, or defers to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { readYamlText, stageLines } from '../../src/dvc/yaml.ts';

const example = join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'project');
const exampleFile = (name: string) => readFileSync(join(example, name), 'utf8');

const full = (text: string) => {
  const doc = parseDocument(text, { merge: true, uniqueKeys: true });
  return doc.errors.length ? undefined : (doc.toJS() as unknown);
};

function fullLines(text: string): Map<string, number> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const stages = doc.get('stages', true) as {
    items?: { key: { value: unknown; range: number[] } }[];
  };
  return new Map(
    (stages?.items ?? []).map((i) => [String(i.key.value), counter.linePos(i.key.range[0]!).line]),
  );
}

const LOCK = `schema: '2.0'
stages:
  prepare:
    cmd: python src/prepare.py
    deps:
    - path: src/prepare.py
      hash: md5
      md5: 31fdb4f47ff7ca16c8e8c652f669b5ca
      size: 2075
    params:
      params.yaml:
        prepare.seed: 7
        prepare.split:
          val: 0.15
          test: 2e-1
    outs:
    - path: data/prepared
      md5: f26007f45fd0b511fc47302f45271338.dir
      nfiles: 3
      isexec: true
`;

const TEXTS: [string, string][] = [
  ['a DVC lock', LOCK],
  ['comments and blank lines only', '# nothing\n\n   # here\n'],
  ['an empty text', ''],
  ['a byte order mark', '\uFEFFstages:\n  a:\n    cmd: x\n'],
  ['CRLF line ends', 'stages:\r\n  a:\r\n    cmd: echo a\r\n  b:\r\n    cmd: echo b\r\n'],
  ['keys a scalar would read as a number or a boolean', '1: a\ntrue: b\n1.5: c\nnull_: d\n'],
  ['flow sequences and quoted values', "y:\n  m.json: [a, 'b c', 3]\nq: 'it''s'\nd: \"x\"\n"],
  ['a block scalar', 'stages:\n  a:\n    cmd: |\n      echo 1\n      echo 2\n'],
  ['anchors and merge keys', 'base: &b\n  cmd: x\nstages:\n  a:\n    <<: *b\n    outs: [o]\n'],
  [
    'templating',
    'vars:\n  - p.yaml\nstages:\n  t:\n    foreach: ${items}\n    do:\n      cmd: echo ${item}\n',
  ],
  ['a stage key in quotes', 'stages:\n  \'a b\':\n    cmd: x\n  "c":\n    cmd: y\n'],
  ['odd numbers', 'a: 0o17\nb: 0x1F\nc: .inf\nd: -.5\ne: +3\nf: 1_000\ng: 007\n'],
];

describe('readYamlText', () => {
  test.each(TEXTS)('%s reads as the full parser reads it', (_what, text) => {
    const read = readYamlText(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value).toEqual(full(text));
  });

  test.each([
    ['dvc.yaml', exampleFile('dvc.yaml')],
    ['params.yaml', exampleFile('params.yaml')],
    ['dvc.lock', LOCK],
  ])('the example %s takes the fast path', (_name, text) => {
    const read = readYamlText(text);
    expect(read).toEqual({ ok: true, value: full(text), fast: true });
  });

  test.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an unclosed flow sequence', 'stages:\n  a: [\n'],
    ['a tab in the indentation', 'stages:\n\ta: 1\n'],
  ])('%s does not parse', (_what, text) => {
    expect(readYamlText(text).ok).toBe(full(text) !== undefined);
    expect(readYamlText(text).ok).toBe(false);
  });
});

describe('stageLines', () => {
  test.each([
    ...TEXTS,
    ['the example dvc.yaml', exampleFile('dvc.yaml')],
    [
      'stages after other keys',
      'vars:\n  - a\n# c\nstages:\n  # c\n  a:\n    cmd: x\n\n  b:\n    cmd: y\nplots:\n  - c\n',
    ],
  ])('%s: the line of each stage as the full parser finds it', (_what, text) => {
    const read = readYamlText(text);
    if (!read.ok) throw new Error('does not parse');
    const stages = (read.value as { stages?: Record<string, unknown> } | null)?.stages;
    const names = stages && typeof stages === 'object' ? Object.keys(stages) : [];
    expect(stageLines(text, names, read.fast)).toEqual(fullLines(text));
  });
});
