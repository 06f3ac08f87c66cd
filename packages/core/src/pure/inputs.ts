import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from './errors.ts';

const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

/** parseBoolean reads a YAML 1.2 core-schema boolean strictly: a typo is an error listing the accepted values. */
export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim();
  if (TRUE_VALUES.includes(v)) return true;
  if (FALSE_VALUES.includes(v)) return false;
  throw new InputError(
    name,
    `is '${value}', which is not a boolean`,
    `Use one of: ${[...TRUE_VALUES, ...FALSE_VALUES].join(', ')}.`,
  );
}

/** parseList splits a multi-line input, and with `comma` also comma-separated values; blanks and `#` comments dropped. */
export function parseList(value: string, options: { comma?: boolean } = {}): string[] {
  const items: string[] = [];
  for (const rawLine of value.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = options.comma ? line.split(',') : [line];
    for (const part of parts) {
      const item = part.trim();
      if (item) items.push(item);
    }
  }
  return items;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** parseDuration turns "90", "90s", "5m", "1h30m" or "250ms" into milliseconds; a bare number means seconds. */
export function parseDuration(name: string, value: string): number {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  while (index < v.length) {
    part.lastIndex = index;
    const match = part.exec(v);
    if (!match) {
      throw new InputError(
        name,
        `is '${value}', which is not a duration`,
        'Write it like 30s, 5m, 1h30m or 250ms (a bare number means seconds).',
      );
    }
    total += Number(match[1]) * (UNIT_MS[match[2]!] ?? 0);
    index = part.lastIndex;
  }
  if (!v) throw new InputError(name, 'is empty', 'Write a duration like 30s or 5m.');
  return Math.round(total);
}

/** parseInteger reads a whole number within [min, max]. */
export function parseInteger(
  name: string,
  value: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const v = value.trim();
  if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    throw new InputError(name, `is '${value}'`, `Use a whole number ${range}.`);
  }
  return Number(v);
}

/** parseEnum accepts one of the allowed values, case-insensitively, and returns it as declared. */
export function parseEnum<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.trim().toLowerCase();
  const found = allowed.find((a) => a.toLowerCase() === v);
  if (found === undefined) {
    throw new InputError(name, `is '${value}'`, `Use one of: ${allowed.join(', ')}.`);
  }
  return found;
}

/** resolveInside resolves a path against a root folder and refuses one that escapes it. */
export function resolveInside(name: string, root: string, value: string): string {
  const full = resolve(root, value.trim());
  const rel = relative(resolve(root), full);
  if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) {
    throw new InputError(
      name,
      `is '${value}', which is outside the workspace`,
      'Give a path inside the repository checkout (GITHUB_WORKSPACE).',
    );
  }
  return full;
}
