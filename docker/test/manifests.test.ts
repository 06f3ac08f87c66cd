// What the runner needs of the Kubernetes manifests and the actions-runner-controller values,
// checked offline. That the API server accepts them, and that they roll out (the GPU patch too),
// is checked on a real control plane in manifests.itg.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { SETTINGS } from '../src/settings.ts';
import { DOCKER_DIR } from './support.ts';

const K8S_DIR = join(DOCKER_DIR, 'kubernetes');
const DOCKERFILE = readFileSync(join(DOCKER_DIR, 'Dockerfile'), 'utf8');
const RUNNER_VERSION = /^ARG RUNNER_VERSION=(.+)$/m.exec(DOCKERFILE)?.[1];
const ENTRYPOINT = JSON.parse(/^ENTRYPOINT (.+)$/m.exec(DOCKERFILE)?.[1] ?? '[]') as string[];

/** Values files and patches are not Kubernetes objects: they are checked on their own below. */
const NOT_OBJECTS = new Set(['arc-values.yaml', 'gpu-patch.yaml']);

// biome-ignore lint/suspicious/noExplicitAny: manifests are free-form YAML until validated.
type Manifest = Record<string, any>;

function documents(file: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8'));
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
  }
  return docs.map((doc) => doc.toJS() as Manifest);
}

const FILES = readdirSync(K8S_DIR).filter((f) => f.endsWith('.yaml') && !NOT_OBJECTS.has(f));
const OBJECTS = FILES.flatMap((file) => documents(file).map((doc) => ({ file, doc })));

function object(kind: string): Manifest {
  const found = OBJECTS.find((o) => o.doc.kind === kind);
  if (!found) throw new Error(`no ${kind} among the manifests`);
  return found.doc;
}

const POD_SPECS: [string, Manifest][] = [
  ['the runner Pod', object('Pod').spec],
  ['the runner Deployment', object('Deployment').spec.template.spec],
];

/** The environment variables the entry point reads: its settings module lists them. */
function variablesStartupReads(): Set<string> {
  return new Set<string>(SETTINGS);
}

describe('Kubernetes objects', () => {
  test('the folder holds the Namespace, Secret, Pod, Deployment and RBAC objects', () => {
    expect(OBJECTS.map((o) => o.doc.kind).sort()).toEqual(
      ['Deployment', 'Namespace', 'Pod', 'Role', 'RoleBinding', 'Secret', 'ServiceAccount'].sort(),
    );
  });

  test.each(OBJECTS.filter((o) => o.doc.kind !== 'Namespace').map((o) => [o.doc.kind, o.doc]))(
    'the %s lives in the runners namespace',
    (_kind, doc) => {
      expect(doc.metadata.namespace).toBe(object('Namespace').metadata.name);
    },
  );
});

describe.each(POD_SPECS)('%s', (_name, spec) => {
  const container = spec.containers[0];

  test('runs as the non-root uid of the image, without privilege escalation', () => {
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1001 });
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
  });

  test('gets no Kubernetes API token', () => {
    expect(spec.automountServiceAccountToken).toBe(false);
  });

  test('takes its credential from the Secret template', () => {
    expect(container.envFrom).toEqual([{ secretRef: { name: object('Secret').metadata.name } }]);
  });

  test('requests and limits CPU and memory', () => {
    for (const bound of ['requests', 'limits']) {
      expect(Object.keys(container.resources[bound])).toEqual(
        expect.arrayContaining(['cpu', 'memory']),
      );
    }
  });

  test('leaves a job step time to finish before Kubernetes kills the pod', () => {
    const timeout = Number(
      container.env.find((e: Manifest) => e.name === 'RUNNER_GRACEFUL_STOP_TIMEOUT')?.value,
    );
    expect(timeout).toBeGreaterThanOrEqual(600);
    expect(spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(timeout + 60);
  });

  test('runs the image version the Dockerfile builds, on x86-64 nodes', () => {
    expect(container.image).toMatch(new RegExp(`:${RUNNER_VERSION?.replaceAll('.', '\\.')}$`));
    expect(spec.nodeSelector).toMatchObject({ 'kubernetes.io/arch': 'amd64' });
  });

  test('sets only variables that the entry point reads', () => {
    const read = variablesStartupReads();
    for (const entry of container.env) expect(read).toContain(entry.name);
  });
});

describe('Deployment', () => {
  const deployment = object('Deployment');

  test('runs several ephemeral runners', () => {
    expect(deployment.spec.replicas).toBeGreaterThan(1);
    const env = deployment.spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'EPHEMERAL', value: 'true' });
  });

  test('keeps full capacity during a rollout', () => {
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
  });
});

describe('Secret template', () => {
  const secret = object('Secret');

  test('holds exactly the credential variables the entry point reads', () => {
    const keys = Object.keys(secret.stringData).sort();
    expect(keys).toEqual(
      [
        'GITHUB_APP_ID',
        'GITHUB_APP_INSTALLATION_ID',
        'GITHUB_APP_PRIVATE_KEY',
        'GITHUB_PAT',
      ].sort(),
    );
    const read = variablesStartupReads();
    for (const key of keys) expect(read).toContain(key);
  });

  test('holds placeholders, not credentials', () => {
    for (const value of Object.values(secret.stringData) as string[]) {
      expect(value.trim()).toMatch(/^<.*>$/s);
    }
  });
});

describe('RBAC for jobs that start pods', () => {
  const role = object('Role');

  test('grants only pods, their logs and Jobs, without wildcards', () => {
    const resources = role.rules.flatMap((r: Manifest) => r.resources);
    expect(resources.sort()).toEqual(['jobs', 'pods', 'pods/log']);
    const everything = JSON.stringify(role.rules);
    expect(everything).not.toContain('*');
  });

  test('binds the Role to the jobs service account only', () => {
    const binding = object('RoleBinding');
    expect(binding.roleRef).toMatchObject({ kind: 'Role', name: role.metadata.name });
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: object('ServiceAccount').metadata.name,
        namespace: role.metadata.namespace,
      },
    ]);
  });

  test('is opt-in: the runner pods do not use that service account', () => {
    for (const [, spec] of POD_SPECS) expect(spec.serviceAccountName).toBeUndefined();
  });
});

describe('actions-runner-controller values', () => {
  const values = parse(readFileSync(join(K8S_DIR, 'arc-values.yaml'), 'utf8')) as Manifest;
  const container = values.template.spec.containers[0];

  test('names the repository, a pre-created secret and the scale-set bounds', () => {
    expect(values.githubConfigUrl).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(typeof values.githubConfigSecret).toBe('string');
    expect(values.minRunners).toBeGreaterThanOrEqual(0);
    expect(values.maxRunners).toBeGreaterThan(values.minRunners);
  });

  test('runs this image through its own entry point, in the container ARC expects', () => {
    expect(container.name).toBe('runner');
    expect(container.image).toMatch(new RegExp(`:${RUNNER_VERSION?.replaceAll('.', '\\.')}$`));
    expect(container.command).toEqual(ENTRYPOINT);
  });

  test('hands no GitHub credential to the runner pods', () => {
    expect(container.envFrom).toBeUndefined();
    const names = (container.env ?? []).map((e: Manifest) => e.name);
    expect(names.filter((n: string) => /PAT|APP|TOKEN/.test(n))).toEqual([]);
  });
});

describe('README', () => {
  const readme = readFileSync(join(DOCKER_DIR, 'README.md'), 'utf8');

  test.each([...variablesStartupReads()].sort())('documents %s', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
  });

  test.each(['## Security', '## How the image was verified', '## Build', '## Deploy'])(
    'has the section "%s"',
    (heading) => {
      expect(readme).toContain(heading);
    },
  );
});
