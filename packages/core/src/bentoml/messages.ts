// Reading what BentoML and the container tools say when they fail. Pure: text in, facts out.

/** Where in a file a tool's error points (1-based). */
export interface TextLocation {
  line: number;
  column?: number;
}

/** What a failed `bentoml` command said, without its Python traceback. */
export interface BentomlFailure {
  /** BentoML's own message, on one line. */
  message: string;
  /** Where in the bentofile a YAML error points, when it says. */
  location: TextLocation | undefined;
  /** True when BentoML rejected the bentofile itself (YAML or schema), not the service or a model. */
  invalidBentofile: boolean;
}

const TRACEBACK_FRAME =
  /^\s*[|+]?\s*(File ".*", line \d+|\^+|Traceback \(most recent call last\):)/;
// An exception line: `pkg.module.SomeError: message`, possibly inside an exception group's box.
const EXCEPTION_LINE = /^[\s|+-]*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit)): (.+)$/;

/** stripBox removes the `| ` and `+-` frame that Python draws around an exception group. */
function stripBox(line: string): string {
  return line.replace(/^[\s|+-]*(?:-+ \d+ -+)?/, '').trim();
}

/**
 * cleanExceptionText shortens an exception's text: attrs validators raise with a tuple whose first
 * item is the sentence worth showing; the rest is a long repr of the attribute.
 */
function cleanExceptionText(text: string): string {
  const tuple = /^\((["'])(.+?)\1, [A-Z]\w*\(/.exec(text);
  return (tuple?.[2] ?? text).trim();
}

/**
 * bentomlFailure reads the output of a failed `bentoml` command: its `Error: …` line when it
 * printed one, otherwise the innermost exception of the traceback, and any YAML position.
 */
export function bentomlFailure(output: string): BentomlFailure {
  const lines = output.split(/\r?\n/);
  const location = yamlLocation(output);
  const invalidBentofile =
    /BentoBuildConfig|build_config\.py|yaml\.(?:parser|scanner|constructor|composer)\.\w+Error|\b(?:Parser|Scanner)Error\b/.test(
      output,
    );
  // BentoML's CLI prints handled failures as `Error: [group] `command` failed: message`.
  const cliError = lines.findIndex((l) => /^Error: /.test(l));
  if (cliError !== -1) {
    const rest = lines
      .slice(cliError + 1)
      .map((l) => l.trim())
      .filter(Boolean);
    const first = lines[cliError]!.replace(/^Error: (?:\[\w+\] `[^`]+` failed: )?/, '').trim();
    return { message: [first, ...rest].join(' ').trim(), location, invalidBentofile };
  }
  // `ERROR: …` is how BentoML logs a YAML error, followed by the parser's explanation.
  const logged = lines.findIndex((l) => /^ERROR: /.test(l));
  if (logged !== -1) {
    const message: string[] = [lines[logged]!.replace(/^ERROR: /, '').trim()];
    for (const l of lines.slice(logged + 1)) {
      if (!l.trim() || TRACEBACK_FRAME.test(l)) break;
      message.push(l.trim());
    }
    return { message: message.join(' '), location, invalidBentofile };
  }
  // Otherwise the innermost exception: the last exception line that is not a wrapper group.
  const exceptions: string[] = [];
  for (const [i, line] of lines.entries()) {
    const m = EXCEPTION_LINE.exec(line);
    if (!m || TRACEBACK_FRAME.test(line)) continue;
    let text = `${m[1]!.split('.').pop()}: ${cleanExceptionText(m[2]!)}`;
    // A note cattrs adds under the exception ("Structuring class … @ attribute python").
    const next = stripBox(lines[i + 1] ?? '');
    if (/^Structuring class \S+ @ attribute \S+/.test(next)) {
      text += ` (in '${next.replace(/^.* @ attribute /, '')}')`;
    }
    exceptions.push(text);
  }
  const inner = exceptions.filter(
    (e) => !/^(?:ClassValidationError|ExceptionGroup|BaseExceptionGroup):/.test(e),
  );
  const message = inner.at(-1) ?? exceptions.at(-1) ?? lastMeaningfulLine(lines);
  return { message, location, invalidBentofile };
}

function lastMeaningfulLine(lines: string[]): string {
  const kept = lines.map((l) => l.trim()).filter((l) => l && !TRACEBACK_FRAME.test(l));
  return kept.at(-1) ?? 'no output';
}

/** yamlLocation finds PyYAML's `line N, column M` position in an error message. */
export function yamlLocation(output: string): TextLocation | undefined {
  const m = /\bline (\d+), column (\d+)/.exec(output);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** parseBuildTag reads the Bento tag from `bentoml build --output tag` (`__tag__:name:version`). */
export function parseBuildTag(stdout: string): string | undefined {
  const m = /^__tag__:(\S+:\S+)\s*$/m.exec(stdout);
  return m?.[1];
}

/** One model as `bentoml models list -o json` lists it. */
export interface ListedModel {
  tag: string;
  size?: string;
  creation_time?: string;
}

/** parseModelList reads `bentoml models list -o json`. */
export function parseModelList(stdout: string): ListedModel[] {
  const value = parseJsonOutput(stdout);
  if (!Array.isArray(value))
    throw new Error('`bentoml models list -o json` did not print a JSON list');
  return value.filter(
    (m): m is ListedModel =>
      !!m && typeof m === 'object' && typeof (m as ListedModel).tag === 'string',
  );
}

/** parseJsonOutput reads a JSON document that a CLI printed, ignoring lines before it. */
export function parseJsonOutput(stdout: string): unknown {
  const start = stdout.search(/^[[{]/m);
  if (start === -1) throw new Error('the command printed no JSON');
  return JSON.parse(stdout.slice(start));
}

// What makes a model the same one: its tag, when and by which framework it was saved, and what
// it says about itself. Fields BentoML fills in or rewrites on import (signatures, context,
// api_version) are left out, so the archive's model.yaml compares equal to the imported model.
const IDENTITY_FIELDS = ['name', 'version', 'module', 'creation_time', 'labels', 'metadata'];

/**
 * sameModelInfo tells whether two model documents (an archive's model.yaml, or
 * `bentoml models get -o json`) describe the same model: the same tag, module, creation time,
 * labels and metadata.
 */
export function sameModelInfo(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const identity = (info: Record<string, unknown>) =>
    canonicalJson(
      IDENTITY_FIELDS.map((field) => {
        const value = info[field];
        if (field === 'name' || field === 'version') return String(value ?? '').toLowerCase();
        if (field === 'labels' || field === 'metadata') return value ?? {};
        return value ?? null;
      }),
    );
  return identity(a) === identity(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) =>
      x < y ? -1 : x > y ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Why a registry push failed, as far as retrying is concerned. */
export type PushFailureKind = 'auth' | 'transient' | 'other';

const AUTH_PATTERNS = [
  /\bunauthorized\b/i,
  /authentication required/i,
  /requested access to the resource is denied/i,
  /\bdenied: /i,
  /\bDENIED\b/,
  /\binsufficient_scope\b/i,
  /\b(?:status|code|HTTP)[:\s]*40[13]\b/i,
  /\b40[13] (?:Unauthorized|Forbidden)\b/i,
  /invalid username\/password/i,
  /no basic auth credentials/i,
];

const TRANSIENT_PATTERNS = [
  /\b5\d\d \(?(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/i,
  /status code (?:from registry )?5\d\d\b/i,
  /\b(?:status(?: code)?|HTTP(?: status)?|code)[:\s]*5\d\d\b/i,
  /received unexpected HTTP status: 5\d\d/i,
  /\b429\b|too many requests|toomanyrequests/i,
  /connection reset/i,
  /\bECONNRESET\b/,
  /broken pipe/i,
  /unexpected EOF/i,
  /\btime(?:d)? ?out\b/i,
  /deadline exceeded/i,
  /\bEOF\b/,
];

/**
 * classifyPushFailure sorts a failed push by what its tool printed: auth errors are never retried,
 * server errors (5xx), rate limits, resets and time-outs are, anything else is not.
 */
export function classifyPushFailure(output: string): PushFailureKind {
  if (AUTH_PATTERNS.some((p) => p.test(output))) return 'auth';
  if (TRANSIENT_PATTERNS.some((p) => p.test(output))) return 'transient';
  return 'other';
}

/** parseDockerPushDigest reads the digest from `docker push` output (`tag: digest: sha256:… size: N`). */
export function parseDockerPushDigest(output: string): string | undefined {
  const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
  return matches.at(-1)?.[1];
}

/** Why a push or login failed, in a few words, and what to do when that is specific. */
export interface PushFailureReason {
  reason: string;
  hint: string | undefined;
}

const TLS_HINT =
  "Trust the registry's certificate on the runner, or mark a plain-HTTP registry insecure (README: 'Plain-HTTP and self-signed registries')";

/**
 * pushFailureReason sums up what a failed `buildah`/`podman`/`docker` push or login printed in one
 * short phrase (the whole output is in the step's log): the HTTP status the registry answered, a
 * refused connection, an untrusted certificate, or else the tool's last error line, shortened.
 */
export function pushFailureReason(output: string): PushFailureReason {
  const text = output.replace(/\s+/g, ' ');
  if (
    /x509:|certificate signed by unknown authority|certificate is not (?:valid|trusted)/i.test(text)
  ) {
    return { reason: "the registry's TLS certificate is not trusted", hint: TLS_HINT };
  }
  if (/server gave HTTP response to HTTPS client/i.test(text)) {
    return { reason: 'the registry speaks plain HTTP, not HTTPS', hint: TLS_HINT };
  }
  const refused = /dial tcp ([^\s:]+:\d+|\[[^\]]+\]:\d+): connect: connection refused/i.exec(text);
  if (refused || /connection refused/i.test(text)) {
    return {
      reason: `nothing answered at ${refused?.[1] ?? 'the registry'} (connection refused)`,
      hint: 'Check the registry host and port in the image name, and that the registry is up',
    };
  }
  const status =
    /(?:unexpected HTTP status|status code|HTTP status|response status)[:\s]+(\d{3})(?: ([A-Z][A-Za-z ]*?))?(?=[;,)]|$| \()/i.exec(
      text,
    ) ??
    /\b(\d{3}) (Unauthorized|Forbidden|Not Found|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Too Many Requests)\b/.exec(
      text,
    );
  if (status) {
    return {
      reason: `the registry answered HTTP ${status[1]}${status[2] ? ` ${status[2].trim()}` : ''}`,
      hint: undefined,
    };
  }
  if (/invalid username\/password|unauthorized|authentication required/i.test(text)) {
    return { reason: 'the registry refused the credentials', hint: undefined };
  }
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const last =
    [...lines].reverse().find((l) => /\berror\b/i.test(l)) ?? lines.at(-1) ?? 'no output';
  // Errors of the Go tools chain their causes with ": "; the last two say what went wrong.
  const parts = last.replace(/^(?:Error|error):\s*/, '').split(': ');
  const short = parts.slice(-2).join(': ');
  return { reason: short.length > 160 ? `${short.slice(0, 157)}...` : short, hint: undefined };
}
