// REST handlers for releases: `repos/create-release` (on a tag pushed to the backing repository),
// `repos/get-release-by-tag`, `repos/list-releases`.
import { callerLogin, requireRepository } from '../auth.ts';
import { HttpError, notFound } from '../endpoint.ts';
import { resolveCommit } from '../git.ts';
import { releaseJson } from '../render.ts';
import type { RepositoryRecord } from '../types.ts';
import { isoNow } from '../world.ts';
import { paginate, type RestContext, type RestResult, type RestRoutes } from './context.ts';

interface ReleaseInput {
  tag_name: string;
  target_commitish?: string;
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
}

/** GitHub's 422 for a second release on the same tag. */
function refuseDuplicateTag(ctx: RestContext, repo: RepositoryRecord, tag: string): void {
  if (ctx.world.state.releases.some((r) => r.repository === repo.fullName && r.tagName === tag)) {
    throw new HttpError(422, 'Validation Failed', [
      { resource: 'Release', code: 'already_exists', field: 'tag_name' },
    ]);
  }
}

/** The commit the release names: the pushed tag's when the repository is backed by git. */
async function releaseTarget(
  ctx: RestContext,
  repo: RepositoryRecord,
  input: ReleaseInput,
): Promise<string> {
  const target = input.target_commitish ?? repo.defaultBranch;
  if (!repo.gitDir) return target;
  const tagged = await resolveCommit(repo.gitDir, `refs/tags/${input.tag_name}`);
  // GitHub would create the tag from target_commitish; the stand-in serves pushed tags only.
  if (!tagged) ctx.violation(`tag ${input.tag_name} is not in ${repo.fullName}: push it first`);
  return tagged ?? target;
}

async function createRelease(ctx: RestContext): Promise<RestResult> {
  const repo = requireRepository(ctx, [{ permission: 'contents', level: 'write' }]);
  const input = ctx.body as ReleaseInput;
  refuseDuplicateTag(ctx, repo, input.tag_name);
  const target = await releaseTarget(ctx, repo, input);
  const release = {
    id: ctx.world.nextId(),
    repository: repo.fullName,
    tagName: input.tag_name,
    targetCommitish: target,
    name: input.name ?? input.tag_name,
    body: input.body ?? null,
    draft: input.draft ?? false,
    prerelease: input.prerelease ?? false,
    author: callerLogin(ctx),
    createdAt: isoNow(),
  };
  ctx.world.state.releases.push(release);
  const json = releaseJson(ctx.world, release);
  return { status: 201, body: json, headers: { location: String(json.url) } };
}

function getReleaseByTag(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  const release = ctx.world.state.releases.find(
    (r) => r.repository === repo.fullName && r.tagName === ctx.params.tag && !r.draft,
  );
  if (!release) throw notFound();
  return { status: 200, body: releaseJson(ctx.world, release) };
}

function listReleases(ctx: RestContext): RestResult {
  const repo = requireRepository(ctx);
  const releases = ctx.world.state.releases
    .filter((r) => r.repository === repo.fullName)
    .sort((a, b) => b.id - a.id);
  const { page, headers } = paginate(ctx, releases);
  return { status: 200, body: page.map((r) => releaseJson(ctx.world, r)), headers };
}

/** Release operations, by operationId. */
export const RELEASE_ROUTES: RestRoutes = {
  'repos/create-release': createRelease,
  'repos/get-release-by-tag': getReleaseByTag,
  'repos/list-releases': listReleases,
};
