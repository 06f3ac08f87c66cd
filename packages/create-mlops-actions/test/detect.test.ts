import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { directionOf } from '../src/better.ts';
import {
  containerNames,
  detectProject,
  findDvcProjects,
  githubOwner,
  metricNames,
  parseDvcConfig,
} from '../src/detect.ts';

describe('directionOf', () => {
  test.each([
    ['loss', 'lower'],
    ['val_loss', 'lower'],
    ['log_loss', 'lower'],
    ['test.rmse', 'lower'],
    ['errorRate', 'lower'],
    ['accuracy', 'higher'],
    ['val_accuracy', 'higher'],
    ['f1', 'higher'],
    ['macro_f1', 'higher'],
    ['roc_auc', 'higher'],
    ['top5', 'higher'],
    ['f1_macro', 'higher'],
    ['latency_ms', 'lower'],
    ['error_rate', 'lower'],
    ['coverage_gap', undefined],
    ['calibration', undefined],
    ['epochs', undefined],
  ])('%s should go %s', (name, direction) => {
    expect(directionOf(name)).toBe(direction);
  });
});

describe('parseDvcConfig', () => {
  test.each([
    [
      '[core]\n    remote = storage\n[\'remote "storage"\']\n    url = s3://bucket/path\n',
      's3',
      'aws',
    ],
    ['[core]\nremote = gcs\n[\'remote "gcs"\']\nurl = gs://bucket/dvc\n', 'gs', 'gcp'],
    ['[\'remote "only"\']\n    url = azure://container/dvc\n', 'azure', 'azure'],
    [
      '[core]\n    remote = here\n[\'remote "here"\']\n    url = /srv/dvc-store\n',
      'local',
      undefined,
    ],
  ])('reads the default remote of %j', (text, scheme, cloud) => {
    const remote = parseDvcConfig([text]);
    expect(remote?.scheme).toBe(scheme);
    expect(remote?.cloud).toBe(cloud);
  });

  test('config.local overrides the default remote of config', () => {
    const remote = parseDvcConfig([
      '[core]\nremote = a\n[\'remote "a"\']\nurl = s3://a/x\n[\'remote "b"\']\nurl = gs://b/y\n',
      '[core]\nremote = b\n',
    ]);
    expect(remote).toMatchObject({ name: 'b', cloud: 'gcp' });
  });

  test('no remote at all is undefined', () => {
    expect(parseDvcConfig(['[core]\n    autostage = true\n'])).toBeUndefined();
  });
});

test.each([
  ['git@github.com:acme/digits.git', 'acme'],
  ['https://github.com/octo-org/ml-project', 'octo-org'],
  ['https://github.com/octo-org/ml-project.git\n', 'octo-org'],
  ['https://gitlab.com/acme/digits.git', undefined],
  ['/srv/git/origin.git', undefined],
])('githubOwner(%s) is %s', (url, owner) => {
  expect(githubOwner(url)).toBe(owner);
});

test('metricNames lists numeric leaves as dotted keys', () => {
  expect(metricNames('{"accuracy": 0.9, "per_class": {"f1": 0.8}, "name": "x", "n": [1]}')).toEqual(
    ['accuracy', 'per_class.f1'],
  );
  expect(metricNames('loss: 0.3\nrecall: 0.7\n')).toEqual(['loss', 'recall']);
});

describe('a project on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'init-detect-'));
  const ml = join(root, 'services', 'ml');
  mkdirSync(join(ml, '.dvc'), { recursive: true });
  mkdirSync(join(ml, 'deploy'), { recursive: true });
  mkdirSync(join(root, 'kubernetes'), { recursive: true });
  writeFileSync(
    join(ml, 'dvc.yaml'),
    `stages:
  fit:
    cmd: python fit.py
    outs:
      - out/model.bentomodel
      - out/curve.json:
          cache: false
    metrics:
      - out/scores.json:
          cache: false
    plots:
      - out/roc.png
plots:
  - roc_curve:
      x: fpr
      y:
        out/curve.json: tpr
`,
  );
  mkdirSync(join(ml, 'out'));
  writeFileSync(join(ml, 'out', 'scores.json'), '{"auc": 0.91, "calibration": 0.02}');
  writeFileSync(
    join(ml, '.dvc', 'config'),
    '[core]\n remote = s\n[\'remote "s"\']\n url = s3://b/p\n',
  );
  writeFileSync(
    join(ml, 'bentofile.yaml'),
    'service: "serve:Svc"\ndocker:\n  python_version: "3.12"\n',
  );
  writeFileSync(
    join(root, 'kubernetes', 'app.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  template:
    spec:
      containers:
        - name: api
          image: x
        - name: sidecar
          image: y
---
apiVersion: v1
kind: Service
metadata: {name: app}
`,
  );

  test('findDvcProjects finds the project in its subfolder', () => {
    expect(findDvcProjects(root)).toEqual(['services/ml']);
  });

  test('detectProject reads stages, metrics, git-kept outputs, remote, bento and manifests', () => {
    const project = detectProject(root, 'services/ml');
    expect(project).toMatchObject({
      dir: 'services/ml',
      stages: ['fit'],
      metrics: [
        { file: 'out/scores.json', name: 'auc' },
        { file: 'out/scores.json', name: 'calibration' },
      ],
      gitOutputs: ['out/curve.json', 'out/scores.json'],
      reportNeedsRemote: true,
      remote: { name: 's', cloud: 'aws' },
      pythonVersion: '3.12',
      bento: {
        bentofile: 'services/ml/bentofile.yaml',
        models: ['services/ml/out/model.bentomodel'],
      },
      kubernetes: { dir: 'kubernetes/', containers: ['api', 'sidecar'] },
    });
    expect(project.plots).toEqual(['out/roc.png', 'roc_curve']);
  });

  test('containerNames reads every workload of a folder', () => {
    expect(containerNames(join(root, 'kubernetes'))).toEqual(['api', 'sidecar']);
  });
});
