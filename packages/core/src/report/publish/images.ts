// Report images kept in the repository itself: committed to a dedicated orphan branch (one folder
// per head SHA) with core's commitFilesToBranch (fetch, rebase, push with retry; never a force
// push), and linked by commit-pinned blob URLs, which GitHub renders for members of a private
// repository too. No third-party host ever sees them.
import { commitFilesToBranch } from '../../commit/branch.ts';

/** An image to publish: a file name inside the head SHA's folder, and its bytes. */
export interface ImageFile {
  name: string;
  bytes: Uint8Array;
}

/** Where images go and how their URLs are built. */
export interface ImageStoreOptions {
  /** A folder inside the git checkout (its `origin` receives the branch). */
  cwd: string;
  branch: string;
  headSha: string;
  serverUrl: string;
  owner: string;
  repo: string;
  token?: string;
  remote?: string;
  attempts?: number;
  /** Test seam for the push backoff. */
  sleep?: (ms: number) => Promise<void>;
}

/** What publishing gave: a URL per image name, or why nothing was published. */
export type ImageStoreResult =
  | { ok: true; commit: string; urls: Map<string, string> }
  | { ok: false; reason: string };

/** imageUrl is the commit-pinned URL GitHub renders for an image in the repository. */
export function imageUrl(
  serverUrl: string,
  owner: string,
  repo: string,
  commit: string,
  path: string,
): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/blob/${commit}/${encoded}?raw=true`;
}

/** slug makes a plot id safe as a file name (`evaluation/plots/a b.png` -> `evaluation-plots-a-b`). */
export function slug(text: string): string {
  const base = text
    .replace(/\.[A-Za-z0-9]+$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return base || 'plot';
}

/** publishImages commits the images under `<headSha>/` on the image branch and returns their URLs. */
export async function publishImages(
  options: ImageStoreOptions,
  images: ImageFile[],
): Promise<ImageStoreResult> {
  if (images.length === 0) return { ok: true, commit: '', urls: new Map() };
  const files = new Map<string, Uint8Array>();
  for (const image of images) files.set(`${options.headSha}/${image.name}`, image.bytes);
  const result = await commitFilesToBranch({
    cwd: options.cwd,
    branch: options.branch,
    files,
    message: `Report images for ${options.headSha.slice(0, 12)}`,
    orphan: true,
    ...(options.token ? { token: options.token } : {}),
    ...(options.remote ? { remote: options.remote } : {}),
    ...(options.attempts ? { attempts: options.attempts } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  if (result.denied) {
    return {
      ok: false,
      reason: `the token may not push to ${options.branch} (give the job \`permissions: contents: write\`): ${result.denied}`,
    };
  }
  if (!result.sha) return { ok: false, reason: `nothing was published to ${options.branch}` };
  const urls = new Map<string, string>();
  for (const image of images) {
    urls.set(
      image.name,
      imageUrl(
        options.serverUrl,
        options.owner,
        options.repo,
        result.sha,
        `${options.headSha}/${image.name}`,
      ),
    );
  }
  return { ok: true, commit: result.sha, urls };
}
