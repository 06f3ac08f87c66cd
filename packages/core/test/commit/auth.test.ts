import { describe, expect, test } from 'vitest';
import { authHeader, extraHeaderKey, gitAuth } from '../../src/commit/index.ts';

describe('push auth', () => {
  test('the header is basic auth of x-access-token and the token, as GitHub expects from git', () => {
    const header = authHeader('ghs_secret');
    expect(header).toBe(
      `AUTHORIZATION: basic ${Buffer.from('x-access-token:ghs_secret').toString('base64')}`,
    );
  });

  test.each([
    ['https://github.com/octo-org/demo.git', 'http.https://github.com/.extraheader'],
    ['https://user:pw@ghe.example.com:8443/o/r', 'http.https://ghe.example.com:8443/.extraheader'],
    ['http://127.0.0.1:3000/o/r.git', 'http.http://127.0.0.1:3000/.extraheader'],
    ['git@github.com:o/r.git', undefined],
    ['/tmp/origin.git', undefined],
    ['ssh://git@github.com/o/r', undefined],
  ])('the config key for %s is %s', (url, key) => {
    expect(extraHeaderKey(url)).toBe(key);
  });

  test('the token goes into environment configuration that first clears a persisted header', () => {
    const auth = gitAuth('https://github.com/o/r', 'ghs_secret');
    expect(auth.env).toEqual({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_1: authHeader('ghs_secret'),
    });
  });

  test('entries already in the environment are kept and ours numbered after them', () => {
    const auth = gitAuth('https://github.com/o/r', 't0k3n', { GIT_CONFIG_COUNT: '1' });
    expect(auth.env['GIT_CONFIG_COUNT']).toBe('3');
    expect(auth.env['GIT_CONFIG_KEY_1']).toBe('http.https://github.com/.extraheader');
    expect(auth.env['GIT_CONFIG_KEY_2']).toBe('http.https://github.com/.extraheader');
    expect(auth.env).not.toHaveProperty('GIT_CONFIG_KEY_0');
  });

  test('the values to mask cover the whole header and its base64 credentials', () => {
    const auth = gitAuth('https://github.com/o/r', 'ghs_secret');
    const encoded = Buffer.from('x-access-token:ghs_secret').toString('base64');
    expect(auth.secrets).toEqual([`AUTHORIZATION: basic ${encoded}`, encoded]);
  });

  test.each([
    ['a path remote', '/tmp/origin.git', 'tok'],
    ['no token', 'https://github.com/o/r', ''],
  ])('%s gets no configuration', (_name, url, token) => {
    expect(gitAuth(url, token)).toEqual({ env: {}, secrets: [] });
  });

  test('the token never appears in the configuration in clear', () => {
    const auth = gitAuth('https://github.com/o/r', 'ghs_secret');
    expect(JSON.stringify(auth.env)).not.toContain('ghs_secret');
  });
});
