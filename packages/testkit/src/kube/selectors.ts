// Label and field selectors, as list and watch requests carry them (`?labelSelector=app%3Dweb`).
import { isObj, type Obj } from './patch.ts';

/** A predicate over an object. */
export type Matcher = (object: Obj) => boolean;

interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!exists' | '=' | '!=';
  values: string[];
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** SelectorError is a selector the server cannot parse (answered as 400). */
export class SelectorError extends Error {}

function parseRequirement(text: string): Requirement {
  let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (m)
    return {
      key: m[1]!,
      op: m[2] as 'in' | 'notin',
      values: m[3]!
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    };
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(text);
  if (m) return { key: m[1]!, op: m[2] === '!=' ? '!=' : '=', values: [m[3]!] };
  m = /^(!?)([\w./-]+)$/.exec(text);
  if (m) return { key: m[2]!, op: m[1] ? '!exists' : 'exists', values: [] };
  throw new SelectorError(`unable to parse requirement: ${text}`);
}

function matches(labels: Record<string, string>, r: Requirement): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case '=':
      return has && value === r.values[0];
    case '!=':
      return !has || value !== r.values[0];
    case 'in':
      return has && r.values.includes(value!);
    case 'notin':
      return !has || !r.values.includes(value!);
  }
}

function labelsOf(object: Obj): Record<string, string> {
  const metadata = object['metadata'];
  const labels = isObj(metadata) ? metadata['labels'] : undefined;
  return isObj(labels) ? (labels as Record<string, string>) : {};
}

/** labelMatcher parses a label selector string (`app=web,tier in (a,b),!canary`). */
export function labelMatcher(selector: string | null | undefined): Matcher {
  const requirements = splitTopLevel(selector ?? '').map(parseRequirement);
  return (object) => {
    const labels = labelsOf(object);
    return requirements.every((r) => matches(labels, r));
  };
}

function fieldValue(object: Obj, path: string): string {
  let node: unknown = object;
  for (const part of path.split('.')) node = isObj(node) ? node[part] : undefined;
  return node === undefined || node === null ? '' : String(node);
}

/** fieldMatcher parses a field selector (`metadata.name=web,status.phase!=Running`). */
export function fieldMatcher(selector: string | null | undefined): Matcher {
  const requirements = splitTopLevel(selector ?? '').map((text) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(text);
    if (!m) throw new SelectorError(`invalid selector: '${text}'; can't understand '${text}'`);
    return { path: m[1]!, negate: m[2] === '!=', value: m[3]!.trim() };
  });
  return (object) =>
    requirements.every((r) => (fieldValue(object, r.path) === r.value) !== r.negate);
}

/** selectorMatcher turns a LabelSelector object (matchLabels, matchExpressions) into a predicate. */
export function selectorMatcher(selector: unknown): Matcher {
  if (!isObj(selector)) return () => false;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(
    isObj(selector['matchLabels']) ? selector['matchLabels'] : {},
  )) {
    requirements.push({ key, op: '=', values: [String(value)] });
  }
  for (const e of Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : []) {
    if (!isObj(e)) continue;
    const op = String(e['operator']);
    const values = Array.isArray(e['values']) ? e['values'].map(String) : [];
    const mapped = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!exists' }[op] as
      | Requirement['op']
      | undefined;
    if (mapped) requirements.push({ key: String(e['key']), op: mapped, values });
  }
  if (!requirements.length) return () => false;
  return (object) => requirements.every((r) => matches(labelsOf(object), r));
}

/** selectorString renders a LabelSelector object as the string form kubectl sends. */
export function selectorString(selector: unknown): string {
  if (!isObj(selector)) return '';
  const parts = Object.entries(isObj(selector['matchLabels']) ? selector['matchLabels'] : {}).map(
    ([k, v]) => `${k}=${String(v)}`,
  );
  return parts.join(',');
}
