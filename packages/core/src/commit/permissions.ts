// Whether a token may push, asked of GitHub before a push that is sure to fail. Loaded lazily.
import { debug } from '../runtime.ts';

/**
 * canPush asks `GET /repos/{owner}/{repo}` whether the token may push: false only when GitHub says
 * so (`permissions.push: false`), undefined when it cannot tell (no `permissions` in the answer,
 * as for some app tokens, or the API could not be reached); the push itself then decides.
 */
export async function canPush(
  token: string,
  apiUrl: string,
  owner: string,
  repo: string,
): Promise<boolean | undefined> {
  const { getOctokit, httpStatus } = await import('../github.ts');
  try {
    const { data } = await getOctokit(token, { apiUrl, retries: 1 }).rest.repos.get({
      owner,
      repo,
    });
    const push = data.permissions?.push;
    return typeof push === 'boolean' ? push : undefined;
  } catch (error) {
    debug(
      `could not read the token's permissions on ${owner}/${repo} (${httpStatus(error) ?? (error as Error).message})`,
    );
    return undefined;
  }
}
