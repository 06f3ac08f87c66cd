// The params and metrics diffs, with DVC's semantics (dvc/utils/diff.py): nested keys flattened with
// dots, lists compared as their Python repr, numbers compared across int/float/bool, a value missing
// on one side shown as null, and `diff` = new - old for numbers.
import {
  isScalar,
  numeric,
  type PyNode,
  type PyScalar,
  py,
  pyEquals,
  pyRepr,
  pyStr,
} from '../../pure/pyvalue.ts';

/** What one file holds at one revision: its data, or why it could not be read. */
export type FileData =
  | { kind: 'data'; node: PyNode }
  | { kind: 'missing'; reason: string }
  | { kind: 'error'; reason: string; line?: number };

/** All files of one kind (params or metrics) at one revision, by repo-relative path. */
export type RevisionData = Map<string, FileData>;

/** One changed (or, with `all`, unchanged) value: old and new leaves, and new - old for numbers. */
export interface ValueDiff {
  old: PyScalar | undefined;
  new: PyScalar | undefined;
  diff?: number;
}

/** A diff of one kind: file -> flattened key -> change, in a stable order. */
export type DataDiff = Map<string, Map<string, ValueDiff>>;

const UNABLE_TO_PARSE = py.str('unable to parse');

/** selectKeys keeps only the given dotted key paths of a params tree, as dpath.search does. */
export function selectKeys(node: PyNode, keys: readonly string[]): PyNode {
  if (keys.length === 0) return node;
  let result: PyNode = py.map([]);
  for (const key of keys) {
    const found = search(node, key.split('.'));
    if (found) result = merge(result, found);
  }
  return result;
}

function search(node: PyNode, segments: string[]): PyNode | undefined {
  if (segments.length === 0) return node;
  const [head, ...rest] = segments as [string, ...string[]];
  if (node.t === 'map') {
    const entries: [PyScalar, PyNode][] = [];
    for (const [k, v] of node.entries) {
      if (head !== '*' && pyStr(k) !== head) continue;
      const found = search(v, rest);
      if (found) entries.push([k, found]);
    }
    return entries.length > 0 ? py.map(entries) : undefined;
  }
  if (node.t === 'list' && /^\d+$/.test(head)) {
    const item = node.items[Number(head)];
    const found = item && search(item, rest);
    return found ? py.list([found]) : undefined;
  }
  return undefined;
}

function merge(into: PyNode, from: PyNode): PyNode {
  if (into.t !== 'map' || from.t !== 'map') return from;
  const entries = [...into.entries];
  for (const [k, v] of from.entries) {
    const at = entries.findIndex(([key]) => pyStr(key) === pyStr(k));
    if (at >= 0) entries[at] = [k, merge(entries[at]![1], v)];
    else entries.push([k, v]);
  }
  return py.map(entries);
}

/** extractMetrics keeps numbers, strings and booleans (and maps of them), as DVC's metrics show does. */
export function extractMetrics(node: PyNode): PyNode {
  const kept = extract(node);
  return kept === undefined ? py.map([]) : kept;
}

function extract(node: PyNode): PyNode | undefined {
  if (node.t === 'map') {
    const entries: [PyScalar, PyNode][] = [];
    for (const [k, v] of node.entries) {
      const m = extract(v);
      if (m !== undefined) entries.push([k, m]);
    }
    return entries.length > 0 ? py.map(entries) : undefined;
  }
  if (node.t === 'list' || node.t === 'null') return undefined;
  return node;
}

/** flatten turns nested maps into dotted keys; lists become their Python repr; empty maps vanish. */
export function flatten(node: PyNode): Map<string, PyScalar> {
  const out = new Map<string, PyScalar>();
  const walk = (n: PyNode, prefix: string | undefined) => {
    if (n.t === 'map') {
      for (const [k, v] of n.entries) {
        const key = prefix === undefined ? pyStr(k) : `${prefix}.${pyStr(k)}`;
        walk(v, key);
      }
    } else if (n.t === 'list') {
      out.set(prefix ?? '', py.str(pyRepr(n)));
    } else {
      out.set(prefix ?? '', n);
    }
  };
  walk(node, undefined);
  return out;
}

function isEmpty(node: PyNode): boolean {
  if (node.t === 'map') return node.entries.length === 0;
  if (node.t === 'list') return node.items.length === 0;
  if (node.t === 'null') return true;
  if (node.t === 'str') return node.v === '';
  return numeric(node) === 0;
}

function diffValues(
  old: PyScalar | undefined,
  next: PyScalar | undefined,
  all: boolean,
): ValueDiff | undefined {
  const a = old?.t === 'null' ? undefined : old;
  const b = next?.t === 'null' ? undefined : next;
  if (!all && pyEquals(a, b)) return undefined;
  const result: ValueDiff = { old: a, new: b };
  const na = a && a.t !== 'str' ? numeric(a) : undefined;
  const nb = b && b.t !== 'str' ? numeric(b) : undefined;
  if (na !== undefined && nb !== undefined) result.diff = nb - na;
  return result;
}

function fileDiff(
  old: PyNode | undefined,
  next: PyNode | undefined,
  all: boolean,
): Map<string, ValueDiff> {
  const result = new Map<string, ValueDiff>();
  const o = old ?? py.map([]);
  const n = next ?? py.map([]);
  if (o.t === 'map' || n.t === 'map') {
    const side = (node: PyNode) =>
      node.t === 'map' ? flatten(node) : isEmpty(node) ? new Map<string, PyScalar>() : undefined;
    const a = side(o);
    const b = side(n);
    const keys = [...new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])])];
    for (const key of keys) {
      const d = diffValues(a ? a.get(key) : UNABLE_TO_PARSE, b ? b.get(key) : UNABLE_TO_PARSE, all);
      if (d) result.set(key, d);
    }
    return result;
  }
  const scalar = (node: PyNode) => (isScalar(node) ? node : py.str(pyRepr(node)));
  const d = diffValues(isEmpty(o) ? undefined : scalar(o), isEmpty(n) ? undefined : scalar(n), all);
  if (d) result.set('', d);
  return result;
}

/**
 * diffData compares one kind of data between two revisions as `dvc params|metrics diff` does;
 * files are listed in the order they were declared, `all` keeps unchanged values too.
 */
export function diffData(old: RevisionData, next: RevisionData, all = false): DataDiff {
  const result: DataDiff = new Map();
  const paths = [...new Set([...next.keys(), ...old.keys()])];
  for (const path of paths) {
    const a = old.get(path);
    const b = next.get(path);
    const d = fileDiff(
      a?.kind === 'data' ? a.node : undefined,
      b?.kind === 'data' ? b.node : undefined,
      all,
    );
    if (d.size > 0) result.set(path, d);
  }
  return result;
}

/** diffToJson renders a diff in the shape of `dvc params|metrics diff --json`. */
export function diffToJson(
  diff: DataDiff,
): Record<string, Record<string, { old: unknown; new: unknown; diff?: number }>> {
  const out: Record<string, Record<string, { old: unknown; new: unknown; diff?: number }>> = {};
  const json = (v: PyScalar | undefined) => (v === undefined || v.t === 'null' ? null : v.v);
  for (const [path, keys] of diff) {
    const entry: Record<string, { old: unknown; new: unknown; diff?: number }> = {};
    for (const [key, d] of keys) {
      entry[key] =
        d.diff === undefined
          ? { old: json(d.old), new: json(d.new) }
          : { old: json(d.old), new: json(d.new), diff: d.diff };
    }
    out[path] = entry;
  }
  return out;
}
