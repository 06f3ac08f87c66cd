import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  bentomlFailure,
  classifyPushFailure,
  parseBuildTag,
  parseDockerPushDigest,
  parseJsonOutput,
  parseModelList,
  pushFailureReason,
  sameModelInfo,
  yamlLocation,
} from '../../src/bentoml/messages.ts';

// Real output of BentoML 1.4.40 (paths shortened), captured from the failures named in each file.
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('bentomlFailure', () => {
  test.each([
    [
      'build-wrong-type.txt',
      "TypeError: 'packages' must be <class 'list'> (got 3 that is a <class 'int'>). (in 'python')",
      true,
    ],
    [
      'build-extra-key.txt',
      'ForbiddenExtraKeysError: Extra fields in constructor for BentoBuildConfig: foo',
      true,
    ],
    [
      'build-yaml-syntax.txt',
      `while parsing a flow node expected the node content, but found '<stream end>' in "/work/proj/bad2.yaml", line 2, column 1`,
      true,
    ],
    ['import-not-archive.txt', 'LZMAError: Input format not supported by decoder', false],
  ])('reads the message of %s without the traceback', (name, message, invalid) => {
    const failure = bentomlFailure(fixture(name));
    expect(failure.message).toBe(message);
    expect(failure.invalidBentofile).toBe(invalid);
  });

  test('keeps the whole Error: block of a handled CLI failure', () => {
    const failure = bentomlFailure(fixture('build-missing-service.txt'));
    expect(failure.message).toMatch(/^Failed to load bento or import service 'src\.nope:X'\. /);
    expect(failure.message).toContain(`No module named 'src.nope'`);
    expect(failure.invalidBentofile).toBe(false);
  });

  test('points at the line and column of a YAML error', () => {
    expect(bentomlFailure(fixture('build-yaml-syntax.txt')).location).toEqual({
      line: 2,
      column: 1,
    });
  });

  test('falls back to the last line of output it cannot read', () => {
    expect(bentomlFailure('something odd\nthe end\n').message).toBe('the end');
  });
});

describe('yamlLocation', () => {
  test('is undefined without a position', () => {
    expect(yamlLocation('no position here')).toBeUndefined();
  });
});

describe('parseBuildTag', () => {
  test.each([
    ['__tag__:digits_classifier:lmrzcehmbk6g2ax4\n', 'digits_classifier:lmrzcehmbk6g2ax4'],
    ['some warning\n__tag__:svc:v1\n', 'svc:v1'],
    ['Successfully built Bento(tag="svc:v1").\n', undefined],
  ])('reads %j as %s', (stdout, tag) => {
    expect(parseBuildTag(stdout)).toBe(tag);
  });
});

describe('parseModelList and parseJsonOutput', () => {
  test('reads the tags of `bentoml models list -o json`', () => {
    const stdout =
      '[\n  {"tag": "digits_classifier:abc", "module": "bentoml.sklearn", "size": "216 KiB"}\n]\n';
    expect(parseModelList(stdout).map((m) => m.tag)).toEqual(['digits_classifier:abc']);
  });

  test('skips lines a CLI printed before the JSON', () => {
    expect(parseJsonOutput('warning: something\n{"a": 1}\n')).toEqual({ a: 1 });
  });

  test('fails when there is no JSON', () => {
    expect(() => parseJsonOutput('nothing')).toThrow(/no JSON/);
  });
});

describe('sameModelInfo', () => {
  const info = {
    name: 'm',
    version: 'v1',
    creation_time: '2026-01-01T00:00:00.000001+00:00',
    metadata: { epochs: 30, val_accuracy: 0.98 },
  };

  test('is true for the same document with keys in another order', () => {
    expect(
      sameModelInfo(info, {
        metadata: { val_accuracy: 0.98, epochs: 30 },
        creation_time: info.creation_time,
        version: 'v1',
        name: 'm',
      }),
    ).toBe(true);
  });

  test('is true when only what BentoML rewrites on import differs (signatures, context)', () => {
    expect(
      sameModelInfo(
        { ...info, signatures: {}, context: { bentoml_version: '1.4.40' } },
        { ...info, Name: undefined, signatures: { predict: { batchable: false } } },
      ),
    ).toBe(true);
  });

  test.each([
    ['creation_time', { ...info, creation_time: '2026-01-01T00:00:00.000002+00:00' }],
    ['version', { ...info, version: 'v2' }],
    ['labels', { ...info, labels: { team: 'b' } }],
    ['metadata', { ...info, metadata: { epochs: 31, val_accuracy: 0.98 } }],
  ])('is false when %s differs', (_field, other) => {
    expect(sameModelInfo(info, other)).toBe(false);
  });
});

describe('classifyPushFailure', () => {
  test.each([
    ['Error: pushing image: unauthorized: authentication required', 'auth'],
    ['denied: requested access to the resource is denied', 'auth'],
    ['unexpected status code 401 Unauthorized', 'auth'],
    ['received unexpected HTTP status: 403 Forbidden', 'auth'],
    ['error parsing HTTP 403 response body: DENIED', 'auth'],
    ['no basic auth credentials', 'auth'],
    ['received unexpected HTTP status: 503 Service Unavailable', 'transient'],
    [
      'writing manifest: uploading manifest v1 to r.io/a: received unexpected HTTP status: 500 Internal Server Error',
      'transient',
    ],
    ['error parsing HTTP 502 response body: Bad Gateway', 'transient'],
    [
      'pinging container registry r.io: invalid status code from registry 503 (Service Unavailable)',
      'transient',
    ],
    ['toomanyrequests: too many requests', 'transient'],
    [
      'Put "http://r/v2/a/blobs/uploads/x": read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer',
      'transient',
    ],
    ['net/http: TLS handshake timeout', 'transient'],
    ['dial tcp 10.0.0.1:443: i/o timeout', 'transient'],
    ['Patch "http://r/v2/a/blobs/uploads/x": EOF', 'transient'],
    ['name unknown: repository name not known to registry', 'other'],
    ['manifest invalid', 'other'],
    ['open /var/lib/containers/storage: permission denied', 'other'],
  ])('sorts %j as %s', (output, kind) => {
    expect(classifyPushFailure(output)).toBe(kind);
  });

  test('never retries an auth error that also mentions a server error', () => {
    expect(classifyPushFailure('503 Service Unavailable, then 401 Unauthorized')).toBe('auth');
  });
});

describe('parseDockerPushDigest', () => {
  test('reads the digest docker push prints last', () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    expect(parseDockerPushDigest(`abc: Pushed\nv1: digest: ${digest} size: 1570\n`)).toBe(digest);
  });

  test('is undefined without one', () => {
    expect(parseDockerPushDigest('abc: Pushed\n')).toBeUndefined();
  });
});

describe('pushFailureReason', () => {
  test.each([
    [
      'Getting image source signatures\nCopying blob sha256:abc\nError: writing manifest: uploading manifest v1 to 127.0.0.1:5000/team/app: received unexpected HTTP status: 503 Service Unavailable\n',
      'the registry answered HTTP 503 Service Unavailable',
    ],
    [
      'Error: pushing image "127.0.0.1:1/a:v1" to "docker://127.0.0.1:1/a:v1": pinging container registry 127.0.0.1:1: Get "https://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused',
      'nothing answered at 127.0.0.1:1 (connection refused)',
    ],
    [
      'Error: pinging container registry r.test:443: Get "https://r.test/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      "the registry's TLS certificate is not trusted",
    ],
    [
      'Error: pinging container registry r.test:80: Get "https://r.test:80/v2/": http: server gave HTTP response to HTTPS client',
      'the registry speaks plain HTTP, not HTTPS',
    ],
    ['Error: something odd: a: b: c: the layer was rejected', 'c: the layer was rejected'],
  ])('sums up %j in a few words', (output, reason) => {
    const found = pushFailureReason(output);
    expect(found.reason).toBe(reason);
    expect(found.reason.length).toBeLessThan(170);
  });

  test('points TLS and plain-HTTP failures at the README section', () => {
    expect(pushFailureReason('x509: certificate signed by unknown authority').hint).toMatch(
      /Plain-HTTP and self-signed registries/,
    );
  });
});
