import { describe, expect, test } from 'vitest';
import { py } from '../../../src/pure/pyvalue.ts';
import {
  BetterRuleError,
  directionOf,
  formatChange,
  formatPercent,
  formatValue,
  parseBetterRules,
  relativeChange,
  roundTo,
  verdict,
} from '../../../src/report/render/format.ts';

describe('metrics-better rules', () => {
  const rules = parseBetterRules(['accuracy: higher', '*loss*: lower', 'eval/m.json:f1: lower']);

  test.each([
    ['m.json', 'accuracy', 'higher'],
    ['m.json', 'train.log_loss', 'lower'],
    ['eval/m.json', 'f1', 'lower'],
    ['other.json', 'f1', undefined],
    ['m.json', 'accuracy_top5', undefined],
  ])('%s %s should go %s', (file, key, direction) => {
    expect(directionOf(rules, file, key)).toBe(direction);
  });

  test.each([
    'accuracy: big',
    'accuracy: up',
    'accuracy: down',
    'accuracy: max',
    'accuracy: min',
    'accuracy: Higher',
    'accuracy: LOWER',
    'accuracy higher',
    'accuracy',
    ': higher',
  ])('refuses %j: only "higher" and "lower", as the README says', (line) => {
    expect(() => parseBetterRules([line])).toThrow(BetterRuleError);
  });

  test.each([
    ['higher', 0.1, 'better'],
    ['higher', -0.1, 'worse'],
    ['lower', -0.1, 'better'],
    ['lower', 0, undefined],
    [undefined, 0.1, undefined],
  ] as const)('a %s-is-better metric that moves by %s is %s', (direction, diff, expected) => {
    expect(verdict(direction, { old: py.float(1), new: py.float(1 + diff), diff })).toBe(expected);
  });
});

describe('number formatting', () => {
  test.each([
    [0.123456789, 5, '0.12346'],
    [0.09999999999999998, 5, '0.1'],
    [1e-7, 5, '0.0'],
    [-0.000001, 3, '0.0'],
    [2, 2, '2.0'],
  ])('rounds %s to %s places as Python round() prints', (value, places, text) => {
    expect(roundTo(value, places)).toBe(text);
  });

  test('prints leaves: floats rounded, ints and strings as they are, missing as a dash', () => {
    expect([
      formatValue(py.float(0.123456), 3),
      formatValue(py.int(7), 3),
      formatValue(py.str('adam')),
      formatValue(undefined),
    ]).toEqual(['0.123', '7', 'adam', '-']);
  });

  test('signs a change and keeps ints whole', () => {
    expect(formatChange({ old: py.int(3), new: py.int(5), diff: 2 }, 5)).toBe('+2');
    expect(formatChange({ old: py.float(0.3), new: py.float(0.1), diff: 0.1 - 0.3 }, 5)).toBe(
      '−0.2',
    );
    expect(formatChange({ old: py.str('a'), new: py.str('b') }, 5)).toBe('-');
  });

  test('relates a change to the old value, but not for booleans or a zero start', () => {
    expect(relativeChange({ old: py.float(0.5), new: py.float(0.6), diff: 0.1 })).toBeCloseTo(20);
    expect(relativeChange({ old: py.bool(true), new: py.bool(false), diff: -1 })).toBeUndefined();
    expect(relativeChange({ old: py.int(0), new: py.int(1), diff: 1 })).toBeUndefined();
  });

  test.each([
    [20.4, '+20%'],
    [-2.46, '−2.5%'],
    [0.012, '+0.01%'],
    [0, '0%'],
    [undefined, ''],
  ])('prints a relative change of %s as %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });
});
