// npm run release -- X.Y.Z [--remote origin] [--repository owner/name] [--standalone-base URL]
// The token is GITHUB_TOKEN; GITHUB_SERVER_URL and GITHUB_API_URL name another GitHub.
// MLOPS_RELEASE_TEST_COMMAND and MLOPS_RELEASE_BUILD_COMMAND (JSON argv arrays) replace
// `npm test` and `npm run build`: this package's tests use them to run fast stand-ins.
import { execFileSync } from 'node:child_process';
import { ReleaseError } from './exec.ts';
import { release } from './release.ts';

const USAGE =
  'usage: npm run release -- X.Y.Z [--remote origin] [--repository owner/name] [--standalone-base URL]';

function parseArgs(argv: string[]): { version?: string; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  let version: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--(remote|repository|standalone-base)(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new ReleaseError(`--${m[1]} needs a value: ${USAGE}`);
      flags.set(m[1]!, value);
    } else if (arg.startsWith('-')) {
      throw new ReleaseError(`unknown option ${arg}: ${USAGE}`);
    } else if (version === undefined) {
      version = arg;
    } else {
      throw new ReleaseError(`one version only (got ${version} and ${arg}): ${USAGE}`);
    }
  }
  return { ...(version === undefined ? {} : { version }), flags };
}

function argvFromEnv(name: string): string[] | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ReleaseError(`${name} must be a JSON array of strings, e.g. ["npm","test"]`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length === 0 ||
    !parsed.every((a) => typeof a === 'string')
  ) {
    throw new ReleaseError(`${name} must be a JSON array of strings, e.g. ["npm","test"]`);
  }
  return parsed;
}

/** The owner/name of a GitHub remote URL (https or scp-like), if it looks like one. */
function repositoryOf(url: string): string | undefined {
  const m = /[:/]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

async function main(): Promise<void> {
  const { version, flags } = parseArgs(process.argv.slice(2));
  if (!version) throw new ReleaseError(`no version given: ${USAGE}`);
  let root: string;
  try {
    root = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    throw new ReleaseError('not inside a git work tree: run npm run release from the monorepo');
  }
  const remote = flags.get('remote') ?? 'origin';
  let repository = flags.get('repository') ?? process.env['GITHUB_REPOSITORY'];
  if (!repository) {
    try {
      const url = execFileSync('git', ['remote', 'get-url', remote], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      repository = repositoryOf(url);
    } catch {
      repository = undefined;
    }
  }
  const base = flags.get('standalone-base');
  const testCommand = argvFromEnv('MLOPS_RELEASE_TEST_COMMAND');
  const buildCommand = argvFromEnv('MLOPS_RELEASE_BUILD_COMMAND');
  const outcome = await release({
    root,
    version,
    repository: repository ?? '',
    remote,
    token: process.env['GITHUB_TOKEN'] ?? '',
    ...(process.env['GITHUB_SERVER_URL'] ? { serverUrl: process.env['GITHUB_SERVER_URL'] } : {}),
    ...(process.env['GITHUB_API_URL'] ? { apiUrl: process.env['GITHUB_API_URL'] } : {}),
    ...(base
      ? { standaloneRemote: (fullName: string) => `${base.replace(/\/+$/, '')}/${fullName}.git` }
      : {}),
    ...(testCommand ? { testCommand } : {}),
    ...(buildCommand ? { buildCommand } : {}),
  });
  process.stdout.write(`${outcome.tag} (${outcome.aliases.join(', ')}) at ${outcome.commit}\n`);
  for (const s of outcome.standalone)
    process.stdout.write(`${s.repository} ${outcome.tag} at ${s.commit}\n`);
}

main().catch((error: unknown) => {
  const token = process.env['GITHUB_TOKEN'];
  let message =
    error instanceof ReleaseError ? error.message : String((error as Error)?.stack ?? error);
  if (token && token.length >= 3) message = message.split(token).join('***');
  process.stderr.write(`release failed: ${message}\n`);
  process.exit(1);
});
