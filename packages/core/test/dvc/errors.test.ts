import { describe, expect, test } from 'vitest';
import {
  type DvcError,
  type DvcFailure,
  dvcErrorLines,
  explainDvcFailure,
  isTransientRemoteError,
  transientCause,
} from '../../src/dvc/index.ts';
import { ActionError } from '../../src/index.ts';

const HELP =
  '\nHaving any troubles? Hit us up at https://dvc.org/support, we are always happy to help!\n';
const s3 = { name: 'storage', url: 's3://bkt/store', endpointUrl: 'http://127.0.0.1:5000' };
const stages = [
  { name: 'prepare', line: 3 },
  { name: 'train', line: 12 },
];

function explain(output: string, extra: Partial<DvcFailure> = {}): DvcError {
  return explainDvcFailure({ command: 'push', output, workingDirectory: 'ml', stages, ...extra });
}

// Every output below was printed by DVC 3.67.1.
describe('explainDvcFailure', () => {
  test('a failed stage names the stage, its command, exit code and last stderr lines, at its dvc.yaml line', () => {
    const error = explain(
      "Traceback (most recent call last):\nIndexError: list index out of range\nERROR: failed to reproduce 'train': failed to run: python src/train.py, exited with 1",
      {
        command: 'repro',
        dvcYaml: 'ml/dvc.yaml',
        stage: {
          name: 'train',
          command: 'python src/train.py',
          exitCode: 1,
          stderrTail: ['IndexError: list index out of range'],
        },
      },
    );
    expect(error.message).toBe(
      "stage 'train' failed: `python src/train.py` exited with 1; its last lines: IndexError: list index out of range",
    );
    expect(error.hint).toContain('never retried');
    expect(error.location).toEqual({ file: 'ml/dvc.yaml', line: 12 });
  });

  test('a failed stage keeps its last five stderr lines in the message and all of them as details', () => {
    const stderrTail = Array.from({ length: 8 }, (_, i) => `  line ${i + 1}`);
    const error = explain('', {
      command: 'repro',
      stage: { name: 'train', command: 'python t.py', exitCode: 2, stderrTail },
    });
    expect(error.message).toBe(
      "stage 'train' failed: `python t.py` exited with 2; its last lines: line 4 / line 5 / line 6 / line 7 / line 8",
    );
    expect(error.details).toEqual(stderrTail);
  });

  test("other failures carry DVC's error lines as details", () => {
    expect(
      explain(`ERROR: unexpected error - Unable to locate credentials\n${HELP}`, { remote: s3 })
        .details,
    ).toEqual(['unexpected error - Unable to locate credentials']);
  });

  test('a failed stage is recognised from DVC output alone', () => {
    const error = explain(
      "ERROR: failed to reproduce 'prepare': failed to run: python src/prepare.py, exited with 2",
      {
        command: 'repro',
      },
    );
    expect(error.message).toBe("stage 'prepare' failed: `python src/prepare.py` exited with 2");
  });

  test.each<[string, string, Partial<DvcFailure>, RegExp, RegExp]>([
    [
      'no DVC project',
      "ERROR: you are not inside of a DVC repository (checked up to mount point '/')",
      {},
      /^'ml' is not inside a DVC project/,
      /working-directory/,
    ],
    [
      'no dvc.yaml',
      "ERROR: '/w/ml/dvc.yaml' does not exist",
      {},
      /^no dvc.yaml in working-directory 'ml' \(looked for \/w\/ml\/dvc.yaml\)/,
      /working-directory/,
    ],
    [
      'an unknown stage',
      "ERROR: Stage 'trian' not found inside 'dvc.yaml' file",
      { targets: ['trian'] },
      /^unknown target 'trian'/,
      /Stages in dvc.yaml: prepare, train/,
    ],
    [
      'an unknown push target',
      "WARNING: failed to collect 'workspace', skipping\nERROR: failed to push data to the cloud - 'data/nothing' does not exist as an output or a stage name in 'dvc.yaml': Stage 'data/nothing' not found inside 'dvc.yaml' file",
      { targets: ['data/nothing'] },
      /^unknown target 'data\/nothing'/,
      /targets/,
    ],
    [
      'a target file that is not there',
      "ERROR: '/w/ml/sub/dvc.yaml' does not exist",
      { targets: ['sub/dvc.yaml:foo'] },
      /^unknown target '\/w\/ml\/sub\/dvc.yaml'/,
      /targets/,
    ],
    [
      'an unknown remote',
      "ERROR: failed to push data to the cloud - config file error: remote 'nope' doesn't exist",
      { remotes: { remotes: [{ name: 'storage', url: '/r' }], defaultRemote: 'storage' } },
      /^DVC remote 'nope' is not configured/,
      /Configured remotes: 'storage' \(default\)\. Fix 'remote'/,
    ],
    [
      'no remote at all',
      'ERROR: failed to push data to the cloud - config file error: no remote specified in /w. Setup default remote with\n    dvc remote default <remote name>',
      { remotes: { remotes: [] } },
      /^no DVC remote to use/,
      /The project configures no remote/,
    ],
    [
      'missing S3 credentials',
      `ERROR: unexpected error - Unable to locate credentials\n${HELP}`,
      { remote: s3 },
      /^no usable credentials for DVC remote 'storage' \(s3:\/\/bkt\/store at http:\/\/127\.0\.0\.1:5000\): Unable to locate credentials$/,
      /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    ],
    [
      'a missing bucket',
      `ERROR: unexpected error - The specified bucket does not exist: An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist\n${HELP}`,
      { remote: s3 },
      /^the bucket of DVC remote 'storage' .* does not exist$/,
      /Create the bucket/,
    ],
    [
      'an unreachable remote',
      `ERROR: unexpected error - Could not connect to the endpoint URL: "http://127.0.0.1:1/bkt/store/files/md5/f2/6007f4.dir"\n${HELP}`,
      { remote: { ...s3, endpointUrl: 'http://127.0.0.1:1' }, attempts: 3 },
      /^DVC remote 'storage' .* is unreachable \(tried 3 times\): Could not connect to the endpoint URL: "http:\/\/127\.0\.0\.1:1\/bkt/,
      /endpoint/,
    ],
    [
      'a DVC without the remote support',
      "ERROR: URL 's3://bkt/store' is supported but requires these missing dependencies: ['s3']. To install dvc with those dependencies, run:\n\n\tpip install 'dvc[s3]'",
      { remote: s3 },
      /^this DVC cannot reach s3:\/\/bkt\/store: it lacks the 's3' support$/,
      /dvc-version/,
    ],
  ])('%s', (_name, output, extra, message, hint) => {
    const error = explain(output, extra);
    expect(error).toBeInstanceOf(ActionError);
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  test('per-file transfer errors are reduced to their reason, once', () => {
    const output = [
      "ERROR: failed to transfer '/w/.dvc/cache/runs/5f/5f27/7220' - Unable to locate credentials",
      "ERROR: failed to transfer '/w/.dvc/cache/files/md5/b1/946a' - Unable to locate credentials",
      'ERROR: failed to push data to the cloud - 2 files failed to upload',
    ].join('\n');
    expect(explain(output, { remote: s3 }).message).toBe(
      "no usable credentials for DVC remote 'storage' (s3://bkt/store at http://127.0.0.1:5000): Unable to locate credentials / 2 files failed to upload",
    );
  });

  test('URLs in messages lose their user and password', () => {
    const error = explain(
      'ERROR: unexpected error - Connection refused: https://bob:hunter2@dvc.example.com/x',
      {
        remote: { name: 'web', url: 'https://bob:hunter2@dvc.example.com/x' },
      },
    );
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('https://dvc.example.com/x');
  });

  test("anything else keeps DVC's own error lines", () => {
    const error = explain('ERROR: something new went wrong\n', { command: 'push' });
    expect(error.message).toBe("`dvc push` failed in 'ml': something new went wrong");
  });
});

describe('isTransientRemoteError', () => {
  test.each([
    [
      'ERROR: unexpected error - Could not connect to the endpoint URL: "http://127.0.0.1:1/b"',
      true,
    ],
    ['ERROR: failed to transfer - [Errno 104] Connection reset by peer', true],
    ['ERROR: unexpected error - Read timeout on endpoint URL: "https://s3.amazonaws.com/b"', true],
    [
      'ERROR: unexpected error - An error occurred (ServiceUnavailable) when calling the PutObject operation',
      true,
    ],
    [
      'ERROR: unexpected error - An error occurred (SlowDown) when calling the PutObject operation',
      true,
    ],
    [
      'ERROR: unexpected error - An error occurred (InternalError) when calling the PutObject operation (reached max retries: 4)',
      true,
    ],
    ['aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected', true],
    ['ERROR: 502 Server Error: Bad Gateway for url: https://dvc.example.com/x', true],
    ['ERROR: unexpected error - Unable to locate credentials', false],
    [
      "ERROR: failed to push data to the cloud - config file error: remote 'nope' doesn't exist",
      false,
    ],
    [
      'ERROR: unexpected error - An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation',
      false,
    ],
    [
      "requests timed out\nERROR: failed to reproduce 'train': failed to run: python train.py, exited with 1",
      false,
    ],
  ])('%s -> %s', (output, transient) => {
    expect(isTransientRemoteError(output)).toBe(transient);
  });
});

describe('dvcErrorLines', () => {
  test('keeps the ERROR lines without the prefix and drops the support footer', () => {
    expect(dvcErrorLines(`noise\nERROR: one\nERROR: two\n${HELP}`)).toEqual(['one', 'two']);
  });

  test('falls back on the last lines when DVC printed no ERROR line', () => {
    expect(dvcErrorLines('a\nb\nc\nd\n')).toEqual(['b', 'c', 'd']);
  });
});

// What DVC prints when each kind of remote fails, in the words of the library behind it.
describe('transientCause', () => {
  test.each([
    // HTTP(S) (aiohttp), the case DVC's HTTP remote hits on a closed port.
    [
      "ERROR: failed to transfer '49f6' - Cannot connect to host 127.0.0.1:9 ssl:default [Connect call failed ('127.0.0.1', 9)]: [Errno 111] Connect call failed ('127.0.0.1', 9)",
      'refused',
    ],
    ['ClientConnectorError: Cannot connect to host dvc.example.com:443 ssl:default', 'refused'],
    ['ERROR: unexpected error - [Errno 104] Connection reset by peer', 'reset'],
    ['aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected', 'reset'],
    [
      "ERROR: unexpected error - 503, message='Service Unavailable', url=URL('https://x/y')",
      'server-error',
    ],
    [
      "ERROR: unexpected error - 429, message='Too Many Requests', url=URL('https://x/y')",
      'throttled',
    ],
    ['ERROR: unexpected error - ', undefined],
    // S3 (botocore).
    [
      'ERROR: unexpected error - Could not connect to the endpoint URL: "http://127.0.0.1:1/b"',
      'refused',
    ],
    [
      'ERROR: unexpected error - Connect timeout on endpoint URL: "https://s3.amazonaws.com/b"',
      'timeout',
    ],
    [
      'ERROR: unexpected error - Read timeout on endpoint URL: "https://s3.amazonaws.com/b"',
      'timeout',
    ],
    [
      'An error occurred (SlowDown) when calling the PutObject operation: Please reduce your request rate.',
      'throttled',
    ],
    ['An error occurred (InternalError) when calling the PutObject operation', 'server-error'],
    ['An error occurred (ServiceUnavailable) when calling the PutObject operation', 'server-error'],
    ['An error occurred (403) when calling the HeadObject operation: Forbidden', undefined],
    ['An error occurred (404) when calling the HeadObject operation: Not Found', undefined],
    [
      'An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
      undefined,
    ],
    ['An error occurred (InvalidAccessKeyId) when calling the PutObject operation', undefined],
    // Google Cloud Storage (gcsfs over aiohttp) and Azure (adlfs / azure-core).
    ['gcsfs.retry.HttpError: Backend Error, 503', 'server-error'],
    ['gcsfs.retry.HttpError: Not Found, 404', undefined],
    ['HttpError: rateLimitExceeded, 429', 'throttled'],
    ['HttpError: Anonymous caller does not have storage.objects.create access, 401', undefined],
    [
      'azure.core.exceptions.ServiceRequestError: <urllib3 connection>: Failed to establish a new connection: [Errno 111] Connection refused',
      'refused',
    ],
    ['azure.core.exceptions.HttpResponseError: (ServerBusy) The server is busy.', 'throttled'],
    [
      'azure.core.exceptions.ClientAuthenticationError: Server failed to authenticate the request',
      undefined,
    ],
    // SSH (asyncssh), WebDAV (httpx), HDFS (pyarrow), OSS (oss2), Google Drive (pydrive2).
    ["ERROR: unexpected error - [Errno 113] Connect call failed ('10.0.0.5', 22)", 'refused'],
    ['asyncssh.misc.ConnectionLost: Connection lost', 'reset'],
    ['ERROR: unexpected error - Permission denied (publickey)', undefined],
    ['httpx.ConnectError: [Errno -2] Name or service not known', 'dns'],
    ['httpx.ReadTimeout: The read operation timed out', 'timeout'],
    ['webdav4.client.HTTPError: received 502 (Bad Gateway)', 'server-error'],
    ['OSError: HDFS connection failed: [Errno 110] Connection timed out', 'timeout'],
    [
      "oss2.exceptions.RequestError: {'status': -2, 'details': \"Temporary failure in name resolution\"}",
      'dns',
    ],
    [
      'googleapiclient.errors.HttpError: <HttpError 500 when requesting https://www.googleapis.com/drive/v2/files returned "Internal Error">',
      'server-error',
    ],
    [
      'googleapiclient.errors.HttpError: <HttpError 403 when requesting https://x returned "userRateLimitExceeded">',
      'throttled',
    ],
    [
      'googleapiclient.errors.HttpError: <HttpError 403 when requesting https://x returned "Forbidden">',
      undefined,
    ],
    // DNS, everywhere.
    ['socket.gaierror: [Errno -3] Temporary failure in name resolution', 'dns'],
    [
      'ClientConnectorError: Cannot connect to host nowhere.invalid:443 ssl:default [getaddrinfo failed]',
      'dns',
    ],
    // A failed stage is never a remote hiccup.
    [
      "connection reset\nERROR: failed to reproduce 'train': failed to run: python train.py, exited with 1",
      undefined,
    ],
  ])('%s -> %s', (output, cause) => {
    expect(transientCause(output)).toBe(cause);
  });
});
