import { describe, expect, test } from 'vitest';
import { formatDuration } from '../../src/k8s/deploy.ts';
import { deploySummary } from '../../src/k8s/summary.ts';

describe('deploySummary', () => {
  const base = {
    applied: [
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'demo', name: 'web' },
      { apiVersion: 'v1', kind: 'Service', namespace: 'demo', name: 'web' },
    ],
    images: [
      {
        file: 'k.yaml',
        line: 3,
        kind: 'Deployment',
        name: 'web',
        container: 'web',
        list: 'containers',
        from: 'web:1',
        to: 'web:2',
      },
    ],
    renderedPath: '/tmp/r',
    timeout: '5m',
  };

  test('a successful deploy lists rollouts, images and the other objects', () => {
    const md = deploySummary({
      ...base,
      rollouts: [
        { kind: 'Deployment', namespace: 'demo', name: 'web', status: 'ready', seconds: 12 },
      ],
    });
    expect(md).toContain('### Deployed');
    expect(md).toContain('| deployment/web | demo | ready |  | 12s |');
    expect(md).toContain('| deployment/web | web | web:2 | web:1 | web:1 |');
    expect(md).toContain('- service/web in demo');
  });

  test('after write-back the checkout column shows the new image', () => {
    const md = deploySummary({
      ...base,
      writtenBack: ['k.yaml'],
      rollouts: [
        {
          kind: 'Deployment',
          namespace: 'demo',
          name: 'web',
          status: 'ready',
          seconds: 3,
          running: ['web: web:2'],
        },
      ],
    });
    expect(md).toContain('| Workload | Container | Image applied | Before | In the checkout |');
    expect(md).toContain('| deployment/web | web | web:2 | web:1 | web:2 |');
    expect(md).toContain('| deployment/web | demo | ready | web: web:2 | 3s |');
  });

  test('after a rollback the images running now are the restored ones', () => {
    const md = deploySummary({
      ...base,
      rollouts: [
        {
          kind: 'Deployment',
          namespace: 'demo',
          name: 'web',
          status: 'rolled-back',
          seconds: 9,
          reason: 'ImagePullBackOff',
          running: ['web: web:1'],
        },
      ],
    });
    expect(md).toContain('| deployment/web | demo | failed, rolled back | web: web:1 | 9s |');
  });

  test('a failed rollout shows its reason, events and logs', () => {
    const md = deploySummary({
      ...base,
      rollouts: [
        {
          kind: 'Deployment',
          namespace: 'demo',
          name: 'web',
          status: 'rolled-back',
          seconds: 300,
          reason: 'ImagePullBackOff in container web',
          events: ['E1'],
          logs: ['L1'],
        },
      ],
    });
    expect(md).toContain('### Deploy failed: 1 of 1 rollouts did not become ready');
    expect(md).toContain('failed, rolled back');
    expect(md).toContain(
      '#### Why deployment/web is not ready\n\nImagePullBackOff in container web',
    );
    expect(md).toMatch(/Recent events[\s\S]*E1/);
    expect(md).toMatch(/Last log lines[\s\S]*L1/);
  });
});

describe('formatDuration', () => {
  test.each([
    [300_000, '5m'],
    [90_000, '1m30s'],
    [4_000, '4s'],
    [3_720_000, '1h2m'],
    [0, '0s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
