import { describe, expect, test } from 'vitest';
import {
  credentialHint,
  describeRemote,
  dvcExtras,
  dvcRequirement,
  parseConfigList,
  parseDvcConfig,
  remoteKind,
  resolveLocalRemotes,
} from '../../src/dvc/index.ts';

// As `dvc remote add` / `dvc remote modify` write them.
const config = `[core]
    analytics = false
    remote = storage
['remote "storage"']
    url = s3://ml-bucket/dvc
    endpointurl = http://127.0.0.1:9000
['remote "backup"']
    url = /mnt/backup/dvc
`;
const configLocal = `['remote "storage"']
    access_key_id = AKIAEXAMPLE
    secret_access_key = do-not-print
[core]
    remote = backup
`;

describe('parseDvcConfig', () => {
  test('reads remotes, their endpoints and the default remote', () => {
    expect(parseDvcConfig(config)).toEqual({
      remotes: [
        { name: 'storage', url: 's3://ml-bucket/dvc', endpointUrl: 'http://127.0.0.1:9000' },
        { name: 'backup', url: '/mnt/backup/dvc' },
      ],
      defaultRemote: 'storage',
    });
  });

  test('config.local overrides the default remote and never yields credentials', () => {
    const parsed = parseDvcConfig(config, configLocal);
    expect(parsed.defaultRemote).toBe('backup');
    expect(JSON.stringify(parsed)).not.toContain('do-not-print');
  });

  test('a project without remotes has none', () => {
    expect(parseDvcConfig(undefined, '[core]\n    analytics = false\n')).toEqual({ remotes: [] });
  });
});

describe('parseConfigList', () => {
  test('reads the output of dvc config --list', () => {
    const output =
      'remote.storage.url=/tmp/remote\nremote.s3r.url=s3://bkt/store\nremote.s3r.endpointurl=http://127.0.0.1:5000\ncore.remote=storage\n';
    expect(parseConfigList(output)).toEqual({
      remotes: [
        { name: 'storage', url: '/tmp/remote' },
        { name: 's3r', url: 's3://bkt/store', endpointUrl: 'http://127.0.0.1:5000' },
      ],
      defaultRemote: 'storage',
    });
  });
});

describe('resolveLocalRemotes', () => {
  test('makes relative local paths absolute from the config folder and leaves URLs alone', () => {
    const remotes = {
      remotes: [
        { name: 'near', url: '../../remote' },
        { name: 'abs', url: '/mnt/remote' },
        { name: 'cloud', url: 's3://b/p' },
      ],
    };
    expect(resolveLocalRemotes(remotes, '/w/project/.dvc').remotes.map((r) => r.url)).toEqual([
      '/w/remote',
      '/mnt/remote',
      's3://b/p',
    ]);
  });
});

describe('remote kinds and DVC extras', () => {
  test.each([
    ['s3://bucket/path', 's3'],
    ['gs://bucket/path', 'gs'],
    ['azure://container/path', 'azure'],
    ['ssh://user@host/path', 'ssh'],
    ['webdavs://host/path', 'webdav'],
    ['https://host/path', 'http'],
    ['/mnt/dvc-remote', 'local'],
    ['../relative/remote', 'local'],
    ['file:///mnt/dvc', 'local'],
    ['ftp://host/path', 'other'],
  ])('%s is a %s remote', (url, kind) => {
    expect(remoteKind(url)).toBe(kind);
  });

  test('dvcExtras asks for each cloud once and nothing for local or http remotes', () => {
    const remotes = [
      { name: 'a', url: 's3://a' },
      { name: 'b', url: 's3://b' },
      { name: 'c', url: 'gs://c' },
      { name: 'd', url: '/local' },
      { name: 'e', url: 'https://e' },
    ];
    expect(dvcExtras(remotes)).toEqual(['gs', 's3']);
  });

  test.each([
    [[], 'dvc==3.67.1'],
    [['s3'], 'dvc[s3]==3.67.1'],
    [['s3', 'gs'], 'dvc[gs,s3]==3.67.1'],
  ])('dvcRequirement with extras %j is %s', (extras, requirement) => {
    expect(dvcRequirement('3.67.1', extras)).toBe(requirement);
  });
});

describe('describeRemote', () => {
  test('names the remote and its URL without the user and password', () => {
    expect(describeRemote({ name: 'web', url: 'https://alice:s3cret@dvc.example.com/store' })).toBe(
      "'web' (https://dvc.example.com/store)",
    );
  });

  test('shows a custom S3 endpoint', () => {
    expect(
      describeRemote({ name: 's', url: 's3://b/p', endpointUrl: 'http://127.0.0.1:9000' }),
    ).toBe("'s' (s3://b/p at http://127.0.0.1:9000)");
  });
});

describe('credentialHint', () => {
  test.each([
    ['s3', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    ['gs', ['GOOGLE_APPLICATION_CREDENTIALS']],
    ['azure', ['AZURE_STORAGE_CONNECTION_STRING']],
    ['gdrive', ['GDRIVE_CREDENTIALS_DATA']],
    ['webdav', ['dvc remote modify --local storage user', 'password']],
  ] as const)('for a %s remote names %j', (kind, names) => {
    const hint = credentialHint(kind, 'storage');
    for (const name of names) expect(hint).toContain(name);
  });
});
