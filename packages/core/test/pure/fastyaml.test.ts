import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@mlops-actions/testkit/node24';
import { describe, expect, test } from 'vitest';
import { fastYaml, resolvePlain } from '../../src/pure/fastyaml.ts';
import { py } from '../../src/pure/pyvalue.ts';
import { parseYamlFully } from '../../src/report/read/parse.ts';

const LOCK = `schema: '2.0'
stages:
  prepare:
    cmd: python src/prepare.py
    deps:
    - path: src/prepare.py
      hash: md5
      md5: 0f7ba1b5d1ba4b0ac1c5d2c1bbf0f001
      size: 1234
    params:
      params.yaml:
        prepare.seed: 7
        prepare.split:
          val: 0.15
          test: 0.2
    outs:
    - path: data/prepared
      hash: md5
      md5: 6d3b0e4a5c1f2e3d4c5b6a7980123456.dir
      size: 200123
      nfiles: 3
`;

const ACCEPTED = [
  LOCK,
  readFileSync(join(repoRoot, 'examples', 'project', 'dvc.yaml'), 'utf8'),
  readFileSync(join(repoRoot, 'examples', 'project', 'params.yaml'), 'utf8'),
  "a: 1\nb: 1.0\nc: 1e-5\nd: .inf\ne: -.Inf\nf: 0x1F\ng: 0o17\nh: +12\ni: ~\nj:\nk: yes\nl: True\nm: \"quoted\"\nn: 'it''s'\n",
  '1: one\ntrue: t\n2.5: f\n',
  'list:\n- a\n- - nested\n  - deeper\n-\n  key: v\n- k: 1\n  j: 2\n',
  'key:\n  - 1\n  - 2\nother: x # a comment\n# full line comment\n\n',
  'top:\n    deep:\n        deeper: 3\n    back: 4\n',
  'text: python src/train.py --epochs 3\nurl: http://example.com/a#frag\n',
  '- 1\n- two\n',
  'layers: [64, 32]\nnames: [a, \'b c\', "d"]\nnone: []\nnested:\n  - [1, 2.5]\n',
  '# only a comment\n',
  '',
  'a: 1\r\nb:\r\n  c: 2\r\n',
];

const DEFERRED = [
  'base: &b\n  lr: 1\nrun:\n  <<: *b\n',
  'a: [1, [2]]\n',
  'a: [1, 2,]\n',
  'a: [a: 1]\n',
  'a: [1,\n  2]\n',
  'a: {b: 1}\n',
  'a: |\n  text\n',
  'a: >\n  text\n',
  'a: multi\n  line\n',
  'a: 1\na: 2\n',
  'a: "x # y"\n',
  'a: !!float 3\n',
  '---\na: 1\n',
  'a:\n\t- 1\n',
  'a: "esc\\n"\n',
  '? complex\n: value\n',
  'just a scalar\n',
  'a: b: c\n',
  'a: 1\n  b: 2\n',
];

describe('fastYaml', () => {
  test.each(ACCEPTED.map((text, i) => [i, text]))(
    'reads plain block YAML #%s exactly as the full parser does',
    async (_, text) => {
      const fast = fastYaml(text);
      expect(fast).toBeDefined();
      const full = await parseYamlFully('f.yaml', text).catch((error: unknown) => error);
      // The full parser turns a falsy document into {}, as DVC does; compare the same way.
      const empty = fast?.t === 'list' && fast.items.length === 0;
      expect(empty ? py.map([]) : fast).toEqual(full);
    },
  );

  test.each(DEFERRED.map((text, i) => [i, text]))(
    'leaves YAML #%s it does not fully handle to the full parser',
    (_, text) => {
      expect(fastYaml(text)).toBeUndefined();
    },
  );

  test.each([
    ['1.0', py.float(1)],
    ['12', py.int(12)],
    ['-0.5e3', py.float(-500)],
    ['.nan', py.float(Number.NaN)],
    ['NULL', py.none()],
    ['FALSE', py.bool(false)],
    ['on', py.str('on')],
    ['1_000', py.str('1_000')],
  ])('resolves the plain scalar %s with YAML 1.2 core rules', async (text, value) => {
    expect(resolvePlain(text)).toEqual(value);
    expect(await parseYamlFully('f.yaml', `v: ${text}\n`)).toEqual(py.map([[py.str('v'), value]]));
  });
});
