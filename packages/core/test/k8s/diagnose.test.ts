import { describe, expect, test } from 'vitest';
import {
  currentRevisionPods,
  formatEvents,
  headline,
  hopeless,
  itemsOf,
  type PodProblem,
  podProblems,
  relatedEvents,
  selectorOf,
  staleUnreadyPods,
} from '../../src/k8s/diagnose.ts';

function pod(name: string, status: Record<string, unknown>): Record<string, unknown> {
  return { metadata: { name }, status };
}

const notReady = {
  conditions: [
    { type: 'Ready', status: 'False' },
    { type: 'PodScheduled', status: 'True' },
  ],
};

describe('podProblems', () => {
  test.each([
    [
      'an image that cannot be pulled',
      {
        ...notReady,
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 0,
            state: {
              waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "x:1"' },
            },
          },
        ],
      },
      {
        reason: 'ImagePullBackOff',
        message: 'Back-off pulling image "x:1"',
        hasLogs: false,
        previous: false,
      },
    ],
    [
      'a crashing container',
      {
        ...notReady,
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
            lastState: { terminated: { exitCode: 2, reason: 'Error' } },
          },
        ],
      },
      {
        reason: 'CrashLoopBackOff',
        message: 'back-off 40s; last exit code 2 (Error)',
        restarts: 3,
        hasLogs: true,
        previous: true,
      },
    ],
    [
      'a pod no node can take',
      {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient memory.',
          },
        ],
      },
      {
        reason: 'Unschedulable',
        message: '0/3 nodes are available: 3 Insufficient memory.',
        container: undefined,
      },
    ],
    [
      'a running container that is not ready',
      {
        ...notReady,
        containerStatuses: [
          { name: 'web', ready: false, restartCount: 0, state: { running: { startedAt: 't' } } },
        ],
      },
      { reason: 'NotReady', hasLogs: true },
    ],
    [
      'a failing init container',
      {
        ...notReady,
        initContainerStatuses: [
          {
            name: 'migrate',
            ready: false,
            restartCount: 1,
            state: { waiting: { reason: 'CrashLoopBackOff', message: '' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'PodInitializing' } },
          },
        ],
      },
      { container: 'migrate', reason: 'CrashLoopBackOff' },
    ],
  ])('finds %s', (_name, status, expected) => {
    expect(podProblems([pod('web-1', status)])[0]).toMatchObject({ pod: 'web-1', ...expected });
  });

  test('ready pods and pods being deleted are not problems', () => {
    const ready = pod('a', { conditions: [{ type: 'Ready', status: 'True' }] });
    const deleting = { metadata: { name: 'b', deletionTimestamp: 't' }, status: notReady };
    expect(podProblems([ready, deleting])).toEqual([]);
  });

  test('a telling reason comes before a container still being created', () => {
    const creating = pod('a', {
      ...notReady,
      containerStatuses: [
        { name: 'c', ready: false, state: { waiting: { reason: 'ContainerCreating' } } },
      ],
    });
    const failing = pod('b', {
      ...notReady,
      containerStatuses: [
        {
          name: 'c',
          ready: false,
          state: { waiting: { reason: 'ErrImagePull', message: 'not found' } },
        },
      ],
    });
    expect(podProblems([creating, failing]).map((p) => p.reason)).toEqual([
      'ErrImagePull',
      'ContainerCreating',
    ]);
  });
});

describe('headline', () => {
  test.each([
    [
      {
        pod: 'p',
        container: 'c',
        reason: 'CrashLoopBackOff',
        message: 'back-off 10s restarting; last exit code 1 (Error)',
      },
      'CrashLoopBackOff in container c of pod p (last exit code 1 (Error))',
    ],
    [
      {
        pod: 'p',
        container: 'c',
        reason: 'ImagePullBackOff',
        message: 'Back-off pulling image "x"',
      },
      'ImagePullBackOff in container c of pod p (Back-off pulling image "x")',
    ],
    [
      { pod: 'p', container: undefined, reason: 'Unschedulable', message: '0/1 nodes' },
      'Unschedulable in pod p (0/1 nodes)',
    ],
  ])('sums up %o', (problem, text) => {
    expect(headline([{ restarts: 0, hasLogs: false, previous: false, ...problem }])).toBe(text);
  });

  test('no problem, no headline', () => {
    expect(headline([])).toBeUndefined();
  });
});

describe('relatedEvents', () => {
  const event = (name: string, kind: string, reason: string, time: string, rv: number) => ({
    metadata: { name: `${name}.x`, resourceVersion: String(rv) },
    involvedObject: { kind, name },
    reason,
    message: `${reason} happened`,
    type: 'Normal',
    lastTimestamp: time,
    count: 1,
  });

  test('keeps the workload, its ReplicaSets and pods, oldest first, ties in creation order', () => {
    const events = [
      event('web-abc-1', 'Pod', 'Started', '2024-01-01T00:00:02Z', 12),
      event('other', 'Pod', 'Started', '2024-01-01T00:00:01Z', 5),
      event('web-abc-1', 'Pod', 'Created', '2024-01-01T00:00:02Z', 11),
      event('web', 'Deployment', 'ScalingReplicaSet', '2024-01-01T00:00:00Z', 3),
      event('webhook', 'Pod', 'Started', '2024-01-01T00:00:00Z', 4),
    ];
    expect(relatedEvents(events, 'web').map((e) => `${e.object} ${e.reason}`)).toEqual([
      'deployment/web ScalingReplicaSet',
      'pod/web-abc-1 Created',
      'pod/web-abc-1 Started',
    ]);
  });

  test('keeps only the newest when there are many', () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      event('web', 'Deployment', `R${i}`, `2024-01-01T00:00:${String(i).padStart(2, '0')}Z`, i),
    );
    expect(relatedEvents(events, 'web', 5).map((e) => e.reason)).toEqual([
      'R25',
      'R26',
      'R27',
      'R28',
      'R29',
    ]);
  });

  test('renders aligned columns with repeat counts', () => {
    const lines = formatEvents([
      {
        time: 't1',
        type: 'Warning',
        reason: 'BackOff',
        object: 'pod/p',
        message: 'Back-off',
        count: 4,
      },
    ]);
    expect(lines).toEqual([
      'TIME  TYPE     REASON   OBJECT  MESSAGE',
      't1    Warning  BackOff  pod/p   Back-off (x4)',
    ]);
  });
});

describe('selectorOf and itemsOf', () => {
  test('renders matchLabels and matchExpressions as kubectl -l takes them', () => {
    const workload = {
      spec: {
        selector: {
          matchLabels: { app: 'web' },
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['a', 'b'] },
            { key: 'canary', operator: 'DoesNotExist' },
          ],
        },
      },
    };
    expect(selectorOf(workload)).toBe('app=web,tier in (a,b),!canary');
  });

  test.each([
    ['a List', '{"kind":"List","items":[{"kind":"Pod"},{"kind":"Service"}]}', 2],
    ['one object', '{"kind":"Pod","metadata":{"name":"p"}}', 1],
    ['an empty list', '{"kind":"PodList","items":[]}', 0],
    ['no JSON at all', 'error: boom', 0],
  ])('reads %s', (_name, json, count) => {
    expect(itemsOf(json)).toHaveLength(count);
  });
});

describe('hopeless', () => {
  const problem = (reason: string, restarts = 0, container: string | null = 'web'): PodProblem => ({
    pod: 'p',
    container: container ?? undefined,
    reason,
    message: '',
    restarts,
    hasLogs: false,
    previous: false,
  });

  test.each([
    ['ImagePullBackOff', 0, 'web', true],
    ['ErrImagePull', 0, 'web', true],
    ['InvalidImageName', 0, 'web', true],
    ['CrashLoopBackOff', 3, 'web', true],
    ['CrashLoopBackOff', 2, 'web', false],
    ['Unschedulable', 0, null, true],
    ['ContainerCreating', 0, 'web', false],
    ['NotReady', 0, 'web', false],
    ['Pending', 0, null, false],
  ])(
    '%s after %d restarts (container %s) cannot heal: %s',
    (reason, restarts, container, expected) => {
      expect(
        hopeless([problem('NotReady'), problem(reason, restarts, container)]) !== undefined,
      ).toBe(expected);
    },
  );
});

describe('currentRevisionPods', () => {
  const meta = (
    name: string,
    labels: Record<string, string>,
    extra: Record<string, unknown> = {},
  ) => ({
    name,
    labels,
    ...extra,
  });
  const pods = [
    {
      kind: 'Pod',
      metadata: meta('old', {
        app: 'web',
        'pod-template-hash': 'aaa',
        'controller-revision-hash': 'web-1',
        'pod-template-generation': '1',
      }),
    },
    {
      kind: 'Pod',
      metadata: meta('new', {
        app: 'web',
        'pod-template-hash': 'bbb',
        'controller-revision-hash': 'web-2',
        'pod-template-generation': '2',
      }),
    },
  ];

  test('a Deployment: the pods of the ReplicaSet of its current revision', () => {
    const deployment = {
      metadata: {
        uid: 'd1',
        generation: 2,
        annotations: { 'deployment.kubernetes.io/revision': '2' },
      },
      status: { observedGeneration: 2 },
    };
    const sets = ['1', '2'].map((revision) => ({
      kind: 'ReplicaSet',
      metadata: meta(
        `rs${revision}`,
        { 'pod-template-hash': revision === '1' ? 'aaa' : 'bbb' },
        {
          annotations: { 'deployment.kubernetes.io/revision': revision },
          ownerReferences: [{ uid: 'd1' }],
        },
      ),
    }));
    expect(
      currentRevisionPods('Deployment', deployment, [...sets, ...pods]).map(
        (p) => (p['metadata'] as { name: string }).name,
      ),
    ).toEqual(['new']);
  });

  test('nothing until the controller has seen the latest generation', () => {
    const deployment = {
      metadata: {
        uid: 'd1',
        generation: 3,
        annotations: { 'deployment.kubernetes.io/revision': '2' },
      },
      status: { observedGeneration: 2 },
    };
    expect(currentRevisionPods('Deployment', deployment, pods)).toEqual([]);
  });

  test('a StatefulSet: its update revision; a DaemonSet: its template generation', () => {
    const sts = {
      metadata: { generation: 1 },
      status: { observedGeneration: 1, updateRevision: 'web-2' },
    };
    expect(currentRevisionPods('StatefulSet', sts, pods)).toEqual([pods[1]]);
    const ds = {
      metadata: { generation: 2, annotations: { 'deprecated.daemonset.template.generation': '1' } },
      status: { observedGeneration: 2 },
    };
    expect(currentRevisionPods('DaemonSet', ds, pods)).toEqual([pods[0]]);
  });
});

describe('staleUnreadyPods', () => {
  const pod = (name: string, revision: string, ready: boolean) => ({
    metadata: { name, labels: { 'controller-revision-hash': revision } },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  });
  const sts = (observed: number) => ({
    metadata: { generation: 3 },
    status: { observedGeneration: observed, updateRevision: 'store-1' },
  });

  test('names the unready pods of another revision than the update revision', () => {
    const pods = [
      pod('store-0', 'store-2', false),
      pod('store-1', 'store-1', false),
      pod('store-2', 'store-2', true),
    ];
    expect(staleUnreadyPods(sts(3), pods)).toEqual(['store-0']);
  });

  test('names none before the controller has seen the undo', () => {
    expect(staleUnreadyPods(sts(2), [pod('store-0', 'store-2', false)])).toEqual([]);
  });
});
