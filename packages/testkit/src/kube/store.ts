// The API server's storage: objects by type, namespace and name, one resourceVersion counter,
// and the change history that watches replay from (as etcd's revisions do).
import { randomUUID } from 'node:crypto';
import type { ResourceType } from './catalog.ts';
import { clone, isObj, type Obj } from './patch.ts';

/** One change, as a watch stream sends it. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  typeKey: string;
  namespace: string;
  object: Obj;
  resourceVersion: number;
}

/** typeKey names a resource type in the store: `apps/deployments`, `/pods`. */
export function typeKey(t: { group: string; plural: string }): string {
  return `${t.group}/${t.plural}`;
}

/** now renders a timestamp the way Kubernetes does (RFC 3339, whole seconds, UTC). */
export function now(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** meta returns an object's metadata, creating it when absent. */
export function meta(object: Obj): Obj {
  if (!isObj(object['metadata'])) object['metadata'] = {};
  return object['metadata'] as Obj;
}

const HISTORY = 10_000;

/** Store keeps the objects and tells listeners about every change. */
export class Store {
  private revision = 1000;
  private readonly objects = new Map<string, Obj>();
  /** Changes, oldest first, for watches that start from an older resourceVersion. */
  readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  /** resourceVersion is the store's current revision. */
  get resourceVersion(): number {
    return this.revision;
  }

  /** oldestWatchable is the oldest revision a watch can still start from. */
  get oldestWatchable(): number {
    return this.history[0]?.resourceVersion ?? this.revision;
  }

  private key(t: { group: string; plural: string }, namespace: string, name: string): string {
    return `${typeKey(t)}|${namespace}|${name}`;
  }

  /** get returns a copy of one object, or undefined. */
  get(t: ResourceType, namespace: string, name: string): Obj | undefined {
    return clone(this.objects.get(this.key(t, namespace, name)));
  }

  /** list returns copies of a type's objects, in one namespace or all (namespace undefined). */
  list(t: ResourceType, namespace?: string): Obj[] {
    const prefix = namespace === undefined ? `${typeKey(t)}|` : `${typeKey(t)}|${namespace}|`;
    const out: Obj[] = [];
    for (const [key, value] of this.objects) if (key.startsWith(prefix)) out.push(clone(value));
    return out.sort((a, b) => String(meta(a)['name']).localeCompare(String(meta(b)['name'])));
  }

  /** subscribe calls `listener` with every later change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(type: StoreEvent['type'], t: ResourceType, namespace: string, object: Obj): void {
    const event: StoreEvent = {
      type,
      typeKey: typeKey(t),
      namespace,
      object: clone(object),
      resourceVersion: this.revision,
    };
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY);
    for (const listener of this.listeners) listener(event);
  }

  /** create stores a new object, setting uid, resourceVersion, generation and creation time. */
  create(t: ResourceType, object: Obj): Obj {
    const m = meta(object);
    const namespace = t.namespaced ? String(m['namespace'] ?? '') : '';
    this.revision++;
    m['uid'] = randomUUID();
    m['resourceVersion'] = String(this.revision);
    m['creationTimestamp'] = now();
    if (t.kind !== 'Event' && object['spec'] !== undefined) m['generation'] = 1;
    object['apiVersion'] = t.group ? `${t.group}/${t.version}` : t.version;
    object['kind'] = t.kind;
    this.objects.set(this.key(t, namespace, String(m['name'])), clone(object));
    this.emit('ADDED', t, namespace, object);
    return clone(object);
  }

  /** update replaces an object, bumping resourceVersion, and generation when the spec changed; unchanged objects are left alone. */
  update(t: ResourceType, object: Obj): Obj {
    const m = meta(object);
    const namespace = t.namespaced ? String(m['namespace'] ?? '') : '';
    const key = this.key(t, namespace, String(m['name']));
    const old = this.objects.get(key);
    if (!old) throw new Error(`update of a missing object ${key}`);
    const oldMeta = meta(old);
    m['uid'] = oldMeta['uid'];
    m['creationTimestamp'] = oldMeta['creationTimestamp'];
    m['resourceVersion'] = oldMeta['resourceVersion'];
    if (oldMeta['generation'] !== undefined) m['generation'] = oldMeta['generation'];
    if (JSON.stringify(old) === JSON.stringify(object)) return clone(old);
    if (JSON.stringify(old['spec']) !== JSON.stringify(object['spec']) && t.kind !== 'Event') {
      m['generation'] = Number(oldMeta['generation'] ?? 0) + 1;
    }
    this.revision++;
    m['resourceVersion'] = String(this.revision);
    this.objects.set(key, clone(object));
    this.emit('MODIFIED', t, namespace, object);
    return clone(object);
  }

  /** remove deletes an object and returns its last state, or undefined when it did not exist. */
  remove(t: ResourceType, namespace: string, name: string): Obj | undefined {
    const key = this.key(t, namespace, name);
    const old = this.objects.get(key);
    if (!old) return undefined;
    this.objects.delete(key);
    this.revision++;
    meta(old)['resourceVersion'] = String(this.revision);
    this.emit('DELETED', t, namespace, old);
    return clone(old);
  }
}
