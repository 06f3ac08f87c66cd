// Pure: DVC's own error texts (3.x) turned into one message that says what happened and what to
// do, and which of them are worth another try. No @actions/* imports, no process state.
import { ActionError } from '../pure/errors.ts';
import {
  credentialHint,
  type DvcRemote,
  type DvcRemotes,
  describeRemote,
  remoteKind,
} from './config.ts';
import type { PipelineStage } from './lock.ts';

/** Everything known about a failed DVC command, to explain it. */
export interface DvcFailure {
  /** The DVC subcommand: `repro`, `push`. */
  command: string;
  /** What DVC printed (stderr, then stdout). */
  output: string;
  /** The `working-directory` input as the user wrote it. */
  workingDirectory: string;
  /** dvc.yaml relative to the repository root, for annotations. */
  dvcYaml?: string;
  /** Stages declared in dvc.yaml, for unknown targets and a failed stage's line. */
  stages?: PipelineStage[];
  /** The remote the command used: the `remote` input, else the default one. */
  remote?: DvcRemote;
  /** All configured remotes, to list them when the asked one is missing. */
  remotes?: DvcRemotes;
  /** The stage that failed and the last lines of its stderr (from parseReproLog). */
  stage?: { name: string; command?: string; exitCode?: number; stderrTail: string[] };
  /** How many times the command was tried. */
  attempts?: number;
  /** The `targets` input: with targets, a missing file is a wrong target, not a missing dvc.yaml. */
  targets?: string[];
  /** Where a stage DVC names (`train`, `sub/dvc.yaml:train`) is defined: file and line. */
  locate?: (stage: string) => { file: string; line: number } | undefined;
}

/** DvcError is a DVC failure explained in plain words, with the raw lines behind it for the job summary. */
export class DvcError extends ActionError {
  /** The failed stage's last stderr lines, or DVC's own error lines. */
  readonly details: string[];

  constructor(
    message: string,
    details: string[],
    options: ConstructorParameters<typeof ActionError>[1] = {},
  ) {
    super(message, options);
    this.name = 'DvcError';
    this.details = details;
  }
}

const CREDENTIALS =
  /Unable to locate credentials|NoCredentialsError|InvalidAccessKeyId|SignatureDoesNotMatch|AWS Access Key Id you provided does not exist|ExpiredToken|security token included in the request is (?:invalid|expired)|DefaultCredentialsError|Could not automatically determine credentials|Anonymous caller does not have|ClientAuthenticationError|AuthenticationFailed|DefaultAzureCredential failed|Authentication failed|Permission denied \(publickey|401 Unauthorized|invalid_grant|Invalid Credentials, 401|Server failed to authenticate the request|Authentication to Azure Blob Storage requires/i;
const ACCESS_DENIED = /AccessDenied|Access Denied|403 Forbidden|does not have storage\.objects/i;
// Why a remote failed, by cause rather than by one library's wording: botocore (S3), aiohttp
// (HTTP, GCS, Azure through fsspec), requests/httpx (WebDAV, GDrive), paramiko/asyncssh (SSH),
// pyarrow (HDFS), oss2 (OSS) and the OS errors under all of them.
const PERMANENT =
  /\b40[134]\b(?:[,:]? ?(?:message=|Unauthorized|Forbidden|Not Found|Client Error)|\s*$)|\bstatus(?: code)?[:= ]*40[134]\b|HTTP(?: ?Error)? ?40[134]\b|Unauthorized|Forbidden|AccessDenied|Access Denied|NoSuchBucket|NoSuchKey|InvalidAccessKeyId|SignatureDoesNotMatch|Unable to locate credentials|NoCredentialsError|ExpiredToken|AuthenticationFailed|AuthorizationFailure|Permission denied|DefaultCredentialsError|ClientAuthenticationError/i;
const CAUSES: { cause: RemoteCause; pattern: RegExp }[] = [
  {
    cause: 'throttled',
    pattern:
      /\b429\b|Too Many Requests|TooManyRequests|SlowDown|Throttl|RequestLimitExceeded|Rate exceeded|rateLimitExceeded|ServerBusy|ProvisionedThroughputExceeded|reduce your request rate/i,
  },
  {
    cause: 'dns',
    pattern:
      /Temporary failure in name resolution|Name or service not known|nodename nor servname|getaddrinfo failed|\bgaierror\b|EAI_AGAIN|ENOTFOUND|Could not resolve host|No address associated with hostname|\[Errno -[235]\]/i,
  },
  {
    cause: 'refused',
    pattern:
      /Connection refused|ECONNREFUSED|\[Errno 111\]|Connect call failed|Cannot connect to host|ClientConnectorError|Could not connect to the endpoint URL|Failed to establish a new connection|actively refused|WinError 10061|No route to host|Network is unreachable|\[Errno 11[13]\]|\[Errno 101\]|EHOSTUNREACH|ENETUNREACH|Unable to connect/i,
  },
  {
    cause: 'reset',
    pattern:
      /Connection (?:was )?reset|ECONNRESET|\[Errno 104\]|Connection aborted|Broken pipe|EPIPE|\[Errno 32\]|Server ?Disconnected|RemoteDisconnected|Connection was closed|ClientOSError|ClientPayloadError|IncompleteRead|Connection lost|ConnectionLost|Connection closed by|EOF occurred in violation of protocol|ProtocolError/i,
  },
  {
    cause: 'timeout',
    pattern:
      /timed out|Timeout|\[Errno 110\]|ETIMEDOUT|DeadlineExceeded|Gateway Time-?out|OperationTimedOut/i,
  },
  {
    cause: 'server-error',
    pattern:
      /\b5\d\d\b,? ?(?:message=|Server Error|Internal|Bad Gateway|Service Unavailable|Gateway)|\bstatus(?: code)?[:= ]*5\d\d\b|HTTP(?: ?Error)? ?5\d\d\b|Backend Error|, 5\d\d\s*$|\b5\d\d (?:error|Server)|InternalError|ServiceUnavailable|Service Unavailable|Internal Server Error|Bad Gateway|BackendError|InternalServerError/i,
  },
];
const UNREACHABLE =
  /Name or service not known|nodename nor servname provided|No route to host|Network is unreachable/i;

/** Why a remote failed in a way worth another try. */
export type RemoteCause = 'refused' | 'reset' | 'timeout' | 'dns' | 'server-error' | 'throttled';

/** What each cause means, for messages: "DVC remote 'storage' (…) refused the connection". */
export const CAUSE_TEXT: Record<RemoteCause, string> = {
  refused: 'refused the connection (or could not be reached)',
  reset: 'dropped the connection',
  timeout: 'timed out',
  dns: 'has a host name that could not be resolved',
  'server-error': 'answered with a server error (5xx)',
  throttled: 'throttled the requests (429, slow down)',
};

/**
 * transientCause tells why DVC's output says a remote failed, when that is worth another try:
 * the connection refused or reset, a timeout, a name that did not resolve, a 5xx answer or
 * throttling, in the words of any of the libraries behind DVC's remotes. A 401, 403 or 404, a
 * credentials error, or a failed stage (whose output may mention a timeout of its own) is not.
 */
export function transientCause(output: string): RemoteCause | undefined {
  if (/failed to reproduce '/.test(output)) return undefined;
  // Throttling first: Google answers a rate limit with a 403.
  if (CAUSES[0]!.pattern.test(output)) return 'throttled';
  if (PERMANENT.test(output)) return undefined;
  return CAUSES.find((c) => c.pattern.test(output))?.cause;
}

/** isRemoteAccessProblem tells whether an error says the remote refused these credentials or lacks the bucket. */
export function isRemoteAccessProblem(output: string): boolean {
  return (
    CREDENTIALS.test(output) ||
    ACCESS_DENIED.test(output) ||
    /NoSuchBucket|specified bucket does not exist|bucket does not exist/i.test(output)
  );
}

/** isTransientRemoteError tells whether DVC's output describes a remote hiccup worth another try. */
export function isTransientRemoteError(output: string): boolean {
  return transientCause(output) !== undefined;
}

/** dvcErrorLines keeps DVC's `ERROR:` lines (prefix removed), or the last lines when there is none. */
export function dvcErrorLines(output: string): string[] {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const errors = lines
    .filter((l) => l.startsWith('ERROR:'))
    .map((l) => l.replace(/^ERROR:\s*/, ''));
  const text = errors.length
    ? errors
    : lines.filter((l) => !/^Having any troubles\?/.test(l)).slice(-3);
  return text.map(redactUrlsIn);
}

/** redactUrlsIn removes user names and passwords from every URL inside a text. */
export function redactUrlsIn(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s"']+@/gi, '$1');
}

/** detail is the gist of DVC's error lines: prefixes and per-file repeats removed, the last two kept. */
function detail(output: string): string {
  const gist = dvcErrorLines(output).map((l) =>
    l
      .replace(/^unexpected error - /, '')
      .replace(/^failed to (?:transfer|upload|download) '[^']*' - /, '')
      .replace(/^failed to (?:push|pull|fetch) data (?:to|from) the cloud - /, ''),
  );
  return [...new Set(gist)].slice(-2).join(' / ');
}

/** explainDvcFailure turns a failed DVC command into one error in plain words. */
export function explainDvcFailure(f: DvcFailure): DvcError {
  const error = explain(f);
  const tail = f.stage?.stderrTail.length ? f.stage.stderrTail : dvcErrorLines(f.output);
  return new DvcError(error.message, tail, {
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.location === undefined ? {} : { location: error.location }),
  });
}

function explain(f: DvcFailure): ActionError {
  const out = f.output;
  const wd = f.workingDirectory || '.';
  const remoteName = f.remote ? describeRemote(f.remote) : 'the default remote';
  const stageLine = (name: string) => f.stages?.find((s) => s.name === name)?.line;
  const at = (line: number | undefined) =>
    f.dvcYaml ? { location: { file: f.dvcYaml, ...(line ? { line } : {}) } } : {};

  const stageFailure = f.stage ?? stageFromOutput(out);
  if (stageFailure) {
    const ran = stageFailure.command
      ? `\`${stageFailure.command}\` exited with ${stageFailure.exitCode ?? 'an error'}`
      : detail(out);
    const lines = stageFailure.stderrTail
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-5);
    const tail = lines.length ? `; its last lines: ${lines.join(' / ')}` : '';
    const defined = f.locate?.(stageFailure.name);
    return new ActionError(`stage '${stageFailure.name}' failed: ${ran}${tail}`, {
      hint: 'Fix the stage (its full output is in the log group above); a failed stage is never retried',
      ...(defined
        ? { location: defined }
        : at(stageLine(stageFailure.name.replace(/^(?:\.\/)?dvc\.yaml:/, '')))),
    });
  }
  if (/you are not inside of a DVC repository/.test(out)) {
    return new ActionError(
      `'${wd}' is not inside a DVC project: there is no .dvc folder in it or above it`,
      {
        hint: 'Set working-directory to the folder holding dvc.yaml, or run `dvc init` and commit .dvc/',
      },
    );
  }
  const noYaml = /'([^']*dvc\.yaml)' does not exist/.exec(out);
  if (noYaml && !f.targets?.length) {
    return new ActionError(`no dvc.yaml in working-directory '${wd}' (looked for ${noYaml[1]})`, {
      hint: 'Set working-directory to the folder that holds dvc.yaml',
    });
  }
  const unknownTarget =
    /Stage '([^']+)' not found inside '([^']+)' file/.exec(out) ??
    /'([^']+)' does not exist as an output or a stage name/.exec(out) ??
    (f.targets?.length ? /^ERROR: '([^']+)' does not exist$/m.exec(out) : null);
  if (unknownTarget) {
    const known = f.stages?.length
      ? ` Stages in dvc.yaml: ${f.stages.map((s) => s.name).join(', ')}.`
      : '';
    return new ActionError(
      `unknown target '${unknownTarget[1]}': it is neither a stage in dvc.yaml nor an output DVC tracks`,
      {
        hint: `Fix 'targets' (a stage name, dvc.yaml:stage, or a tracked path).${known}`,
        ...at(undefined),
      },
    );
  }
  const unknownRemote = /remote '([^']+)' doesn't exist/.exec(out);
  if (unknownRemote) {
    return new ActionError(`DVC remote '${unknownRemote[1]}' is not configured in this project`, {
      hint: `${configuredRemotes(f.remotes)} Fix 'remote', or add it with \`dvc remote add\` and commit .dvc/config`,
    });
  }
  if (/no remote specified/.test(out)) {
    return new ActionError(
      'no DVC remote to use: none was given and the project sets no default remote',
      {
        hint: `Set 'remote', or run \`dvc remote add --default <name> <url>\` and commit .dvc/config. ${configuredRemotes(f.remotes)}`,
      },
    );
  }
  const missingDeps =
    /URL '([^']+)' is supported but requires these missing dependencies: \[([^\]]*)\]/.exec(out);
  if (missingDeps) {
    const extras = missingDeps[2]!.replace(/['\s]/g, '');
    return new ActionError(
      `this DVC cannot reach ${redactUrlsIn(missingDeps[1]!)}: it lacks the '${extras}' support`,
      {
        hint: `Set dvc-version so the action installs DVC with the extras your remotes need, or install 'dvc[${extras}]'`,
      },
    );
  }
  const kind = f.remote ? remoteKind(f.remote.url) : 'other';
  if (CREDENTIALS.test(out)) {
    return new ActionError(`no usable credentials for DVC remote ${remoteName}: ${detail(out)}`, {
      hint: credentialHint(kind, f.remote?.name ?? '<remote>'),
    });
  }
  if (ACCESS_DENIED.test(out)) {
    return new ActionError(`DVC remote ${remoteName} refused access: ${detail(out)}`, {
      hint: `The credentials work but lack permission on this bucket or path. ${credentialHint(kind, f.remote?.name ?? '<remote>')}`,
    });
  }
  if (/NoSuchBucket|specified bucket does not exist|bucket does not exist/i.test(out)) {
    return new ActionError(`the bucket of DVC remote ${remoteName} does not exist`, {
      hint: 'Create the bucket, or fix the remote URL in .dvc/config',
    });
  }
  const cause = transientCause(out);
  if (cause || UNREACHABLE.test(out)) {
    const tries = f.attempts && f.attempts > 1 ? ` (tried ${f.attempts} times)` : '';
    const what =
      cause === 'server-error' || cause === 'throttled' ? CAUSE_TEXT[cause] : 'is unreachable';
    return new ActionError(`DVC remote ${remoteName} ${what}${tries}: ${detail(out)}`, {
      hint:
        cause === 'server-error' || cause === 'throttled'
          ? 'Re-run the job later, or raise remote-attempts'
          : 'Check the remote URL and endpoint in .dvc/config and that this runner can reach them',
    });
  }
  if (
    /Checkout failed for following targets|missing cache files|not in cache|failed to pull data/i.test(
      out,
    )
  ) {
    return new ActionError(
      `some data is neither in the local cache nor on DVC remote ${remoteName}: ${detail(out)}`,
      {
        hint: 'Run `dvc push` where that data was produced, or set allow-missing: true to skip stages whose data is missing',
      },
    );
  }
  return new ActionError(
    `\`dvc ${f.command}\` failed in '${wd}': ${detail(out) || 'no error message'}`,
    {
      hint: "See the log group above for DVC's full output",
    },
  );
}

function stageFromOutput(output: string): DvcFailure['stage'] {
  const match = /failed to reproduce '([^']+)': (.*)/.exec(output);
  if (!match) return undefined;
  const command = /failed to run: (.*), exited with (-?\d+)/.exec(match[2]!);
  return {
    name: match[1]!,
    ...(command ? { command: command[1]!, exitCode: Number(command[2]) } : {}),
    stderrTail: [],
  };
}

function configuredRemotes(remotes: DvcRemotes | undefined): string {
  if (!remotes) return '';
  if (!remotes.remotes.length) return 'The project configures no remote.';
  const names = remotes.remotes.map(
    (r) => `'${r.name}'${r.name === remotes.defaultRemote ? ' (default)' : ''}`,
  );
  return `Configured remotes: ${names.join(', ')}.`;
}
