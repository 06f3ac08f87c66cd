import { describe, expect, test } from 'vitest';
import { classifyKubectlError } from '../../src/k8s/errors.ts';
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

  test('a namespace that does not exist says to create it first', () => {
    const error = classifyKubectlError(
      'Error from server (NotFound): error when creating "/tmp/rendered/kubernetes/app.yaml": namespaces "nope" not found',
      ctx,
    );
    expect(error?.hint).toContain('Create the namespace first');
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
