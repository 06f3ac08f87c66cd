import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { parseImageEntries } from '../../src/k8s/image-ref.ts';
import { addAnnotations, parseManifest, setImages } from '../../src/k8s/manifests.ts';

const DIGEST = `sha256:${'b'.repeat(64)}`;

function workload(kind: string, podSpecPath: string[], apiVersion = 'apps/v1'): string {
  // Builds a manifest whose pod spec sits at podSpecPath, with a container and an init container.
  const lines = [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', '  name: web', 'spec:'];
  let indent = '  ';
  for (const key of podSpecPath.slice(1)) {
    lines.push(`${indent}${key}:`);
    indent += '  ';
  }
  lines.push(
    `${indent}initContainers:`,
    `${indent}- name: migrate`,
    `${indent}  image: ghcr.io/acme/web:1`,
  );
  lines.push(
    `${indent}containers:`,
    `${indent}- name: web`,
    `${indent}  image: ghcr.io/acme/web:1`,
  );
  return `${lines.join('\n')}\n`;
}

describe('setImages', () => {
  test.each([
    ['Deployment', ['spec', 'template', 'spec'], 'apps/v1'],
    ['StatefulSet', ['spec', 'template', 'spec'], 'apps/v1'],
    ['DaemonSet', ['spec', 'template', 'spec'], 'apps/v1'],
    ['Job', ['spec', 'template', 'spec'], 'batch/v1'],
    ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec'], 'batch/v1'],
    ['Pod', ['spec'], 'v1'],
  ])(
    'sets the image of containers and init containers of a %s by repository',
    (kind, path, apiVersion) => {
      const edit = setImages(
        workload(kind, path, apiVersion),
        'k.yaml',
        parseImageEntries(['ghcr.io/acme/web=ghcr.io/acme/web:2']),
      );
      const doc = parse(edit.text);
      let spec = doc;
      for (const key of path) spec = spec[key];
      expect([spec.initContainers[0].image, spec.containers[0].image]).toEqual([
        'ghcr.io/acme/web:2',
        'ghcr.io/acme/web:2',
      ]);
      expect(edit.changes.map((c) => [c.kind, c.list, c.container])).toEqual([
        [kind, 'initContainers', 'migrate'],
        [kind, 'containers', 'web'],
      ]);
    },
  );

  test('a container name entry changes only that container', () => {
    const edit = setImages(
      workload('Deployment', ['spec', 'template', 'spec']),
      'k.yaml',
      parseImageEntries(['web=ghcr.io/acme/web:3']),
    );
    const spec = parse(edit.text).spec.template.spec;
    expect([spec.initContainers[0].image, spec.containers[0].image]).toEqual([
      'ghcr.io/acme/web:1',
      'ghcr.io/acme/web:3',
    ]);
  });

  test('only the image values change: comments, quotes, indentation and order stay byte for byte', () => {
    const source = [
      '# The classifier, served by BentoML',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: classifier   # keep this name',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: classifier',
      '        image: "localhost:5000/classifier:old"  # set by CI',
      '        ports: [ {containerPort: 3000} ]',
      '      - name: sidecar',
      "        image: 'localhost:5000/sidecar:1'",
      '',
    ].join('\n');
    const edit = setImages(
      source,
      'k.yaml',
      parseImageEntries([
        'classifier=localhost:5000/classifier:new',
        `localhost:5000/sidecar=localhost:5000/sidecar@${DIGEST}`,
      ]),
    );
    const expected = source
      .replace('"localhost:5000/classifier:old"', '"localhost:5000/classifier:new"')
      .replace("'localhost:5000/sidecar:1'", `'localhost:5000/sidecar@${DIGEST}'`);
    expect(edit.text).toBe(expected);
  });

  test('a plain image value stays plain, with a registry port and a digest', () => {
    const source =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: localhost:5000/app:1 # pinned\n';
    const edit = setImages(
      source,
      'p.yaml',
      parseImageEntries([`app=localhost:5000/app:2@${DIGEST}`]),
    );
    expect(edit.text).toBe(
      source.replace('localhost:5000/app:1', `localhost:5000/app:2@${DIGEST}`),
    );
  });

  test('every document of a multi-document file is searched, and the others are left alone', () => {
    const source = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      'spec: {selector: {app: web}, ports: [{port: 80}]}',
      '---',
      workload('Deployment', ['spec', 'template', 'spec']).trimEnd(),
      '---',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata: {name: nightly}',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers: [{name: train, image: "ghcr.io/acme/web:1"}]',
      '',
    ].join('\n');
    const edit = setImages(
      source,
      'all.yaml',
      parseImageEntries(['ghcr.io/acme/web=ghcr.io/acme/web:9']),
    );
    const docs = parseAllDocuments(edit.text).map((d) => d.toJS());
    expect(docs[0]).toEqual(parse(source.split('---')[0]!));
    expect(docs[2].spec.jobTemplate.spec.template.spec.containers[0].image).toBe(
      'ghcr.io/acme/web:9',
    );
    expect(edit.changes.map((c) => `${c.kind}/${c.container}:${c.line}`)).toEqual([
      'Deployment/migrate:15',
      'Deployment/web:18',
      'CronJob/train:29',
    ]);
  });

  test('items of a kind: List are searched', () => {
    const source =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers: [{name: app, image: app:1}]\n';
    expect(setImages(source, 'l.yaml', parseImageEntries(['app=app:2'])).changes).toHaveLength(1);
  });

  test('an image already set is reported unchanged and the text is untouched', () => {
    const source = workload('Deployment', ['spec', 'template', 'spec']);
    const edit = setImages(source, 'k.yaml', parseImageEntries(['web=ghcr.io/acme/web:1']));
    expect(edit.text).toBe(source);
    expect(edit.changes[0]).toMatchObject({ from: 'ghcr.io/acme/web:1', to: 'ghcr.io/acme/web:1' });
  });

  test('an entry that matches nothing is reported as unmatched, with the containers seen', () => {
    const edit = setImages(
      workload('Deployment', ['spec', 'template', 'spec']),
      'k.yaml',
      parseImageEntries(['api=api:2']),
    );
    expect(edit.matched.size).toBe(0);
    expect(edit.containers.map((c) => c.container)).toEqual(['migrate', 'web']);
  });

  test('two entries matching one container is an error pointing at its line', () => {
    const run = () =>
      setImages(
        workload('Deployment', ['spec', 'template', 'spec']),
        'k.yaml',
        parseImageEntries(['web=x:1', 'ghcr.io/acme/web=x:2']),
      );
    expect(run).toThrow(
      /k\.yaml:13: the images entries 'web=x:1' and 'ghcr.io\/acme\/web=x:2' all match container web/,
    );
  });

  test('kinds without pod templates are left alone', () => {
    const source = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {image: "web"}\n';
    expect(setImages(source, 'c.yaml', parseImageEntries(['web=x:1'])).changes).toEqual([]);
  });
});

describe('parseManifest', () => {
  test('lists objects with their kind, name, namespace and line', () => {
    const source =
      '# head\napiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n---\n\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: prod\n';
    expect(parseManifest(source, 'm.yaml')).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        name: 'prod',
        namespace: undefined,
        file: 'm.yaml',
        line: 2,
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'c',
        namespace: 'prod',
        file: 'm.yaml',
        line: 8,
      },
    ]);
  });

  test('reads JSON manifests too', () => {
    expect(
      parseManifest('{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"}}', 's.json')[0]
        ?.kind,
    ).toBe('Service');
  });

  test.each([
    [
      'a bad indentation',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n   labels: {}\n',
      'bad.yaml:4:',
    ],
    [
      'an unclosed flow sequence',
      'apiVersion: v1\nkind: Pod\nspec: {containers: [\n',
      'bad.yaml:4:',
    ],
    ['a duplicate key', 'apiVersion: v1\nkind: Pod\nkind: Service\n', 'bad.yaml:3:'],
    ['a tab for indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n', 'bad.yaml:4:'],
  ])('%s is an error naming the file and line', (_name, source, where) => {
    let thrown: unknown;
    try {
      parseManifest(source, 'bad.yaml');
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).message.startsWith(where)).toBe(true);
    expect((thrown as { location?: { file: string; line?: number } }).location).toMatchObject({
      file: 'bad.yaml',
      line: Number(where.split(':')[1]),
    });
  });

  test.each([
    ['no kind', 'apiVersion: v1\nmetadata: {name: p}\n', 'has no kind'],
    ['no name', 'apiVersion: v1\nkind: Pod\n', 'has no metadata.name'],
    ['a scalar document', 'just text\n', 'is not a mapping'],
  ])('an object with %s is an error', (_name, source, message) => {
    expect(() => parseManifest(source, 'x.yaml')).toThrow(message);
  });
});

describe('addAnnotations', () => {
  test('sets annotations on every object, change-cause on workloads, and keeps the comments', () => {
    const source =
      '# web\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web # the name\nspec: {}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n';
    const out = addAnnotations(
      source,
      'k.yaml',
      { 'mlops-actions/commit': 'abc' },
      'deploy of abc',
    );
    const docs = parseAllDocuments(out).map((d) => d.toJS());
    expect(docs[0].metadata.annotations).toEqual({
      'mlops-actions/commit': 'abc',
      'kubernetes.io/change-cause': 'deploy of abc',
    });
    expect(docs[1].metadata.annotations).toEqual({ 'mlops-actions/commit': 'abc' });
    expect(out).toContain('# web');
    expect(out).toContain('# the name');
  });

  test('without annotations the text is returned as it was', () => {
    const source = 'apiVersion: v1\nkind: Service\nmetadata:   {name: web}\n';
    expect(addAnnotations(source, 's.yaml', {})).toBe(source);
  });
});
