import { describe, expect, test } from 'vitest';
import {
  generatedTags,
  normalizeRepository,
  parseReference,
  planImages,
  registryOf,
  sanitizeTag,
  splitDomain,
} from '../../src/bentoml/reference.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98';

describe('parseReference', () => {
  test.each([
    ['app', { domain: undefined, path: 'app', tag: undefined, digest: undefined }],
    ['org/app:v1.0', { domain: undefined, path: 'org/app', tag: 'v1.0', digest: undefined }],
    [
      'ghcr.io/owner/app:latest',
      { domain: 'ghcr.io', path: 'owner/app', tag: 'latest', digest: undefined },
    ],
    [
      'localhost:5000/app:1',
      { domain: 'localhost:5000', path: 'app', tag: '1', digest: undefined },
    ],
    ['localhost/app', { domain: 'localhost', path: 'app', tag: undefined, digest: undefined }],
    [
      '127.0.0.1:5000/team/sub/app:x',
      { domain: '127.0.0.1:5000', path: 'team/sub/app', tag: 'x', digest: undefined },
    ],
    ['[::1]:5000/app:tag', { domain: '[::1]:5000', path: 'app', tag: 'tag', digest: undefined }],
    [
      'a/b__c/d-e.f_g:_tag',
      { domain: undefined, path: 'a/b__c/d-e.f_g', tag: '_tag', digest: undefined },
    ],
    [
      `r.io/app@sha256:${'a'.repeat(64)}`,
      { domain: 'r.io', path: 'app', tag: undefined, digest: `sha256:${'a'.repeat(64)}` },
    ],
    [
      `r.io/app:v1@sha256:${'b'.repeat(64)}`,
      { domain: 'r.io', path: 'app', tag: 'v1', digest: `sha256:${'b'.repeat(64)}` },
    ],
  ])('reads %s', (reference, expected) => {
    expect(parseReference(reference)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'it is empty'],
    ['org/app name', 'white space'],
    ['org/App', 'upper-case'],
    ['org/app:-tag', "the tag '-tag' is not valid"],
    [`org/app:${'t'.repeat(129)}`, 'is not valid'],
    ['org//app', 'is not valid'],
    ['org/app-', 'is not valid'],
    ['org/.app', 'is not valid'],
    ['-bad.io/app', 'is not a valid registry host'],
    ['r.io/app@sha256:abc', 'is not a digest'],
    [':tag', 'the repository name is empty'],
    [`r.io/${'a'.repeat(260)}`, 'longer than 255'],
  ])('rejects %j because %s', (reference, reason) => {
    const parsed = parseReference(reference);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

describe('splitDomain', () => {
  test.each([
    ['app', undefined, 'app'],
    ['org/app', undefined, 'org/app'],
    ['ghcr.io/org/app', 'ghcr.io', 'org/app'],
    ['localhost/app', 'localhost', 'app'],
    ['host:5000/app', 'host:5000', 'app'],
    ['MyRegistry/app', 'MyRegistry', 'app'],
  ])('splits %s into domain %s and path %s', (name, domain, path) => {
    expect(splitDomain(name)).toEqual({ domain, path });
  });
});

describe('registryOf', () => {
  test.each([
    ['org/app', 'docker.io'],
    ['ghcr.io/org/app', 'ghcr.io'],
    ['127.0.0.1:5000/app', '127.0.0.1:5000'],
  ])('names the registry of %s as %s', (repository, registry) => {
    expect(registryOf(repository)).toBe(registry);
  });
});

describe('normalizeRepository', () => {
  test.each([
    ['ghcr.io/Owner/Digits-Classifier', 'ghcr.io/owner/digits-classifier'],
    ['Registry.Example.com:5000/Team/App', 'registry.example.com:5000/team/app'],
    ['app', 'app'],
  ])('lowercases %s to %s', (entry, expected) => {
    expect(normalizeRepository('images', entry)).toBe(expected);
  });

  test('refuses a repository with a tag and says where tags go', () => {
    expect(() => normalizeRepository('images', 'ghcr.io/o/app:v1')).toThrow(/has a tag or digest/);
  });

  test('refuses an invalid repository and names the input and the entry', () => {
    expect(() => normalizeRepository('images', 'ghcr.io/o/my app')).toThrow(
      /input 'images' has 'ghcr.io\/o\/my app', which is not an image repository: it contains white space/,
    );
  });
});

describe('sanitizeTag', () => {
  test.each([
    ['main', 'main'],
    ['feature/add-model', 'feature-add-model'],
    ['Feature/Upper_Case', 'Feature-Upper_Case'],
    ['dependabot/pip/numpy-2.4.6', 'dependabot-pip-numpy-2.4.6'],
    ['-leading', 'leading'],
    ['.hidden', 'hidden'],
    ['a//b??c', 'a-b-c'],
    ['trailing/', 'trailing'],
    ['x'.repeat(200), 'x'.repeat(128)],
  ])('turns the branch %s into the tag %s', (branch, tag) => {
    expect(sanitizeTag(branch)).toBe(tag);
  });
});

describe('generatedTags', () => {
  const all = ['sha', 'short-sha', 'branch', 'latest'] as const;

  test('gives sha, short sha, branch and latest on a push to the default branch', () => {
    expect(
      generatedTags(all, {
        headSha: SHA,
        branch: 'main',
        defaultBranch: 'main',
        isPullRequest: false,
      }),
    ).toEqual([SHA, '0123456', 'main', 'latest']);
  });

  test('uses the PR head SHA, never latest, on a pull request', () => {
    expect(
      generatedTags(all, {
        headSha: HEAD,
        branch: 'feature/x',
        defaultBranch: 'main',
        isPullRequest: true,
      }),
    ).toEqual([HEAD, 'fedcba9', 'feature-x']);
  });

  test('gives no latest on a branch other than the default', () => {
    expect(
      generatedTags(all, {
        headSha: SHA,
        branch: 'dev',
        defaultBranch: 'main',
        isPullRequest: false,
      }),
    ).not.toContain('latest');
  });

  test('gives no latest when the default branch is unknown', () => {
    expect(
      generatedTags(all, {
        headSha: SHA,
        branch: 'main',
        defaultBranch: undefined,
        isPullRequest: false,
      }),
    ).toEqual([SHA, '0123456', 'main']);
  });

  test('gives no branch tag for a tag push', () => {
    expect(
      generatedTags(all, {
        headSha: SHA,
        branch: undefined,
        defaultBranch: 'main',
        isPullRequest: false,
      }),
    ).toEqual([SHA, '0123456']);
  });

  test('gives no SHA tags when the SHA is not a commit id', () => {
    expect(
      generatedTags(all, {
        headSha: '',
        branch: 'main',
        defaultBranch: 'main',
        isPullRequest: false,
      }),
    ).toEqual(['main', 'latest']);
  });

  test('gives only the kinds asked for, in their order', () => {
    expect(
      generatedTags(['branch', 'short-sha'], {
        headSha: SHA,
        branch: 'main',
        defaultBranch: 'main',
        isPullRequest: false,
      }),
    ).toEqual(['main', '0123456']);
  });
});

describe('planImages', () => {
  test('puts explicit tags first, drops duplicates, and crosses every repository with every tag', () => {
    expect(
      planImages({
        repositories: ['r.io/a', 'r.io/b', 'r.io/a'],
        explicitTags: ['v1', 'latest'],
        generated: [SHA, 'latest'],
      }),
    ).toEqual({
      repositories: ['r.io/a', 'r.io/b'],
      tags: ['v1', 'latest', SHA],
      references: [
        'r.io/a:v1',
        'r.io/a:latest',
        `r.io/a:${SHA}`,
        'r.io/b:v1',
        'r.io/b:latest',
        `r.io/b:${SHA}`,
      ],
    });
  });

  test('refuses an invalid explicit tag and names it', () => {
    expect(() =>
      planImages({ repositories: ['r.io/a'], explicitTags: ['v1/beta'], generated: [] }),
    ).toThrow(/input 'tags' has 'v1\/beta'/);
  });

  test('refuses to build an image with no tag at all', () => {
    expect(() => planImages({ repositories: ['r.io/a'], explicitTags: [], generated: [] })).toThrow(
      /no tag to give the image/,
    );
  });

  test('plans nothing, and needs no tag, when there is no repository', () => {
    expect(planImages({ repositories: [], explicitTags: [], generated: [] }).references).toEqual(
      [],
    );
  });

  test('refuses a repository name longer than 255 characters', () => {
    expect(() =>
      planImages({
        repositories: [`r.io/${'a'.repeat(250)}`],
        explicitTags: ['v1'],
        generated: [],
      }),
    ).not.toThrow();
    expect(() =>
      planImages({
        repositories: [`r.io/${'a'.repeat(252)}`],
        explicitTags: ['v1'],
        generated: [],
      }),
    ).toThrow(/longer than 255/);
  });
});
