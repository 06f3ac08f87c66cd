// How a token reaches git: as an HTTP Authorization header in configuration passed through the
// environment (GIT_CONFIG_COUNT/KEY/VALUE), never in the remote URL and never on the command line,
// so neither `ps` nor a logged command shows it. actions/checkout persists its own header under the
// same `http.<origin>/.extraheader` key; an empty value first clears it, or git would send two
// Authorization headers. Pure.

/** The configuration entries and the values to mask for one token and one remote URL. */
export interface GitAuth {
  /** Environment variables that add the configuration to every git command they are given to. */
  env: Record<string, string>;
  /** The header value, which must be masked like the token itself. */
  secrets: string[];
}

/** authHeader is the value of the Authorization header GitHub accepts from git for a token. */
export function authHeader(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}

/** extraHeaderKey is the URL-scoped config key for a remote (`http.https://github.com/.extraheader`). */
export function extraHeaderKey(remoteUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return `http.${url.protocol}//${url.host}/.extraheader`;
}

/**
 * gitAuth builds the environment that makes git send `token` to the host of `remoteUrl`. Remotes
 * that are not HTTP(S) (a path, ssh) get nothing: there the token has no use. Entries already in
 * `env` (GIT_CONFIG_COUNT and its keys) are kept and ours are appended after them.
 */
export function gitAuth(
  remoteUrl: string,
  token: string | undefined,
  env: Record<string, string | undefined> = {},
): GitAuth {
  const key = extraHeaderKey(remoteUrl);
  if (!token || !key) return { env: {}, secrets: [] };
  const header = authHeader(token);
  const start = Number.parseInt(env['GIT_CONFIG_COUNT'] ?? '0', 10) || 0;
  const entries: [string, string][] = [
    [key, ''],
    [key, header],
  ];
  const out: Record<string, string> = { GIT_CONFIG_COUNT: String(start + entries.length) };
  entries.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${start + i}`] = k;
    out[`GIT_CONFIG_VALUE_${start + i}`] = v;
  });
  return { env: out, secrets: [header, header.slice('AUTHORIZATION: basic '.length)] };
}
