import { describe, expect, test } from 'vitest';
import { py } from '../../../src/pure/pyvalue.ts';
import {
  DataParseError,
  formatOf,
  parseJson,
  parseStructured,
  parseSv,
  parseYaml,
} from '../../../src/report/read/parse.ts';

async function rejectionOf(promise: Promise<unknown>): Promise<DataParseError> {
  const error = await promise.then(
    () => new Error('did not throw'),
    (e: unknown) => e,
  );
  if (error instanceof DataParseError) return error;
  throw error;
}

function errorOf(fn: () => unknown): DataParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataParseError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('parseJson', () => {
  test('keeps 1.0 a float and 1 an int, as Python does', () => {
    expect(parseJson('m.json', '{"a": 1.0, "b": 1, "c": 1e3}')).toEqual(
      py.map([
        [py.str('a'), py.float(1)],
        [py.str('b'), py.int(1)],
        [py.str('c'), py.float(1000)],
      ]),
    );
  });

  test('accepts NaN and Infinity as Python json does', () => {
    const node = parseJson('m.json', '{"loss": NaN, "max": Infinity, "min": -Infinity}');
    expect(node).toEqual(
      py.map([
        [py.str('loss'), py.float(Number.NaN)],
        [py.str('max'), py.float(Number.POSITIVE_INFINITY)],
        [py.str('min'), py.float(Number.NEGATIVE_INFINITY)],
      ]),
    );
  });

  test('lets a later duplicate key win in the place of the first', () => {
    expect(parseJson('m.json', '{"a": 1, "b": 2, "a": 3}')).toEqual(
      py.map([
        [py.str('a'), py.int(3)],
        [py.str('b'), py.int(2)],
      ]),
    );
  });

  test('keeps ints and floats apart inside nested lists and mappings', () => {
    expect(parseJson('m.json', '{"x": {"y": [1, 2.5, -0.0, 3E2]}, "z": true, "n": null}')).toEqual(
      py.map([
        [
          py.str('x'),
          py.map([[py.str('y'), py.list([py.int(1), py.float(2.5), py.float(-0), py.float(300)])]]),
        ],
        [py.str('z'), py.bool(true)],
        [py.str('n'), py.none()],
      ]),
    );
  });

  test("keeps integer-like keys in the file's order, as a Python dict does", () => {
    expect(parseJson('m.json', '{"b": 1, "10": 2, "2": {"1": 3.0, "0": 4}}')).toEqual(
      py.map([
        [py.str('b'), py.int(1)],
        [py.str('10'), py.int(2)],
        [
          py.str('2'),
          py.map([
            [py.str('1'), py.float(3)],
            [py.str('0'), py.int(4)],
          ]),
        ],
      ]),
    );
  });

  test('reads escapes in strings', () => {
    expect(parseJson('m.json', '["a\\"b\\u00e9\\n"]')).toEqual(py.list([py.str('a"bé\n')]));
  });

  test.each([
    ['{\n  "a": 1,\n  "b": 2\n  "c": 3\n}', 4],
    ['{\n  "a": [1, 2,\n', 3],
    ['{"a": 1}\n{"b": 2}', 2],
    ['{\n  "a": tru\n}', 2],
    ['', 1],
  ])('names the line of a syntax error (%#)', (text, line) => {
    const error = errorOf(() => parseJson('eval/metrics.json', text));
    expect(error.file).toBe('eval/metrics.json');
    expect(error.line).toBe(line);
    expect(error.message).toContain(`eval/metrics.json:${line}`);
  });

  test.each(['null', '0', '[]', '""'])(
    'reads the falsy document %s as an empty mapping, as DVC does',
    (text) => {
      expect(parseJson('m.json', text)).toEqual(py.map([]));
    },
  );
});

describe('parseYaml', () => {
  test('tells floats from ints by how they are written', async () => {
    const node = await parseYaml('p.yaml', 'a: 1.0\nb: 1\nc: 1e-5\nd: [1, 2.0]\ne: .inf\n');
    expect(node).toEqual(
      py.map([
        [py.str('a'), py.float(1)],
        [py.str('b'), py.int(1)],
        [py.str('c'), py.float(1e-5)],
        [py.str('d'), py.list([py.int(1), py.float(2)])],
        [py.str('e'), py.float(Number.POSITIVE_INFINITY)],
      ]),
    );
  });

  test('reads YAML 1.2: yes and on stay strings, true is a boolean', async () => {
    expect(await parseYaml('p.yaml', 'a: yes\nb: on\nc: true\nd: null\n')).toEqual(
      py.map([
        [py.str('a'), py.str('yes')],
        [py.str('b'), py.str('on')],
        [py.str('c'), py.bool(true)],
        [py.str('d'), py.none()],
      ]),
    );
  });

  test('keeps int keys as ints', async () => {
    expect(await parseYaml('p.yaml', '1: one\n')).toEqual(py.map([[py.int(1), py.str('one')]]));
  });

  test('applies merge keys and anchors', async () => {
    const node = await parseYaml(
      'p.yaml',
      'base: &b\n  lr: 0.1\n  seed: 1\nrun:\n  <<: *b\n  seed: 2\n',
    );
    expect(node).toEqual(
      py.map([
        [
          py.str('base'),
          py.map([
            [py.str('lr'), py.float(0.1)],
            [py.str('seed'), py.int(1)],
          ]),
        ],
        [
          py.str('run'),
          py.map([
            [py.str('lr'), py.float(0.1)],
            [py.str('seed'), py.int(2)],
          ]),
        ],
      ]),
    );
  });

  test('names the line of a syntax error', async () => {
    const error = await rejectionOf(
      parseYaml('params.yaml', 'train:\n  lr: 0.1\n  epochs: [1, 2\nother: 3\n'),
    );
    expect(error.file).toBe('params.yaml');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/^params\.yaml:\d+ does not parse: invalid YAML/);
  });

  test('refuses duplicate keys, as ruamel does', async () => {
    expect((await rejectionOf(parseYaml('p.yaml', 'a: 1\na: 2\n'))).line).toBe(2);
  });

  test('reads an empty document as an empty mapping', async () => {
    expect(await parseYaml('p.yaml', '# nothing\n')).toEqual(py.map([]));
  });
});

describe('formats', () => {
  test.each([
    ['metrics.json', 'json'],
    ['params.yaml', 'yaml'],
    ['params.yml', 'yaml'],
    ['metrics.txt', 'yaml'],
    ['params.toml', 'toml'],
    ['plots/loss.CSV', 'csv'],
    ['plots/loss.tsv', 'tsv'],
  ])('reads %s as %s, as DVC picks its loader', (path, format) => {
    expect(formatOf(path)).toBe(format);
  });

  test('parseStructured refuses TOML, which DVC reads but this reader does not', async () => {
    await expect(parseStructured('p.toml', 'a = 1')).rejects.toThrow(DataParseError);
  });
});

describe('parseSv', () => {
  test('reads CSV rows keyed by the header, values as strings', () => {
    expect(parseSv('step,loss\n0,1.5\n1,"0,5"\n\n', ',')).toEqual([
      { step: '0', loss: '1.5' },
      { step: '1', loss: '0,5' },
    ]);
  });

  test('reads TSV, quotes with doubled quotes, and CRLF line ends', () => {
    expect(parseSv('a\tb\r\n"x ""y"""\t2\r\n', '\t')).toEqual([{ a: 'x "y"', b: '2' }]);
  });

  test('names columns by index without a header', () => {
    expect(parseSv('1,2\n3,4\n', ',', false)).toEqual([
      { '0': '1', '1': '2' },
      { '0': '3', '1': '4' },
    ]);
  });
});
