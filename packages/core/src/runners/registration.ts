// One runner-registration module: a just-in-time runner configuration for a repository or an
// organisation, authenticated by a token or a GitHub App (JWT, then an installation token limited
// to the runner permission), runner lookup by name or label, and removal. Loaded lazily: it
// brings the GitHub client.
import { type GitHubClient, getOctokit, httpStatus } from '../github.ts';
import { ActionError } from '../pure/errors.ts';
import { setSecret } from '../runtime.ts';
import { appJwt } from './app-jwt.ts';
import { type RunnerScope, scopeName, scopePath } from './scope.ts';

/** What authenticates to GitHub: a token (PAT), or a GitHub App. */
export type RunnerCredential =
  | { kind: 'token'; token: string }
  | { kind: 'app'; appId: string; privateKey: string; installationId?: string | undefined };

/** A registered self-hosted runner, as GitHub lists it. */
export interface RegisteredRunner {
  id: number;
  name: string;
  status: string;
  busy: boolean;
  labels: string[];
}

/** A just-in-time runner: its registration, and the configuration the runner starts with. */
export interface JitRunner {
  runner: RegisteredRunner;
  /** Base64 configuration for ACTIONS_RUNNER_INPUT_JITCONFIG; masked as soon as it arrives. */
  encodedJitConfig: string;
}

const PERMISSION_HINT = {
  repository:
    "A repository runner needs a fine-grained token or GitHub App with Administration: read and write on the repository (a classic token: the repo scope); the workflow's GITHUB_TOKEN can never register runners",
  organization:
    'An organisation runner needs Self-hosted runners: read and write on the organisation (a classic token: admin:org)',
};

/** githubFailure turns a refused GitHub call into one error that says what to do. */
export function githubFailure(error: unknown, what: string, scope: RunnerScope): ActionError {
  const status = httpStatus(error);
  const message = (error as { message?: string } | null)?.message ?? String(error);
  const name = scopeName(scope);
  if (status === 401) {
    return new ActionError(`GitHub refused the credential (HTTP 401) while ${what}`, {
      hint: 'The token or App private key is wrong, expired or revoked: update the secret',
      cause: error,
    });
  }
  if (status === 403) {
    return new ActionError(`GitHub denied ${what} for ${name} (HTTP 403: ${message})`, {
      hint: PERMISSION_HINT[scope.kind],
      cause: error,
    });
  }
  if (status === 404) {
    return new ActionError(`GitHub answered 404 while ${what} for ${name}`, {
      hint: `Check the ${scope.kind === 'repository' ? 'repository' : 'organisation'} name; a token must be able to see it, and a GitHub App must be installed there`,
      cause: error,
    });
  }
  return new ActionError(`GitHub failed while ${what} for ${name}: ${message}`, { cause: error });
}

function asRunner(raw: {
  id: number;
  name: string;
  status: string;
  busy: boolean;
  labels: { name: string }[];
}): RegisteredRunner {
  return {
    id: raw.id,
    name: raw.name,
    status: raw.status,
    busy: raw.busy,
    labels: raw.labels.map((l) => l.name),
  };
}

/**
 * bearer makes a client send `Authorization: Bearer <token>`, the scheme GitHub documents for
 * every kind of token, where Octokit writes `token …` (and `bearer …` for a JWT): one spelling
 * for proxies and audit logs, the one the runner image always sent.
 */
function bearer(client: GitHubClient): GitHubClient {
  const send = client.request.endpoint.DEFAULTS.request?.fetch ?? globalThis.fetch;
  client.request = client.request.defaults({
    request: {
      fetch: (url: string, init: RequestInit) => {
        const headers = new Headers(init.headers);
        const value = headers.get('authorization');
        if (value) headers.set('authorization', value.replace(/^(token|bearer) /i, 'Bearer '));
        return send(url, { ...init, headers });
      },
    },
  });
  return client;
}

/** RunnerRegistry registers, finds and removes the self-hosted runners of one scope. */
export class RunnerRegistry {
  readonly scope: RunnerScope;
  private readonly client: GitHubClient;

  private constructor(client: GitHubClient, scope: RunnerScope) {
    this.client = client;
    this.scope = scope;
  }

  /**
   * connect authenticates: a token is used as it is; an App signs a JWT, finds its installation
   * (unless given) and gets an installation token limited to the runner permission and, for a
   * repository, to that repository. Every credential is masked.
   */
  static async connect(
    credential: RunnerCredential,
    scope: RunnerScope,
    options: { apiUrl?: string; retries?: number } = {},
  ): Promise<RunnerRegistry> {
    const clientOptions = {
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      ...(options.retries === undefined ? {} : { retries: options.retries }),
    };
    if (credential.kind === 'token') {
      setSecret(credential.token);
      return new RunnerRegistry(bearer(getOctokit(credential.token, clientOptions)), scope);
    }
    setSecret(credential.privateKey);
    const jwt = appJwt(credential.appId, credential.privateKey);
    const app = bearer(getOctokit(jwt, clientOptions));
    let installationId = credential.installationId;
    if (!installationId) {
      try {
        const { data } =
          scope.kind === 'repository'
            ? await app.request('GET /repos/{owner}/{repo}/installation', {
                owner: scope.owner,
                repo: scope.repo,
              })
            : await app.request('GET /orgs/{org}/installation', { org: scope.org });
        installationId = String(data.id);
      } catch (error) {
        throw githubFailure(error, 'looking up the GitHub App installation', scope);
      }
    }
    try {
      const { data } = await app.request(
        'POST /app/installations/{installation_id}/access_tokens',
        {
          installation_id: Number(installationId),
          ...(scope.kind === 'repository'
            ? { repositories: [scope.repo], permissions: { administration: 'write' as const } }
            : { permissions: { organization_self_hosted_runners: 'write' as const } }),
        },
      );
      setSecret(data.token);
      return new RunnerRegistry(bearer(getOctokit(data.token, clientOptions)), scope);
    } catch (error) {
      throw githubFailure(error, 'getting an installation token for the GitHub App', scope);
    }
  }

  /** generateJitConfig registers an ephemeral runner and returns its just-in-time configuration. */
  async generateJitConfig(input: {
    name: string;
    labels: string[];
    runnerGroupId?: number;
    workFolder?: string;
  }): Promise<JitRunner> {
    let data: { runner: Parameters<typeof asRunner>[0]; encoded_jit_config: string };
    try {
      ({ data } = await this.client.request(
        `POST /${scopePath(this.scope)}/actions/runners/generate-jitconfig`,
        {
          name: input.name,
          labels: input.labels,
          runner_group_id: input.runnerGroupId ?? 1,
          work_folder: input.workFolder ?? '_work',
          // Not idempotent: a retry after a lost answer would meet its own runner (409), and the
          // retry plugin would also wait out a 409 three times.
          request: { retries: 0 },
        },
      ));
    } catch (error) {
      if (httpStatus(error) === 409) {
        throw new ActionError(
          `a runner named ${input.name} is already registered to ${scopeName(this.scope)}`,
          {
            hint: 'This run attempt already started one: stop it first (mode: stop), or re-run the workflow, whose new attempt gets a new name',
            cause: error,
          },
        );
      }
      throw githubFailure(error, 'creating the just-in-time runner configuration', this.scope);
    }
    setSecret(data.encoded_jit_config);
    return { runner: asRunner(data.runner), encodedJitConfig: data.encoded_jit_config };
  }

  /**
   * runnerToken gets a short-lived token for the runner's own config.sh: `registration` to
   * register it, `remove` to deregister it (the non-JIT way, as the runner image does). Masked.
   */
  async runnerToken(kind: 'registration' | 'remove'): Promise<string> {
    let token: string;
    try {
      const { data } = await this.client.request(
        `POST /${scopePath(this.scope)}/actions/runners/${kind}-token`,
      );
      token = (data as { token: string }).token;
    } catch (error) {
      throw githubFailure(error, `getting a runner ${kind} token`, this.scope);
    }
    setSecret(token);
    return token;
  }

  /** list returns the scope's runners, or only those named `name`, or carrying label `label`. */
  async list(filter: { name?: string; label?: string } = {}): Promise<RegisteredRunner[]> {
    const runners: RegisteredRunner[] = [];
    try {
      for (let page = 1; ; page++) {
        const { data } = await this.client.request(
          `GET /${scopePath(this.scope)}/actions/runners`,
          {
            per_page: 100,
            page,
            ...(filter.name ? { name: filter.name } : {}),
          },
        );
        const batch = (data as { runners: Parameters<typeof asRunner>[0][] }).runners;
        runners.push(...batch.map(asRunner));
        if (batch.length < 100) break;
      }
    } catch (error) {
      throw githubFailure(error, 'listing the self-hosted runners', this.scope);
    }
    return runners.filter(
      (r) =>
        (!filter.name || r.name === filter.name) &&
        (!filter.label || r.labels.some((l) => l.toLowerCase() === filter.label?.toLowerCase())),
    );
  }

  /** get returns one runner by id, or undefined when it is not registered (any more). */
  async get(id: number): Promise<RegisteredRunner | undefined> {
    try {
      const { data } = await this.client.request(
        `GET /${scopePath(this.scope)}/actions/runners/{runner_id}`,
        { runner_id: id },
      );
      return asRunner(data as Parameters<typeof asRunner>[0]);
    } catch (error) {
      if (httpStatus(error) === 404) return undefined;
      throw githubFailure(error, `reading runner ${id}`, this.scope);
    }
  }

  /** remove deregisters a runner; `gone` when it was not registered any more. */
  async remove(id: number): Promise<'removed' | 'gone'> {
    try {
      await this.client.request(`DELETE /${scopePath(this.scope)}/actions/runners/{runner_id}`, {
        runner_id: id,
      });
      return 'removed';
    } catch (error) {
      if (httpStatus(error) === 404) return 'gone';
      throw githubFailure(error, `removing runner ${id}`, this.scope);
    }
  }
}
