import { describe, expect, test } from 'vitest';
import { readKubeconfig } from '../../src/k8s/kubeconfig.ts';

const CONFIG = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://deployer:s3cret-pass@10.0.0.1:6443
    certificate-authority-data: Q0EK
- name: staging
  cluster: {server: "https://staging.example:6443"}
users:
- name: ci
  user:
    token: tok-abc-123
    client-key-data: a2V5LWRhdGE=
- name: exec-user
  user:
    exec:
      command: get-token
      env: [{name: SECRET, value: env-secret-value}]
contexts:
- name: prod
  context: {cluster: prod, user: ci, namespace: web}
- name: staging
  context: {cluster: staging, user: exec-user}
current-context: prod
`;

describe('readKubeconfig', () => {
  test('lists the credentials to mask: tokens, keys, exec env values and URL user info', () => {
    expect(readKubeconfig(CONFIG).secrets.sort()).toEqual([
      'a2V5LWRhdGE=',
      'deployer:s3cret-pass',
      'env-secret-value',
      'tok-abc-123',
    ]);
  });

  test('maps each context to its server without credentials', () => {
    const config = readKubeconfig(CONFIG);
    expect(config.servers).toEqual({
      prod: 'https://10.0.0.1:6443',
      staging: 'https://staging.example:6443',
    });
    expect(config.currentContext).toBe('prod');
  });

  test('accepts the file base64-encoded, as many secrets hold it', () => {
    const encoded = Buffer.from(CONFIG)
      .toString('base64')
      .replace(/(.{76})/g, '$1\n');
    expect(readKubeconfig(encoded).text).toBe(CONFIG);
  });

  test.each([
    ['text that is not YAML', 'a: [b', 'is not valid YAML'],
    ['YAML without clusters', 'apiVersion: v1\nkind: Config\n', 'has no clusters or no contexts'],
    ['a token alone', 'ghp_abcdefghijklmnopqrstuvwxyz', 'has no clusters or no contexts'],
  ])('%s is an input error that does not quote the content', (_name, input, message) => {
    let thrown: Error | undefined;
    try {
      readKubeconfig(input);
    } catch (e) {
      thrown = e as Error;
    }
    expect(thrown?.message).toContain(`input 'kubeconfig' ${message}`);
    expect(thrown?.message).not.toContain(input);
  });
});
