import { describe, expect, test } from 'vitest';
import {
  classifyApplyErrors,
  classifyKubectlError,
  parseConflicts,
  parseRejections,
} from '../../src/k8s/errors.ts';
import type { ManifestObject } from '../../src/k8s/manifests.ts';

const files = new Map([['/tmp/rendered/kubernetes/app.yaml', 'kubernetes/app.yaml']]);
const objects: ManifestObject[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'web',
    namespace: undefined,
    file: 'kubernetes/app.yaml',
    line: 7,
  },
  {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    name: 'w',
    namespace: undefined,
    file: 'kubernetes/app.yaml',
    line: 30,
  },
];
const ctx = { server: 'https://admin:pw@127.0.0.1:6443', files, objects };

describe('classifyKubectlError', () => {
  test.each([
    [
      'a refused connection',
      'The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?',
      'no Kubernetes API server is reachable at https://127.0.0.1:6443',
    ],
    [
      'a failed OpenAPI download',
      'error: error validating "/tmp/rendered/kubernetes/app.yaml": error validating data: failed to download openapi: Get "https://127.0.0.1:6443/openapi/v2?timeout=32s": dial tcp 127.0.0.1:6443: connect: connection refused; if you choose to ignore these errors, turn validation off with --validate=false',
      'no Kubernetes API server is reachable at https://127.0.0.1:6443 (dial tcp 127.0.0.1:6443: connect: connection refused)',
    ],
    [
      'an unknown host',
      'Unable to connect to the server: dial tcp: lookup cluster.invalid on 127.0.0.53:53: no such host',
      'no Kubernetes API server is reachable',
    ],
    [
      'an untrusted certificate',
      'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority',
      'has a certificate kubectl does not trust (tls: failed to verify certificate: x509: certificate signed by unknown authority)',
    ],
    [
      'rejected credentials',
      'error: You must be logged in to the server (Unauthorized)',
      'rejected the credentials (401 Unauthorized)',
    ],
    [
      'an RBAC refusal on patch',
      'Error from server (Forbidden): error when applying patch:\n{"metadata":{}}\nto:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "web", Namespace: "demo"\nfor: "/tmp/rendered/kubernetes/app.yaml": error when patching "/tmp/rendered/kubernetes/app.yaml": deployments.apps "web" is forbidden: User "ci" cannot patch resource "deployments" in API group "apps" in the namespace "demo"',
      'forbidden by RBAC: user "ci" cannot patch deployments.apps ("web") in namespace "demo"',
    ],
    [
      'an RBAC refusal at cluster scope',
      'Error from server (Forbidden): error when retrieving current configuration of:\nResource: "/v1, Resource=namespaces"\nfrom server for: "x.yaml": namespaces "prod" is forbidden: User "system:serviceaccount:ci:deployer" cannot get resource "namespaces" in API group "" at the cluster scope',
      'forbidden by RBAC: user "system:serviceaccount:ci:deployer" cannot get namespaces ("prod") at cluster scope',
    ],
    [
      'an unknown kind',
      'error: resource mapping not found for name: "w" namespace: "" from "/tmp/rendered/kubernetes/app.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first',
      'kubernetes/app.yaml: the cluster does not serve kind Widget in version example.com/v1 (object "w")',
    ],
    [
      'an invalid object',
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`',
      'kubernetes/app.yaml: the API server rejected Deployment "web": spec.template.metadata.labels: Invalid value',
    ],
    [
      'an unknown field',
      'Error from server (BadRequest): error when creating "/tmp/rendered/kubernetes/app.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagee"',
      'kubernetes/app.yaml: the API server rejected the object (BadRequest): Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field',
    ],
  ])('%s becomes one clear message', (_name, stderr, message) => {
    expect(classifyKubectlError(stderr, ctx)?.message).toContain(message);
  });

  test('the server URL in a message never carries its credentials', () => {
    const error = classifyKubectlError('dial tcp 127.0.0.1:6443: connect: connection refused', ctx);
    expect(error?.message).not.toContain('pw');
  });

  test('an RBAC refusal says which permission to grant', () => {
    const error = classifyKubectlError(
      'deployments.apps "web" is forbidden: User "ci" cannot patch resource "deployments" in API group "apps" in the namespace "demo"',
      ctx,
    );
    expect(error?.hint).toContain(
      'kubectl create role deployer --verb=patch --resource=deployments.apps -n demo',
    );
  });

  test.each([
    [
      'an unknown kind',
      'error: resource mapping not found for name: "w" namespace: "" from "/tmp/rendered/kubernetes/app.yaml": no matches for kind "Widget" in version "example.com/v1"',
      30,
    ],
    ['an invalid object', 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1', 7],
  ])('%s points at the object in its source file', (_name, stderr, line) => {
    expect(classifyKubectlError(stderr, ctx)?.location).toEqual({
      file: 'kubernetes/app.yaml',
      line,
    });
  });

  test.each([
    'Error from server (NotFound): error when creating "/tmp/rendered/kubernetes/app.yaml": namespaces "nope" not found',
    'Error from server (NotFound): namespaces "nope" not found',
  ])('a namespace that does not exist says to create it first (%s)', (stderr) => {
    const error = classifyKubectlError(stderr, ctx);
    expect(error?.message).toBe('the namespace "nope" does not exist at https://127.0.0.1:6443');
    expect(error?.hint).toContain('Create it first');
  });

  test('an unknown failure is left to the caller', () => {
    expect(classifyKubectlError('error: something else entirely', ctx)).toBeUndefined();
  });
});

describe('classifyKubectlError, namespaces', () => {
  test('an object whose namespace differs from the namespace input says which to change', () => {
    const error = classifyKubectlError(
      'error: the namespace from the provided object "prod" does not match the namespace "demo". You must pass \'--namespace=prod\' to perform this operation.',
      {
        objects: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: 's',
            namespace: 'prod',
            file: 'k.yaml',
            line: 4,
          },
        ],
      },
    );
    expect(error?.message).toBe(
      'an object sets metadata.namespace "prod", but the namespace input is "demo"',
    );
    expect(error?.location).toEqual({ file: 'k.yaml', line: 4 });
  });
});

// What kubectl 1.36 printed against the API server of the same release (see the deploy tests).
const PATCH_TYPO =
  'The request is invalid: patch: Invalid value: "map[metadata:map[annotations:map[kubectl.kubernetes.io/last-applied-configuration:{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"Deployment\\",\\"metadata\\":{\\"annotations\\":{},\\"labels\\":{\\"name\\":\\"decoy\\"},\\"name\\":\\"web\\",\\"namespace\\":\\"probe\\"},\\"spec\\":{\\"replicas\\":2}}\\n]] spec:map[template:map[spec:map[]]]]": strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"\n';

describe('parseRejections', () => {
  test.each([
    [
      'a patch of an existing object (the object only inside the patch text)',
      PATCH_TYPO,
      {
        file: undefined,
        kind: 'Deployment',
        name: 'web',
        why: 'unknown field "spec.template.spec.containers[0].imagePullPolicyy" (no such field in this kind\'s schema: a typo, or the wrong level of indentation)',
      },
    ],
    [
      'a new object with a wrong type',
      'Error from server (BadRequest): error when creating "/r/app.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string\n',
      {
        file: '/r/app.yaml',
        kind: 'ConfigMap',
        name: undefined,
        why: 'field "data" must be of type string, not number',
      },
    ],
    [
      'server-side apply',
      'Error from server: failed to create typed patch object (probe/neu; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="web"].imagePullPolicyy: field not declared in schema\n',
      {
        file: undefined,
        kind: 'Deployment',
        name: 'neu',
        why: 'unknown field "spec.template.spec.containers[name="web"].imagePullPolicyy" (no such field in this kind\'s schema: a typo, or the wrong level of indentation)',
      },
    ],
    [
      'server-side apply of a wrong type in the core group',
      'Error from server: failed to create typed patch object (probe/cm; /v1, Kind=ConfigMap): .data.a: expected string, got &value.valueUnstructured{Value:1}\n',
      {
        file: undefined,
        kind: 'ConfigMap',
        name: 'cm',
        why: 'field "data.a" must be of type string',
      },
    ],
    [
      'several invalid values',
      'The Service "edge" is invalid: \n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n',
      {
        file: undefined,
        kind: 'Service',
        name: 'edge',
        why: 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive; spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      },
    ],
  ])('%s', (_name, stderr, expected) => {
    expect(parseRejections(stderr)).toEqual([expected]);
  });

  test('several failures: the patch of an existing object named by kubectl, a new invalid object', () => {
    const stderr = [
      'Error from server (Invalid): error when applying patch:',
      '{"spec":{"replica":1}}',
      'to:',
      'Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"',
      'Name: "web", Namespace: "probe"',
      'for: "/r/a.yaml": error when patching "/r/a.yaml":  "" is invalid: patch: Invalid value: "map[spec:map[replica:1]]": strict decoding error: unknown field "spec.replica"',
      'Error from server (Invalid): error when creating "/r/b.yaml": Deployment.apps "inv" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      '',
    ].join('\n');
    expect(parseRejections(stderr)).toEqual([
      {
        file: '/r/a.yaml',
        kind: 'Deployment',
        name: 'web',
        why: 'unknown field "spec.replica" (no such field in this kind\'s schema: a typo, or the wrong level of indentation)',
      },
      {
        file: '/r/b.yaml',
        kind: 'Deployment',
        name: 'inv',
        why: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      },
    ]);
  });

  test('forbidden and conflicts are not rejections of an object', () => {
    expect(
      parseRejections(
        'Error from server (Forbidden): deployments.apps "web" is forbidden: User "u" cannot patch resource "deployments" in API group "apps" in the namespace "n"\n',
      ),
    ).toEqual([]);
  });
});

describe('classifyApplyErrors', () => {
  test('one rejected object: its file and line, kind, name, field and why, without the patch text', () => {
    const error = classifyApplyErrors(PATCH_TYPO, {
      objects: [{ ...objects[0]!, namespace: 'probe' }],
    });
    expect(error?.message).toBe(
      'the API server rejected kubernetes/app.yaml:7: Deployment "web": unknown field "spec.template.spec.containers[0].imagePullPolicyy" (no such field in this kind\'s schema: a typo, or the wrong level of indentation)',
    );
    expect(error?.message).not.toContain('map[');
    expect(error?.location).toEqual({ file: 'kubernetes/app.yaml', line: 7 });
  });

  test('several: each named, the annotation on the first', () => {
    const stderr =
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\nError from server (BadRequest): error when creating "/tmp/rendered/kubernetes/app.yaml": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.size"\n';
    const error = classifyApplyErrors(stderr, { files, objects });
    expect(error?.message).toBe(
      'the API server rejected 2 objects: kubernetes/app.yaml:7: Deployment "web": spec.replicas: Invalid value: -1: must be greater than or equal to 0; kubernetes/app.yaml:30: Widget "w": unknown field "spec.size" (no such field in this kind\'s schema: a typo, or the wrong level of indentation)',
    );
    expect(error?.location).toEqual({ file: 'kubernetes/app.yaml', line: 7 });
  });
});

describe('parseConflicts', () => {
  test('several managers, one with a subresource', () => {
    const stderr =
      'error: Apply failed with 2 conflicts: conflicts with "kubectl" with subresource "scale" using apps/v1:\n- .spec.replicas\nconflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.template.spec.containers[name="web"].image\nPlease review the fields above--they currently have other managers. Here\nare the ways you can resolve this warning:\n';
    expect(parseConflicts(stderr)).toEqual([
      { object: 'an object', manager: 'kubectl', subresource: 'scale', fields: ['.spec.replicas'] },
      {
        object: 'an object',
        manager: 'kubectl-client-side-apply',
        fields: ['.spec.template.spec.containers[name="web"].image'],
      },
    ]);
  });

  test('one conflict on one line', () => {
    expect(
      parseConflicts(
        'error: Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas\nPlease review',
      ),
    ).toEqual([{ object: 'an object', manager: 'kubectl-edit', fields: ['.spec.replicas'] }]);
  });
});
