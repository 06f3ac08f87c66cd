// The patch formats kubectl sends: strategic merge patch (client-side apply, schema-driven, with
// the $patch, $retainKeys, $setElementOrder and $deleteFromPrimitiveList directives), JSON merge
// patch (RFC 7386), JSON patch (RFC 6902, used by `kubectl rollout undo`), and an approximation of
// server-side apply for a single field manager.
import { resolve, type Schema } from './schemas.ts';

/** A JSON object. */
export type Obj = Record<string, unknown>;

/** PatchError is a patch that cannot be applied (answered as 422 or 400). */
export class PatchError extends Error {}

/** isObj tells a JSON object from arrays, null and scalars. */
export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** clone deep-copies a JSON value. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function property(schema: Schema | undefined, key: string): Schema | undefined {
  const s = resolve(schema);
  if (!s) return undefined;
  if (s.properties?.[key]) return s.properties[key];
  if (typeof s.additionalProperties === 'object') return s.additionalProperties;
  return undefined;
}

function itemSchema(list: Schema | undefined): Schema | undefined {
  return resolve(resolve(list)?.items);
}

/** stripDirectives removes strategic-merge directives from a value that has no original to merge into. */
function stripDirectives(value: unknown, schema: Schema | undefined): unknown {
  if (Array.isArray(value)) {
    return value
      .filter(
        (v) =>
          !(
            isObj(v) &&
            (v['$patch'] === 'delete' || v['$patch'] === 'replace') &&
            Object.keys(v).length === 1
          ),
      )
      .map((v) => stripDirectives(v, itemSchema(schema)));
  }
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue;
    if (v === null) continue;
    out[k] = stripDirectives(v, property(schema, k));
  }
  return out;
}

function keyOf(item: unknown, mergeKey: string): string {
  return isObj(item) ? JSON.stringify(item[mergeKey] ?? null) : JSON.stringify(item);
}

function mergeList(original: unknown, patch: unknown[], schema: Schema | undefined): unknown[] {
  const s = resolve(schema);
  const strategies = (
    schema?.['x-kubernetes-patch-strategy'] ??
    s?.['x-kubernetes-patch-strategy'] ??
    ''
  ).split(',');
  const mergeKey = schema?.['x-kubernetes-patch-merge-key'] ?? s?.['x-kubernetes-patch-merge-key'];
  const items = itemSchema(schema);
  if (!strategies.includes('merge') || patch.some((p) => isObj(p) && p['$patch'] === 'replace')) {
    return stripDirectives(patch, schema) as unknown[];
  }
  const result = Array.isArray(original) ? [...original] : [];
  if (!mergeKey) {
    for (const p of patch)
      if (!result.some((o) => JSON.stringify(o) === JSON.stringify(p))) result.push(p);
    return result;
  }
  for (const p of patch) {
    if (!isObj(p)) throw new PatchError(`a list merged by "${mergeKey}" holds a ${typeof p}`);
    const index = result.findIndex((o) => keyOf(o, mergeKey) === keyOf(p, mergeKey));
    if (p['$patch'] === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) result[index] = mergeMap(result[index] as Obj, p, items);
    else result.push(stripDirectives(p, items));
  }
  return result;
}

function applyOrder(list: unknown, order: unknown[], mergeKey: string | undefined): unknown {
  if (!Array.isArray(list)) return list;
  const keyed = (v: unknown) => (mergeKey ? keyOf(v, mergeKey) : JSON.stringify(v));
  const wanted = order.map(keyed);
  const listed = wanted.flatMap((k) => list.filter((item) => keyed(item) === k));
  return [...listed, ...list.filter((item) => !wanted.includes(keyed(item)))];
}

/**
 * mergeMap applies a strategic merge patch to an object, guided by the schema's patch strategies
 * and merge keys (a list without one is replaced whole, as Kubernetes does).
 */
export function mergeMap(original: Obj | undefined, patch: Obj, schema: Schema | undefined): Obj {
  if (patch['$patch'] === 'replace') return stripDirectives(patch, schema) as Obj;
  const result: Obj = { ...(original ?? {}) };
  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value))
        result[field] = current.filter((v) => !value.includes(v));
      continue;
    }
    const sub = property(schema, key);
    if (value === null) {
      delete result[key];
    } else if (isObj(value)) {
      if (value['$patch'] === 'delete') {
        delete result[key];
        continue;
      }
      const atomic = resolve(sub)?.['x-kubernetes-map-type'] === 'atomic';
      result[key] =
        isObj(result[key]) && !atomic
          ? mergeMap(result[key] as Obj, value, sub)
          : stripDirectives(value, sub);
    } else if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, sub);
    } else {
      result[key] = value;
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!key.startsWith('$setElementOrder/') || !Array.isArray(value)) continue;
    const field = key.slice('$setElementOrder/'.length);
    const sub = property(schema, field);
    const mergeKey =
      sub?.['x-kubernetes-patch-merge-key'] ?? resolve(sub)?.['x-kubernetes-patch-merge-key'];
    result[field] = applyOrder(result[field], value, mergeKey);
  }
  return result;
}

/** mergePatch applies a JSON merge patch (RFC 7386). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch);
  const result: Obj = isObj(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`JSON pointer "${path}" does not start with /`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(
  doc: unknown,
  parts: string[],
  path: string,
): { parent: Obj | unknown[]; key: string } {
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(part)] : isObj(node) ? node[part] : undefined;
    if (node === undefined) throw new PatchError(`doc is missing path: "${path}"`);
  }
  if (!Array.isArray(node) && !isObj(node)) throw new PatchError(`doc is missing path: "${path}"`);
  return { parent: node, key: parts.at(-1) ?? '' };
}

/** jsonPatch applies a JSON patch (RFC 6902) and returns the new document. */
export function jsonPatch(doc: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new PatchError('a JSON patch must be a list of operations');
  let root = clone(doc);
  for (const op of operations) {
    if (!isObj(op) || typeof op['path'] !== 'string')
      throw new PatchError('a JSON patch operation needs "op" and "path"');
    const path = op['path'];
    const parts = pointer(path);
    if (op['op'] === 'test') {
      let node = root;
      for (const p of parts)
        node = Array.isArray(node) ? node[Number(p)] : isObj(node) ? node[p] : undefined;
      if (JSON.stringify(node) !== JSON.stringify(op['value']))
        throw new PatchError(`testing value ${path} failed`);
      continue;
    }
    if (parts.length === 0) {
      if (op['op'] === 'replace' || op['op'] === 'add') root = clone(op['value']);
      else throw new PatchError(`cannot ${String(op['op'])} the document root`);
      continue;
    }
    const { parent, key } = parentOf(root, parts, path);
    const value = clone(op['value']);
    switch (op['op']) {
      case 'add':
        if (Array.isArray(parent))
          parent.splice(key === '-' ? parent.length : Number(key), 0, value);
        else parent[key] = value;
        break;
      case 'replace':
        if (Array.isArray(parent)) {
          if (Number(key) >= parent.length)
            throw new PatchError(`replace operation does not apply: doc is missing key: ${path}`);
          parent[Number(key)] = value;
        } else {
          if (!(key in parent))
            throw new PatchError(`replace operation does not apply: doc is missing key: ${path}`);
          parent[key] = value;
        }
        break;
      case 'remove':
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else {
          if (!(key in parent))
            throw new PatchError(`remove operation does not apply: doc is missing path: "${path}"`);
          delete parent[key];
        }
        break;
      default:
        throw new PatchError(`unsupported JSON patch operation "${String(op['op'])}"`);
    }
  }
  return root;
}

/**
 * dropRemovedFields removes from `target` what a field manager applied before (`previous`) but no
 * longer applies (`next`): server-side apply's rule that a manager's dropped fields go away.
 */
export function dropRemovedFields(
  target: Obj,
  previous: Obj,
  next: Obj,
  schema: Schema | undefined,
): void {
  for (const [key, before] of Object.entries(previous)) {
    const after = next[key];
    const sub = property(schema, key);
    if (after === undefined) {
      delete target[key];
    } else if (isObj(before) && isObj(after) && isObj(target[key])) {
      dropRemovedFields(target[key] as Obj, before, after, sub);
    } else if (Array.isArray(before) && Array.isArray(after) && Array.isArray(target[key])) {
      const mergeKey =
        sub?.['x-kubernetes-patch-merge-key'] ?? resolve(sub)?.['x-kubernetes-patch-merge-key'];
      if (!mergeKey) continue;
      const list = target[key] as unknown[];
      for (const item of before) {
        const k = keyOf(item, mergeKey);
        const kept = after.find((a) => keyOf(a, mergeKey) === k);
        const index = list.findIndex((t) => keyOf(t, mergeKey) === k);
        if (index < 0) continue;
        if (kept === undefined) list.splice(index, 1);
        else if (isObj(item) && isObj(kept) && isObj(list[index]))
          dropRemovedFields(list[index] as Obj, item, kept, itemSchema(sub));
      }
    }
  }
}
