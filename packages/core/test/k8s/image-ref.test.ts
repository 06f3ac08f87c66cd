import { describe, expect, test } from 'vitest';
import {
  canonicalRepository,
  entryMatches,
  formatImageReference,
  parseImageEntries,
  parseImageReference,
  repositoryOf,
} from '../../src/k8s/image-ref.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  test.each([
    ['nginx', undefined, 'nginx', undefined, undefined],
    ['nginx:1.27', undefined, 'nginx', '1.27', undefined],
    ['ghcr.io/acme/web:1.4.2', 'ghcr.io', 'acme/web', '1.4.2', undefined],
    ['localhost:5000/app:tag', 'localhost:5000', 'app', 'tag', undefined],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined, undefined],
    ['localhost/app:2', 'localhost', 'app', '2', undefined],
    [
      'registry.example.com:8443/team/app@' + DIGEST,
      'registry.example.com:8443',
      'team/app',
      undefined,
      DIGEST,
    ],
    ['ghcr.io/acme/web:1.4.2@' + DIGEST, 'ghcr.io', 'acme/web', '1.4.2', DIGEST],
    ['[::1]:5000/app:1', '[::1]:5000', 'app', '1', undefined],
    ['acme/web', undefined, 'acme/web', undefined, undefined],
  ])('%s splits into registry, path, tag and digest', (text, registry, path, tag, digest) => {
    expect(parseImageReference(text)).toEqual({ registry, path, tag, digest });
  });

  test.each([
    '',
    'Upper/Case',
    'app:bad tag',
    'app@sha256:xyz',
    'app:',
    'a//b',
    'app:-x',
    ' spaced image',
  ])('%j is not an image reference', (text) => {
    expect(parseImageReference(text)).toBeUndefined();
  });

  test('a reference renders back to the same text', () => {
    const text = `localhost:5000/team/app:v1@${DIGEST}`;
    expect(formatImageReference(parseImageReference(text)!)).toBe(text);
  });

  test.each([
    ['nginx:1', 'docker.io/library/nginx'],
    ['docker.io/library/nginx:1', 'docker.io/library/nginx'],
    ['index.docker.io/acme/web', 'docker.io/acme/web'],
    ['localhost:5000/app:1', 'localhost:5000/app'],
  ])('the canonical repository of %s is %s', (text, repository) => {
    expect(canonicalRepository(parseImageReference(text)!)).toBe(repository);
  });

  test('the repository keeps the registry port and drops tag and digest', () => {
    expect(repositoryOf(parseImageReference(`localhost:5000/app:1@${DIGEST}`)!)).toBe(
      'localhost:5000/app',
    );
  });
});

describe('parseImageEntries', () => {
  test('reads container names and repositories with their new images', () => {
    const entries = parseImageEntries([
      'web=ghcr.io/acme/web:2',
      'localhost:5000/api=localhost:5000/api@' + DIGEST,
    ]);
    expect(entries.map((e) => [e.name, e.repository, e.image])).toEqual([
      ['web', 'docker.io/library/web', 'ghcr.io/acme/web:2'],
      ['localhost:5000/api', 'localhost:5000/api', `localhost:5000/api@${DIGEST}`],
    ]);
  });

  test.each([
    ['a line without =', ['web'], "input 'images' has the line 'web', which is not NAME=IMAGE"],
    ['an image that is not a reference', ['web=Not An Image'], "has 'Not An Image' in line"],
    ['a NAME with a tag', ['nginx:1=nginx:2'], 'NAME must not carry a tag or digest'],
    [
      'a NAME that is neither',
      ['We_b!=nginx:2'],
      'neither a container name nor an image repository',
    ],
    ['the same NAME twice', ['web=a:1', 'web=a:2'], "names 'web' twice"],
  ])('%s is an input error', (_name, lines, message) => {
    expect(() => parseImageEntries(lines)).toThrow(message);
  });
});

describe('entryMatches', () => {
  const [byName, byRepo, byHub] = parseImageEntries([
    'web=x:1',
    'localhost:5000/api=x:2',
    'docker.io/library/redis=redis:8',
  ]);
  test.each([
    ['a container of that name', byName!, 'web', 'anything:1', true],
    ['another container name', byName!, 'worker', 'anything:1', false],
    ['the repository with a port, any tag', byRepo!, 'api-server', 'localhost:5000/api:old', true],
    ['the repository with a digest', byRepo!, 'api-server', `localhost:5000/api@${DIGEST}`, true],
    ['the same path on another registry', byRepo!, 'api-server', 'ghcr.io/api:1', false],
    [
      'a longer repository that starts the same',
      byRepo!,
      'api-server',
      'localhost:5000/api-v2:1',
      false,
    ],
    ['a Docker Hub short name against the long form', byHub!, 'cache', 'redis:7', true],
  ])('an entry matches %s: %s', (_name, entry, container, image, expected) => {
    expect(entryMatches(entry, container, image)).toBe(expected);
  });
});
