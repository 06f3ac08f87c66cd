// The GitHub side of a release, through Octokit. Not @mlops-actions/core/github: its client
// registers the token with `::add-mask::`, which the runner hides but a terminal would print.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { ReleaseError } from './exec.ts';

/** The REST calls a release makes. */
export interface ReleaseApi {
  /** Fails with a clear message when a repository does not exist or cannot be seen. */
  requireRepository(fullName: string): Promise<void>;
  /** Creates a published release on an existing tag; returns its web URL. */
  createRelease(
    fullName: string,
    tag: string,
    name: string,
    body: string,
    latest: boolean,
  ): Promise<string>;
}

function split(fullName: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** releaseApi talks to the GitHub REST API at apiUrl with a token that can write contents. */
export function releaseApi(token: string, apiUrl: string): ReleaseApi {
  const octokit = getOctokit(
    token,
    {
      baseUrl: apiUrl.replace(/\/+$/, ''),
      userAgent: 'mlops-actions-release',
      retry: { retries: 2 },
    },
    retry,
  );
  return {
    async requireRepository(fullName) {
      try {
        await octokit.rest.repos.get(split(fullName));
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) {
          throw new ReleaseError(
            `GitHub repository ${fullName} does not exist (or the token cannot see it): create it, or name another in .github/standalone-repositories.yml`,
          );
        }
        throw new ReleaseError(
          `GitHub refused GET /repos/${fullName} (HTTP ${status ?? '?'}): check the token`,
        );
      }
    },
    async createRelease(fullName, tag, name, body, latest) {
      try {
        const { data } = await octokit.rest.repos.createRelease({
          ...split(fullName),
          tag_name: tag,
          name,
          body,
          draft: false,
          prerelease: false,
          make_latest: latest ? 'true' : 'false',
        });
        return data.html_url;
      } catch (error) {
        throw new ReleaseError(
          `creating the GitHub release ${tag} of ${fullName} failed (HTTP ${statusOf(error) ?? '?'}): the tags are pushed; create it by hand or with the API`,
        );
      }
    },
  };
}
