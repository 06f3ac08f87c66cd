import { describe, expect, test } from 'vitest';
import {
  bentofilePython,
  isBentomlRequirement,
  requirementLines,
} from '../../src/bentoml/bentofile.ts';
import {
  backendInstallHint,
  backendTool,
  buildArgs,
  containerizeArgs,
  loginCommand,
  logoutCommand,
  modelsGetArgs,
  modelsImportArgs,
  pushCommand,
} from '../../src/bentoml/commands.ts';

describe('BentoML commands', () => {
  test('imports an archive by its absolute path', () => {
    expect(modelsImportArgs('/w/model/m.bentomodel')).toEqual([
      'models',
      'import',
      '/w/model/m.bentomodel',
    ]);
  });

  test('asks for a model as JSON', () => {
    expect(modelsGetArgs('m:v1')).toEqual(['models', 'get', 'm:v1', '--output', 'json']);
  });

  test('builds with the bentofile and prints only the tag', () => {
    expect(buildArgs('/w/bentofile.yaml', '/w')).toEqual([
      'build',
      '--bentofile',
      '/w/bentofile.yaml',
      '--output',
      'tag',
      '/w',
    ]);
  });

  test('containerizes with one --image-tag per reference, the backend and the platform', () => {
    expect(
      containerizeArgs({
        bentoTag: 'svc:v1',
        backend: 'buildah',
        references: ['r.io/a:v1', 'r.io/a:latest'],
        platform: 'linux/amd64',
      }),
    ).toEqual([
      'containerize',
      'svc:v1',
      '--backend',
      'buildah',
      '--image-tag',
      'r.io/a:v1',
      '--image-tag',
      'r.io/a:latest',
      '--platform',
      'linux/amd64',
    ]);
  });

  test('containerizes without --platform when none is given', () => {
    expect(
      containerizeArgs({ bentoTag: 's:1', backend: 'docker', references: ['a:1'] }),
    ).not.toContain('--platform');
  });
});

describe('push commands', () => {
  test.each([
    [
      'buildah',
      {
        command: 'buildah',
        args: ['push', '--retry', '0', '--digestfile', '/t/d', 'r.io/a:v1', 'docker://r.io/a:v1'],
      },
    ],
    [
      'podman',
      {
        command: 'podman',
        args: ['push', '--digestfile', '/t/d', 'r.io/a:v1', 'docker://r.io/a:v1'],
      },
    ],
    ['docker', { command: 'docker', args: ['push', 'r.io/a:v1'] }],
    ['buildx', { command: 'docker', args: ['push', 'r.io/a:v1'] }],
  ] as const)('pushes one tag with %s', (backend, expected) => {
    expect(pushCommand(backend, 'r.io/a:v1', '/t/d')).toEqual(expected);
  });

  test.each(['docker', 'buildx', 'buildah', 'podman'] as const)(
    'logs in with %s taking the password from stdin, never from argv',
    (backend) => {
      const { command, args } = loginCommand(backend, 'r.io', 'bot');
      expect(command).toBe(backendTool(backend));
      expect(args).toEqual(['login', '--username', 'bot', '--password-stdin', 'r.io']);
    },
  );

  test('logs out of the same registry', () => {
    expect(logoutCommand('buildah', 'r.io')).toEqual({
      command: 'buildah',
      args: ['logout', 'r.io'],
    });
  });

  test.each([
    ['docker', /Docker/],
    ['buildx', /setup-buildx-action/],
    ['buildah', /apt-get install buildah/],
    ['podman', /apt-get install podman/],
  ] as const)('tells how to get the %s backend', (backend, hint) => {
    expect(backendInstallHint(backend)).toMatch(hint);
  });
});

describe('bentofile packages', () => {
  test('reads python.packages and python.requirements_txt', () => {
    const text =
      'service: a:B\npython:\n  packages:\n    - scikit-learn==1.9.1\n    - numpy\n  requirements_txt: req.txt\n';
    expect(bentofilePython(text)).toEqual({
      packages: ['scikit-learn==1.9.1', 'numpy'],
      requirementsTxt: 'req.txt',
    });
  });

  test('gives nothing for a bentofile it cannot parse', () => {
    expect(bentofilePython('python: [\n')).toEqual({ packages: [], requirementsTxt: undefined });
  });

  test('keeps only requirement lines of a requirements.txt', () => {
    expect(
      requirementLines('# pins\nnumpy==2.4.6  # fast\n\n-r other.txt\n--index-url x\njoblib\n'),
    ).toEqual(['numpy==2.4.6', 'joblib']);
  });

  test.each([
    ['bentoml', true],
    ['bentoml==1.4.40', true],
    ['BentoML[io]>=1.4', true],
    ['bentoml-extras', false],
    ['numpy', false],
  ])('tells whether %s is BentoML itself (%s)', (requirement, expected) => {
    expect(isBentomlRequirement(requirement)).toBe(expected);
  });
});
