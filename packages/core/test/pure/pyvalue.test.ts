import { describe, expect, test } from 'vitest';
import {
  mapGet,
  py,
  pyEquals,
  pyFloatRepr,
  pyRepr,
  pyStr,
  toPlain,
} from '../../src/pure/pyvalue.ts';

describe('pyFloatRepr', () => {
  // Expected values printed by CPython's repr().
  test.each([
    [0.1, '0.1'],
    [1, '1.0'],
    [1e-5, '1e-05'],
    [1.5e-5, '1.5e-05'],
    [1e16, '1e+16'],
    [1.234e16, '1.234e+16'],
    [123456789012345, '123456789012345.0'],
    [0.0001, '0.0001'],
    [0.00012, '0.00012'],
    [-3.75, '-3.75'],
    [1e22, '1e+22'],
    [100, '100.0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [12345.678, '12345.678'],
    [Number.NaN, 'nan'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('prints %s as Python does (%s)', (value, expected) => {
    expect(pyFloatRepr(value)).toBe(expected);
  });
});

describe('pyRepr', () => {
  test('renders a list the way Python prints it, quotes and all', () => {
    const list = py.list([
      py.str('a'),
      py.str("b'c"),
      py.str('say "hi"'),
      py.str(`both ' and "`),
      py.str('tab\there'),
      py.str('é'),
      py.int(1),
      py.float(2),
      py.none(),
      py.bool(true),
      py.map([[py.str('k'), py.list([py.float(1)])]]),
    ]);
    expect(pyRepr(list)).toBe(
      `['a', "b'c", 'say "hi"', 'both \\' and "', 'tab\\there', 'é', 1, 2.0, None, True, {'k': [1.0]}]`,
    );
  });

  test('str() leaves a string unquoted but quotes nothing else differently from repr()', () => {
    expect([
      pyStr(py.str('x')),
      pyStr(py.bool(false)),
      pyStr(py.none()),
      pyStr(py.float(3)),
    ]).toEqual(['x', 'False', 'None', '3.0']);
  });
});

describe('pyEquals', () => {
  test.each([
    [py.int(1), py.float(1), true],
    [py.bool(true), py.int(1), true],
    [py.str('1'), py.int(1), false],
    [py.none(), py.none(), true],
    [py.none(), py.int(0), false],
    [py.str('a'), py.str('a'), true],
    [py.float(Number.NaN), py.float(Number.NaN), false],
  ])('compares %j and %j as Python == does', (a, b, expected) => {
    expect(pyEquals(a, b)).toBe(expected);
  });
});

describe('plain values', () => {
  test('toPlain turns keys to strings and keeps numbers, lists and nulls', () => {
    const node = py.map([
      [py.int(1), py.list([py.float(0.5), py.none()])],
      [py.str('b'), py.bool(true)],
    ]);
    expect(toPlain(node)).toEqual({ '1': [0.5, null], b: true });
  });

  test('mapGet returns the value of the last entry with the key', () => {
    const node = py.map([
      [py.str('a'), py.int(1)],
      [py.str('a'), py.int(2)],
    ]);
    expect(mapGet(node, 'a')).toEqual(py.int(2));
    expect(mapGet(node, 'b')).toBeUndefined();
  });
});
