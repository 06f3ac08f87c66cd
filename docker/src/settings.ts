// The entry point's settings, read once from the environment into one typed object. Every
// variable it reads is named in SETTINGS (the manifests' and README's tests check against it).
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import type { RunnerCredential, RunnerScope } from '@mlops-actions/core/runners';

/** Exit codes, so that `kubectl get pod` and restart policies can tell what happened. */
export const EXIT = {
  config: 2, // a setting is missing or invalid
  auth: 3, // GitHub refused the credential (HTTP 401 or 403)
  notFound: 4, // GitHub answered 404: wrong URL, or the credential cannot see it
  api: 5, // GitHub unreachable or failing after every retry, or an odd answer
  register: 6, // config.sh could not register the runner
  outdated: 7, // GitHub refuses this runner version and updates are disabled
  deregister: 8, // the runner could not be deregistered: it may still be listed
  runner: 9, // the runner stopped with an error
  sigint: 130, // stopped by SIGINT, cleanly
  sigterm: 143, // stopped by SIGTERM, cleanly
} as const;

/** StartupError stops the entry point with an exit code and a message for the log. */
export class StartupError extends Error {
  readonly code: number;

  constructor(code: number, message: string) {
    super(message);
    this.name = 'StartupError';
    this.code = code;
  }
}

/** The credential variables: read once, then removed from the environment of every child. */
export const CREDENTIAL_VARIABLES = [
  'GITHUB_PAT',
  'GITHUB_RUNNER_PAT',
  'GITHUB_PAT_FILE',
  'GITHUB_APP_ID',
  'GITHUB_APP_INSTALLATION_ID',
  'GITHUB_APP_PRIVATE_KEY',
  'GITHUB_APP_PRIVATE_KEY_FILE',
  'ACTIONS_RUNNER_INPUT_TOKEN',
  'ACTIONS_RUNNER_INPUT_JITCONFIG',
] as const;

/** Every environment variable the entry point reads (docker/README.md documents each). */
export const SETTINGS = [
  ...CREDENTIAL_VARIABLES.filter((name) => name !== 'ACTIONS_RUNNER_INPUT_TOKEN'),
  'RUNNER_URL',
  'GITHUB_API_URL',
  'RUNNER_NAME',
  'RUNNER_LABELS',
  'RUNNER_GROUP',
  'RUNNER_GROUP_ID',
  'RUNNER_WORKDIR',
  'EPHEMERAL',
  'RUNNER_JIT',
  'DISABLE_AUTO_UPDATE',
  'RUNNER_GRACEFUL_STOP_TIMEOUT',
  'GITHUB_API_RETRIES',
  'GITHUB_API_RETRY_DELAY',
  'RUNNER_HOME',
  'ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT',
] as const;

/** The environment as the entry point reads it: a variable outside SETTINGS does not compile. */
export type SettingsEnv = { readonly [Name in (typeof SETTINGS)[number]]?: string | undefined };

/** The credentials, as read (not yet checked): a token, an App, or neither. */
export interface Credentials {
  pat: string;
  appId: string;
  appKey: string;
  appInstallationId: string;
  /** A just-in-time configuration handed over by actions-runner-controller. */
  handedOverJitConfig: string;
}

/** Everything else the entry point needs. */
export interface Settings {
  ephemeral: boolean;
  jit: boolean;
  disableUpdate: boolean;
  apiAttempts: number;
  apiRetryDelaySeconds: number;
  gracefulStopSeconds: number;
  runnerGroupId: number;
  runnerGroupIdSet: boolean;
  runnerHome: string;
  runnerName: string;
  runnerGroup: string;
  runnerWorkdir: string;
  runnerLabels: string;
  runnerUrl: string;
  /** GITHUB_API_URL, when set. */
  apiUrl: string;
  /** ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT for the runner: its log on stdout unless told otherwise. */
  printLogToStdout: string;
}

/** Where the runner registers, and the REST API that manages it. */
export interface Target {
  scope: RunnerScope;
  /** `repos/OWNER/REPO` or `orgs/ORG`, for messages. */
  apiScope: string;
  apiUrl: string;
}

function secretFile(variable: string, path: string): string {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    return readFileSync(path, 'utf8');
  } catch {
    throw new StartupError(
      EXIT.config,
      `${variable} names '${path}', which is not a readable file.`,
    );
  }
}

/** takeCredentials reads the credentials, from the variables or the files they name. */
export function takeCredentials(env: SettingsEnv): Credentials {
  let pat = env.GITHUB_PAT || env.GITHUB_RUNNER_PAT || '';
  if (!pat && env.GITHUB_PAT_FILE) pat = secretFile('GITHUB_PAT_FILE', env.GITHUB_PAT_FILE);
  let appKey = env.GITHUB_APP_PRIVATE_KEY || '';
  if (!appKey && env.GITHUB_APP_PRIVATE_KEY_FILE) {
    appKey = secretFile('GITHUB_APP_PRIVATE_KEY_FILE', env.GITHUB_APP_PRIVATE_KEY_FILE);
  }
  return {
    pat: pat.replace(/\s/g, ''),
    appId: env.GITHUB_APP_ID || '',
    // A key pasted into a one-line secret often carries literal \n sequences.
    appKey: appKey.replace(/\\n/g, '\n'),
    appInstallationId: env.GITHUB_APP_INSTALLATION_ID || '',
    handedOverJitConfig: env.ACTIONS_RUNNER_INPUT_JITCONFIG || '',
  };
}

function bool(env: SettingsEnv, name: keyof SettingsEnv, fallback: string): boolean {
  const value = env[name] || fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new StartupError(
    EXIT.config,
    `${name} must be one of true, True, TRUE, false, False, FALSE (got '${value}').`,
  );
}

function int(env: SettingsEnv, name: keyof SettingsEnv, fallback: string): number {
  const value = env[name] || fallback;
  if (!/^[0-9]{1,9}$/.test(value)) {
    throw new StartupError(EXIT.config, `${name} must be a whole number (got '${value}').`);
  }
  return Number.parseInt(value, 10);
}

/** readSettings reads and checks every setting but the credentials and the target. */
export function readSettings(env: SettingsEnv, defaultHome: string): Settings {
  const ephemeral = bool(env, 'EPHEMERAL', 'true');
  const jit = bool(env, 'RUNNER_JIT', 'false');
  const disableUpdate = bool(env, 'DISABLE_AUTO_UPDATE', 'true');
  const apiAttempts = Math.max(1, int(env, 'GITHUB_API_RETRIES', '5'));
  const apiRetryDelaySeconds = int(env, 'GITHUB_API_RETRY_DELAY', '2');
  const gracefulStopSeconds = int(env, 'RUNNER_GRACEFUL_STOP_TIMEOUT', '3300');
  const runnerGroupId = int(env, 'RUNNER_GROUP_ID', '1');
  let runnerHome: string;
  try {
    runnerHome = realpathSync(env.RUNNER_HOME || defaultHome);
    if (!statSync(runnerHome).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new StartupError(EXIT.config, `RUNNER_HOME '${env.RUNNER_HOME ?? ''}' is not a folder.`);
  }
  return {
    ephemeral,
    jit,
    disableUpdate,
    apiAttempts,
    apiRetryDelaySeconds,
    gracefulStopSeconds,
    runnerGroupId,
    runnerGroupIdSet: Boolean(env.RUNNER_GROUP_ID),
    runnerHome,
    runnerName: env.RUNNER_NAME || hostname() || 'runner',
    runnerGroup: env.RUNNER_GROUP || '',
    runnerWorkdir: env.RUNNER_WORKDIR || '_work',
    runnerLabels: (env.RUNNER_LABELS || '').replace(/\s/g, ''),
    runnerUrl: env.RUNNER_URL || '',
    apiUrl: env.GITHUB_API_URL || '',
    printLogToStdout: env.ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT || '1',
  };
}

const LOOPBACK = /^http:\/\/(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?(\/|$)/;

/** readTarget parses RUNNER_URL into a scope, and finds the REST API that serves it. */
export function readTarget(runnerUrl: string, apiUrlSetting: string | undefined): Target {
  const url = runnerUrl.replace(/\/$/, '').replace(/\.git$/, '');
  const match = /^(https?):\/\/([^/]+)\/(.+)$/.exec(url);
  if (!match) {
    throw new StartupError(
      EXIT.config,
      'RUNNER_URL must be the URL of a repository (https://github.com/OWNER/REPO) or of an ' +
        `organisation (https://github.com/ORG); got '${runnerUrl}'.`,
    );
  }
  const [, scheme = '', host = '', path = ''] = match;
  const parts = path.split('/');
  for (const part of parts) {
    if (!/^[A-Za-z0-9._-]+$/.test(part)) {
      throw new StartupError(
        EXIT.config,
        `RUNNER_URL has an invalid owner, organisation or repository name: '${part}'.`,
      );
    }
  }
  let scope: RunnerScope;
  if (parts.length === 1) {
    scope = { kind: 'organization', org: parts[0] ?? '' };
  } else if (parts.length === 2 && parts[0] !== 'enterprises') {
    scope = { kind: 'repository', owner: parts[0] ?? '', repo: parts[1] ?? '' };
  } else {
    throw new StartupError(
      EXIT.config,
      'RUNNER_URL must name a repository or an organisation (enterprise runners are not ' +
        `supported by this image); got '${runnerUrl}'.`,
    );
  }
  let apiUrl: string;
  if (apiUrlSetting) apiUrl = apiUrlSetting.replace(/\/$/, '');
  else if (host === 'github.com') apiUrl = 'https://api.github.com';
  else if (host.endsWith('.ghe.com')) apiUrl = `https://api.${host}`;
  // GitHub Enterprise Server serves its REST API under /api/v3 on its own host.
  else apiUrl = `${scheme}://${host}/api/v3`;
  if (!/^https?:\/\/[^/]+/.test(apiUrl)) {
    throw new StartupError(EXIT.config, `GITHUB_API_URL must be an http(s) URL; got '${apiUrl}'.`);
  }
  if (apiUrl.startsWith('http://') && !LOOPBACK.test(apiUrl)) {
    throw new StartupError(
      EXIT.config,
      `GITHUB_API_URL '${apiUrl}' is plain http, so the credential would cross the network ` +
        'unencrypted: use https (http is accepted for loopback addresses only).',
    );
  }
  const apiScope =
    scope.kind === 'repository' ? `repos/${scope.owner}/${scope.repo}` : `orgs/${scope.org}`;
  return { scope, apiScope, apiUrl };
}

/** checkRegistration checks what registering needs, and returns the credential to use. */
export function checkRegistration(settings: Settings, credentials: Credentials): RunnerCredential {
  const { pat, appId, appKey, appInstallationId } = credentials;
  if (pat && (appId || appKey)) {
    throw new StartupError(
      EXIT.config,
      'Both a personal access token (GITHUB_PAT) and a GitHub App (GITHUB_APP_ID) are set: set ' +
        'only one of them.',
    );
  }
  if (!pat && !appId && !appKey) {
    throw new StartupError(
      EXIT.config,
      'No credential: set GITHUB_PAT (or GITHUB_PAT_FILE), or GITHUB_APP_ID with ' +
        'GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PRIVATE_KEY_FILE).',
    );
  }
  if (!pat) {
    if (!appId || !appKey) {
      throw new StartupError(
        EXIT.config,
        'A GitHub App needs both GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (or ' +
          'GITHUB_APP_PRIVATE_KEY_FILE).',
      );
    }
    if (!/^[A-Za-z0-9.]+$/.test(appId)) {
      throw new StartupError(
        EXIT.config,
        `GITHUB_APP_ID must be the App's numeric id or its client id; got '${appId}'.`,
      );
    }
    if (appInstallationId && !/^[0-9]+$/.test(appInstallationId)) {
      throw new StartupError(
        EXIT.config,
        `GITHUB_APP_INSTALLATION_ID must be a number; got '${appInstallationId}'.`,
      );
    }
  }
  if (settings.runnerLabels && !/^[^,]+(,[^,]+)*$/.test(settings.runnerLabels)) {
    throw new StartupError(
      EXIT.config,
      `RUNNER_LABELS must be a comma-separated list of labels; got '${settings.runnerLabels}'.`,
    );
  }
  if (settings.jit && settings.runnerGroup && !settings.runnerGroupIdSet) {
    throw new StartupError(
      EXIT.config,
      'RUNNER_JIT=true takes the runner group by id: set RUNNER_GROUP_ID (RUNNER_GROUP is a ' +
        'name, which only config.sh accepts).',
    );
  }
  if (settings.jit && !settings.ephemeral) {
    throw new StartupError(
      EXIT.config,
      'RUNNER_JIT=true makes a one-job runner: it cannot be combined with EPHEMERAL=false.',
    );
  }
  return pat
    ? { kind: 'token', token: pat }
    : {
        kind: 'app',
        appId,
        privateKey: appKey,
        installationId: appInstallationId || undefined,
      };
}
