// Number formatting and the `metrics-better` hints: how a change reads in the report.

import { numeric, type PyScalar, pyFloatRepr, pyStr } from '../../pure/pyvalue.ts';
import type { ValueDiff } from '../diff/data.ts';

/** Which way a metric should move. */
export type Direction = 'higher' | 'lower';

/** One `metrics-better` rule: a metric name pattern (optionally `file:`-qualified) and its direction. */
export interface BetterRule {
  file: string | undefined;
  pattern: RegExp;
  direction: Direction;
  source: string;
}

/** BetterRuleError is a `metrics-better` line that does not read as `name: higher|lower`. */
export class BetterRuleError extends Error {
  constructor(line: string) {
    super(`'${line}' is not 'metric: higher' or 'metric: lower'`);
    this.name = 'BetterRuleError';
  }
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** parseBetterRules reads lines like `accuracy: higher`, `loss*: lower`, `eval/m.json:loss: lower`. */
export function parseBetterRules(lines: readonly string[]): BetterRule[] {
  return lines.map((line) => {
    // Exactly `higher` or `lower`, as the README says: anything else is an error, never a guess.
    const m = /^(.+?)\s*:\s*(higher|lower)$/.exec(line.trim());
    if (!m) throw new BetterRuleError(line);
    const name = m[1]!.trim();
    const direction: Direction = m[2] === 'higher' ? 'higher' : 'lower';
    const colon = name.lastIndexOf(':');
    const file = colon > 0 ? name.slice(0, colon) : undefined;
    const key = colon > 0 ? name.slice(colon + 1) : name;
    return { file, pattern: globToRegExp(key), direction, source: line.trim() };
  });
}

/** directionOf finds the rule for a metric (the first that matches), if any. */
export function directionOf(
  rules: readonly BetterRule[],
  file: string,
  key: string,
): Direction | undefined {
  return rules.find((r) => (r.file === undefined || r.file === file) && r.pattern.test(key))
    ?.direction;
}

/** The verdict on a change: better, worse, or neither (no rule, no change, not numeric). */
export type Verdict = 'better' | 'worse' | undefined;

/** verdict judges a metric's change against its rule. */
export function verdict(direction: Direction | undefined, d: ValueDiff): Verdict {
  if (!direction || d.diff === undefined || d.diff === 0 || Number.isNaN(d.diff)) return undefined;
  return d.diff > 0 === (direction === 'higher') ? 'better' : 'worse';
}

/** VERDICT_MARK is how a verdict shows in tables and the summary line. */
export const VERDICT_MARK: Record<'better' | 'worse', string> = { better: '✅', worse: '🔻' };

/** roundTo rounds to `precision` decimal places as Python's round() and prints like repr(). */
export function roundTo(value: number, precision: number): string {
  if (!Number.isFinite(value)) return pyFloatRepr(value);
  const rounded = Number(value.toFixed(Math.min(100, Math.max(0, precision))));
  return pyFloatRepr(rounded === 0 ? 0 : rounded);
}

/** formatValue prints a leaf for a table: floats rounded to `precision`, missing as '-'. */
export function formatValue(value: PyScalar | undefined, precision?: number): string {
  if (value === undefined || value.t === 'null') return '-';
  if (value.t === 'float' && precision !== undefined) return roundTo(value.v, precision);
  return pyStr(value);
}

/** formatChange prints new - old with a sign ('+0.02'), or '-' when it is not a number. */
export function formatChange(d: ValueDiff, precision: number): string {
  if (d.diff === undefined) return '-';
  const isFloat = d.old?.t === 'float' || d.new?.t === 'float' || !Number.isInteger(d.diff);
  const text = isFloat ? roundTo(d.diff, precision) : String(d.diff);
  return d.diff > 0 ? `+${text}` : text.replace(/^-/, '−');
}

/** relativeChange is (new - old) / |old| in percent; undefined when old is 0, a boolean or not a number. */
export function relativeChange(d: ValueDiff): number | undefined {
  const old = numeric(d.old);
  if (d.diff === undefined || old === undefined || old === 0) return undefined;
  if (d.old?.t === 'bool' || d.new?.t === 'bool') return undefined;
  return (d.diff / Math.abs(old)) * 100;
}

/** formatPercent prints a relative change with a sign and one or two significant decimals. */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined || !Number.isFinite(percent)) return '';
  const abs = Math.abs(percent);
  const text =
    abs >= 10 ? abs.toFixed(0) : abs >= 0.1 ? abs.toFixed(1) : abs === 0 ? '0' : abs.toPrecision(1);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${text}%`;
}
