import * as actionsCore from '@actions/core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  InputError,
  Inputs,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  resolveInside,
} from '../src/index.ts';

describe('parseBoolean', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' false ', false],
    ['False', false],
    ['FALSE', false],
  ])('reads %j as %s', (value, expected) => {
    expect(parseBoolean('flag', value)).toBe(expected);
  });

  test.each(['yes', 'tru', '1', 'on', 'tRUE'])(
    'refuses %j and lists the accepted values',
    (value) => {
      const error = (() => {
        try {
          parseBoolean('flag', value);
        } catch (e) {
          return e as InputError;
        }
      })();
      expect(error).toBeInstanceOf(InputError);
      expect([error?.message, error?.hint]).toEqual([
        `input 'flag' is '${value}', which is not a boolean`,
        'Use one of: true, True, TRUE, false, False, FALSE.',
      ]);
    },
  );
});

describe('parseList', () => {
  test.each([
    ['a\nb\n\n c ', {}, ['a', 'b', 'c']],
    ['a, b\nc', { comma: true }, ['a', 'b', 'c']],
    ['a, b', {}, ['a, b']],
    ['# comment\na\r\nb', {}, ['a', 'b']],
    ['', { comma: true }, []],
  ])('splits %j', (value, options, expected) => {
    expect(parseList(value, options)).toEqual(expected);
  });
});

describe('parseDuration', () => {
  test.each([
    ['90', 90_000],
    ['1.5', 1_500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['2m30s', 150_000],
  ])('reads %j as %i ms', (value, ms) => {
    expect(parseDuration('timeout', value)).toBe(ms);
  });

  test.each(['5 minutes', 'm5', '-3s', '5d', ''])(
    'refuses %j with an example of the format',
    (value) => {
      expect(() => parseDuration('timeout', value)).toThrow(/input 'timeout'/);
    },
  );
});

describe('parseInteger and parseEnum', () => {
  test('accepts a number in range', () => expect(parseInteger('jobs', '4', 1, 8)).toBe(4));
  test.each(['0', '9', '2.5', 'four'])('refuses %j outside 1..8', (v) => {
    expect(() => parseInteger('jobs', v, 1, 8)).toThrow(/input 'jobs' is/);
  });
  test('matches an enum case-insensitively and returns the declared spelling', () => {
    expect(parseEnum('mode', 'Update', ['update', 'recreate'])).toBe('update');
  });
  test('lists the allowed values when the enum value is unknown', () => {
    expect(() => parseEnum('mode', 'upsert', ['update', 'recreate'])).toThrow(
      "input 'mode' is 'upsert'",
    );
  });
});

describe('resolveInside', () => {
  test.each([
    ['.', '/w'],
    ['sub/dir', '/w/sub/dir'],
    ['./a/../b', '/w/b'],
    ['/w/abs', '/w/abs'],
  ])('resolves %j inside the workspace', (value, expected) => {
    expect(resolveInside('path', '/w', value)).toBe(expected);
  });
  test.each(['..', '../x', '/etc/passwd', 'a/../../x'])(
    'refuses %j outside the workspace',
    (value) => {
      expect(() => resolveInside('path', '/w', value)).toThrow(/outside the workspace/);
    },
  );
});

describe('Inputs', () => {
  const env = {
    GITHUB_WORKSPACE: '/w',
    INPUT_NAME: '  spaced  ',
    'INPUT_RUN-CACHE': 'true',
    INPUT_MY_INPUT: 'with space',
    INPUT_TARGETS: 'a\nb',
    INPUT_TIMEOUT: '2m',
    INPUT_JOBS: '3',
    INPUT_MODE: 'append',
    INPUT_DIR: '../out',
  };
  const inputs = new Inputs(env);

  test('reads hyphenated names as the runner passes them', () =>
    expect(inputs.boolean('run-cache')).toBe(true));
  test('reads names with spaces as underscores', () =>
    expect(inputs.string('my input')).toBe('with space'));
  test('trims values', () => expect(inputs.string('name')).toBe('spaced'));
  test('an empty boolean takes its fallback', () =>
    expect(inputs.boolean('absent', true)).toBe(true));
  test('an empty required input is an error', () => {
    expect(() => inputs.string('absent', { required: true })).toThrow(
      "input 'absent' is required but empty",
    );
  });
  test('reads typed values', () => {
    expect([
      inputs.list('targets'),
      inputs.duration('timeout', 0),
      inputs.integer('jobs', 1),
      inputs.oneOf('mode', ['update', 'append'] as const, 'update'),
    ]).toEqual([['a', 'b'], 120_000, 3, 'append']);
  });
  test('a path input outside the workspace is an error', () => {
    expect(() => inputs.path('dir')).toThrow(/outside the workspace/);
  });
});

describe('Inputs from the process environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test.each([
    ['my input', 'INPUT_MY_INPUT', '  with space \n'],
    ['run-cache', 'INPUT_RUN-CACHE', 'True'],
    ['absent', 'INPUT_OTHER', 'x'],
  ])('reads %j as @actions/core does', (name, variable, value) => {
    process.env[variable] = value;
    const inputs = new Inputs();
    expect([inputs.raw(name), inputs.raw(name)]).toEqual([
      actionsCore.getInput(name),
      value === 'x' ? '' : value.trim(),
    ]);
  });
});
