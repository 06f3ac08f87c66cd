// The entry point's settings, read from plain environments: where each RUNNER_URL registers, which
// REST API serves it, and the settings refused before any request.
import { describe, expect, test } from 'vitest';
import { readTarget, StartupError } from '../src/settings.ts';

describe('readTarget', () => {
  test.each([
    {
      url: 'https://github.com/octo-org/demo',
      scope: { kind: 'repository', owner: 'octo-org', repo: 'demo' },
      apiScope: 'repos/octo-org/demo',
      apiUrl: 'https://api.github.com',
    },
    {
      url: 'https://github.com/octo-org/demo.git/',
      scope: { kind: 'repository', owner: 'octo-org', repo: 'demo' },
      apiScope: 'repos/octo-org/demo',
      apiUrl: 'https://api.github.com',
    },
    {
      url: 'https://github.com/octo-org',
      scope: { kind: 'organization', org: 'octo-org' },
      apiScope: 'orgs/octo-org',
      apiUrl: 'https://api.github.com',
    },
    {
      url: 'https://ghes.example.com/octo-org/demo',
      scope: { kind: 'repository', owner: 'octo-org', repo: 'demo' },
      apiScope: 'repos/octo-org/demo',
      apiUrl: 'https://ghes.example.com/api/v3',
    },
    {
      url: 'https://octo.ghe.com/octo-org',
      scope: { kind: 'organization', org: 'octo-org' },
      apiScope: 'orgs/octo-org',
      apiUrl: 'https://api.octo.ghe.com',
    },
  ])('$url registers to $apiScope through $apiUrl', ({ url, scope, apiScope, apiUrl }) => {
    expect(readTarget(url, undefined)).toEqual({ scope, apiScope, apiUrl });
  });

  test('takes GITHUB_API_URL as given, without its trailing slash', () => {
    expect(readTarget('https://github.com/o/r', 'http://127.0.0.1:8080/').apiUrl).toBe(
      'http://127.0.0.1:8080',
    );
  });

  test.each([
    { url: 'https://github.com/enterprises/big', says: 'enterprise runners are not supported' },
    { url: 'https://github.com/a/b/c', says: 'must name a repository or an organisation' },
    {
      url: 'https://github.com/octo org',
      says: "invalid owner, organisation or repository name: 'octo org'",
    },
    { url: 'github.com/octo-org', says: 'RUNNER_URL must be the URL of a repository' },
  ])('refuses $url with exit code 2', ({ url, says }) => {
    let thrown: unknown;
    try {
      readTarget(url, undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StartupError);
    expect((thrown as StartupError).code).toBe(2);
    expect((thrown as StartupError).message).toContain(says);
  });
});
