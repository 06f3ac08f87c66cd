import { describe, expect, test } from 'vitest';
import { dropRemovedFields, jsonPatch, mergeMap, mergePatch } from '../src/kube/patch.ts';
import { SCHEMAS } from '../src/kube/schemas.ts';
import { fieldMatcher, labelMatcher, selectorMatcher } from '../src/kube/selectors.ts';

const deployment = SCHEMAS['io.k8s.api.apps.v1.Deployment'];

function withContainers(containers: unknown[]): Record<string, unknown> {
  return { spec: { template: { spec: { containers } } } };
}

describe('strategic merge patch', () => {
  test.each([
    [
      'merges containers by name',
      withContainers([
        { name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] },
        { name: 'b', image: 'b:1' },
      ]),
      withContainers([{ name: 'a', image: 'a:2' }]),
      withContainers([
        { name: 'a', image: 'a:2', env: [{ name: 'X', value: '1' }] },
        { name: 'b', image: 'b:1' },
      ]),
    ],
    [
      'deletes a container with $patch: delete',
      withContainers([
        { name: 'a', image: 'a:1' },
        { name: 'b', image: 'b:1' },
      ]),
      withContainers([{ name: 'b', $patch: 'delete' }]),
      withContainers([{ name: 'a', image: 'a:1' }]),
    ],
    [
      'orders a merged list with $setElementOrder',
      withContainers([
        { name: 'a', image: 'a:1' },
        { name: 'b', image: 'b:1' },
      ]),
      {
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }],
              containers: [{ name: 'a', image: 'a:2' }],
            },
          },
        },
      },
      withContainers([
        { name: 'b', image: 'b:1' },
        { name: 'a', image: 'a:2' },
      ]),
    ],
    [
      'removes a field set to null',
      { spec: { replicas: 3, paused: true } },
      { spec: { paused: null } },
      { spec: { replicas: 3 } },
    ],
    [
      'replaces a list without a merge key (args)',
      withContainers([{ name: 'a', args: ['1', '2'] }]),
      withContainers([{ name: 'a', args: ['3'] }]),
      withContainers([{ name: 'a', args: ['3'] }]),
    ],
    [
      'keeps only $retainKeys in a union (strategy)',
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } },
      { spec: { strategy: { type: 'Recreate' } } },
    ],
    [
      'replaces a whole map with $patch: replace (rollback of a template)',
      { spec: { template: { metadata: { labels: { a: '1', b: '2' } } } } },
      { spec: { template: { $patch: 'replace', metadata: { labels: { a: '1' } } } } },
      { spec: { template: { metadata: { labels: { a: '1' } } } } },
    ],
    [
      'replaces an atomic map (the selector) instead of merging it',
      { spec: { selector: { matchLabels: { a: '1', b: '2' } } } },
      { spec: { selector: { matchLabels: { a: '1' } } } },
      { spec: { selector: { matchLabels: { a: '1' } } } },
    ],
  ])('%s', (_name, original, patch, expected) => {
    expect(mergeMap(original, patch, deployment)).toEqual(expected);
  });
});

describe('JSON merge patch and JSON patch', () => {
  test('a merge patch merges objects, replaces lists and deletes nulls', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null, d: 3 }, l: [3] })).toEqual({
      a: { b: 1, d: 3 },
      l: [3],
    });
  });

  test('a JSON patch applies replace, add, remove and test in order', () => {
    const doc = { metadata: { annotations: { a: '1' } }, spec: { list: [1, 2] } };
    const ops = [
      { op: 'test', path: '/metadata/annotations/a', value: '1' },
      { op: 'replace', path: '/metadata/annotations', value: { b: '2' } },
      { op: 'add', path: '/spec/list/-', value: 3 },
      { op: 'remove', path: '/spec/list/0' },
      { op: 'add', path: '/metadata/labels~1x', value: 'y' },
    ];
    expect(jsonPatch(doc, ops)).toEqual({
      metadata: { annotations: { b: '2' }, 'labels/x': 'y' },
      spec: { list: [2, 3] },
    });
  });

  test.each([
    [[{ op: 'test', path: '/a', value: 2 }], 'testing value /a failed'],
    [[{ op: 'replace', path: '/missing', value: 1 }], 'doc is missing key: /missing'],
    [[{ op: 'remove', path: '/x/y' }], 'doc is missing path'],
  ])('a JSON patch that does not apply is refused: %j', (ops, message) => {
    expect(() => jsonPatch({ a: 1 }, ops)).toThrow(message);
  });
});

describe('server-side apply field removal', () => {
  test('fields a manager no longer applies are removed, keyed list items included', () => {
    const target = {
      spec: {
        replicas: 2,
        template: {
          spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X' }, { name: 'Y' }] }] },
        },
      },
    };
    const previous = {
      spec: {
        replicas: 2,
        template: {
          spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X' }, { name: 'Y' }] }] },
        },
      },
    };
    const next = {
      spec: {
        template: { spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X' }] }] } },
      },
    };
    dropRemovedFields(target, previous, next, deployment);
    expect(target).toEqual({
      spec: {
        template: { spec: { containers: [{ name: 'a', image: 'a:1', env: [{ name: 'X' }] }] } },
      },
    });
  });
});

describe('selectors', () => {
  const obj = {
    metadata: { name: 'web', namespace: 'demo', labels: { app: 'web', tier: 'front' } },
    status: { phase: 'Running' },
  };
  test.each([
    ['app=web', true],
    ['app==web,tier=front', true],
    ['app!=web', false],
    ['tier in (front,back)', true],
    ['tier notin (front)', false],
    ['app', true],
    ['!canary', true],
    ['', true],
  ])('label selector %j matches: %s', (selector, expected) => {
    expect(labelMatcher(selector)(obj)).toBe(expected);
  });

  test.each([
    ['metadata.name=web', true],
    ['metadata.name=web,metadata.namespace=other', false],
    ['status.phase!=Pending', true],
  ])('field selector %j matches: %s', (selector, expected) => {
    expect(fieldMatcher(selector)(obj)).toBe(expected);
  });

  test('a LabelSelector object with expressions matches like its string form', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }],
    };
    expect(selectorMatcher(selector)(obj)).toBe(true);
    expect(selectorMatcher({ matchLabels: { app: 'api' } })(obj)).toBe(false);
  });
});
