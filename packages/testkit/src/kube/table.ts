// Server-side printing: the `Table` (meta.k8s.io/v1) that `kubectl get` asks for, with the
// columns a real server prints for pods, Deployments, ReplicaSets and events, NAME and AGE else.
import type { ResourceType } from './catalog.ts';
import { isObj, type Obj } from './patch.ts';

/** wantsTable tells whether an Accept header asks for server-side printing. */
export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

function get(object: unknown, path: string): unknown {
  let node = object;
  for (const part of path.split('.')) node = isObj(node) ? node[part] : undefined;
  return node;
}

/** age renders how long ago a timestamp was, the way kubectl does (5s, 3m, 2h, 4d). */
export function age(timestamp: unknown, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(String(timestamp))) / 1000));
  if (!Number.isFinite(seconds)) return '<unknown>';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

interface Column {
  name: string;
  type: string;
  cell: (o: Obj) => unknown;
}

const name: Column = { name: 'Name', type: 'string', cell: (o) => get(o, 'metadata.name') };
const created: Column = {
  name: 'Age',
  type: 'string',
  cell: (o) => age(get(o, 'metadata.creationTimestamp')),
};

function podColumns(): Column[] {
  const statuses = (o: Obj) =>
    Array.isArray(get(o, 'status.containerStatuses'))
      ? (get(o, 'status.containerStatuses') as Obj[])
      : [];
  const containers = (o: Obj) =>
    Array.isArray(get(o, 'spec.containers')) ? (get(o, 'spec.containers') as unknown[]).length : 0;
  return [
    name,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => `${statuses(o).filter((s) => s['ready'] === true).length}/${containers(o)}`,
    },
    {
      name: 'Status',
      type: 'string',
      cell: (o) => {
        const waiting = statuses(o)
          .map((s) => get(s, 'state.waiting.reason'))
          .find((r) => typeof r === 'string');
        return waiting ?? get(o, 'status.phase') ?? 'Pending';
      },
    },
    {
      name: 'Restarts',
      type: 'integer',
      cell: (o) => statuses(o).reduce((n, s) => n + Number(s['restartCount'] ?? 0), 0),
    },
    created,
  ];
}

function columnsFor(t: ResourceType): Column[] {
  switch (t.kind) {
    case 'Pod':
      return podColumns();
    case 'Deployment':
      return [
        name,
        {
          name: 'Ready',
          type: 'string',
          cell: (o) =>
            `${Number(get(o, 'status.readyReplicas') ?? 0)}/${Number(get(o, 'spec.replicas') ?? 1)}`,
        },
        {
          name: 'Up-to-date',
          type: 'integer',
          cell: (o) => Number(get(o, 'status.updatedReplicas') ?? 0),
        },
        {
          name: 'Available',
          type: 'integer',
          cell: (o) => Number(get(o, 'status.availableReplicas') ?? 0),
        },
        created,
      ];
    case 'ReplicaSet':
      return [
        name,
        { name: 'Desired', type: 'integer', cell: (o) => Number(get(o, 'spec.replicas') ?? 0) },
        { name: 'Current', type: 'integer', cell: (o) => Number(get(o, 'status.replicas') ?? 0) },
        {
          name: 'Ready',
          type: 'integer',
          cell: (o) => Number(get(o, 'status.readyReplicas') ?? 0),
        },
        created,
      ];
    case 'Event':
      return [
        { name: 'Last Seen', type: 'string', cell: (o) => age(get(o, 'lastTimestamp')) },
        { name: 'Type', type: 'string', cell: (o) => get(o, 'type') },
        { name: 'Reason', type: 'string', cell: (o) => get(o, 'reason') },
        {
          name: 'Object',
          type: 'string',
          cell: (o) =>
            `${String(get(o, 'involvedObject.kind')).toLowerCase()}/${String(get(o, 'involvedObject.name'))}`,
        },
        { name: 'Message', type: 'string', cell: (o) => get(o, 'message') },
      ];
    default:
      return [name, created];
  }
}

/** table renders objects as the Table a real server returns to `kubectl get`. */
export function table(t: ResourceType, objects: Obj[], resourceVersion: string): Obj {
  const columns = columnsFor(t);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c === name ? 'name' : '',
      description: c.name,
      priority: 0,
    })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o) ?? ''),
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: o['metadata'],
      },
    })),
  };
}
