// Container image references (`[registry[:port]/]path[:tag][@digest]`) and the `images` input's
// `NAME=IMAGE` entries. Pure: no I/O, no @actions/*.
import { InputError } from '../pure/errors.ts';

/** A parsed image reference; `registry` is undefined when the reference names none (Docker Hub). */
export interface ImageReference {
  registry: string | undefined;
  /** The path inside the registry: `team/app`. */
  path: string;
  tag: string | undefined;
  digest: string | undefined;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const REGISTRY =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;

/**
 * parseImageReference splits an image reference, or returns undefined when it is not one. The first
 * path part is a registry when it has a dot or a port, or is `localhost` (Docker's rule), so
 * `localhost:5000/app:1` is registry `localhost:5000`, path `app`, tag `1`.
 */
export function parseImageReference(text: string): ImageReference | undefined {
  let rest = text.trim();
  if (!rest || /\s/.test(rest)) return undefined;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let registry: string | undefined;
  const first = parts[0] ?? '';
  if (
    parts.length > 1 &&
    (first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase())
  ) {
    registry = first;
    parts.shift();
    if (!REGISTRY.test(registry)) return undefined;
  }
  if (!parts.length || !parts.every((p) => PATH_COMPONENT.test(p))) return undefined;
  return { registry, path: parts.join('/'), tag, digest };
}

/** repositoryOf is a reference without its tag and digest: `localhost:5000/app`. */
export function repositoryOf(ref: ImageReference): string {
  return ref.registry ? `${ref.registry}/${ref.path}` : ref.path;
}

/** canonicalRepository spells Docker Hub out, so `nginx` and `docker.io/library/nginx` compare equal. */
export function canonicalRepository(ref: ImageReference): string {
  const registry = !ref.registry || ref.registry === 'index.docker.io' ? 'docker.io' : ref.registry;
  const path =
    registry === 'docker.io' && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
  return `${registry}/${path}`;
}

/** formatImageReference renders a parsed reference back to text. */
export function formatImageReference(ref: ImageReference): string {
  return `${repositoryOf(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** One line of the `images` input: set `image` on containers that `name` matches. */
export interface ImageEntry {
  /** The line as written, for messages. */
  source: string;
  /** A container name, or an image repository (no tag, no digest). */
  name: string;
  /** The repository `name` means, when it reads as one (container names read as one too). */
  repository: string | undefined;
  image: string;
}

const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** parseImageEntries reads the `images` input's lines (`NAME=IMAGE[:TAG][@DIGEST]`); a bad line is an InputError. */
export function parseImageEntries(lines: readonly string[], input = 'images'): ImageEntry[] {
  const entries: ImageEntry[] = [];
  for (const line of lines) {
    const eq = line.indexOf('=');
    const example =
      'Write one NAME=IMAGE per line, for example web=ghcr.io/acme/web:1.4.2, where NAME is a container name or the image repository to replace.';
    if (eq <= 0)
      throw new InputError(input, `has the line '${line}', which is not NAME=IMAGE`, example);
    const name = line.slice(0, eq).trim();
    const image = line.slice(eq + 1).trim();
    const target = parseImageReference(image);
    if (!target)
      throw new InputError(
        input,
        `has '${image}' in line '${line}', which is not an image reference`,
        example,
      );
    const asReference = parseImageReference(name);
    if (!CONTAINER_NAME.test(name) && !asReference) {
      throw new InputError(
        input,
        `has '${name}' in line '${line}', which is neither a container name nor an image repository`,
        example,
      );
    }
    if (asReference && (asReference.tag || asReference.digest) && !CONTAINER_NAME.test(name)) {
      throw new InputError(
        input,
        `has '${name}' in line '${line}': NAME must not carry a tag or digest`,
        `Name the repository alone (${repositoryOf(asReference)}=${image}), so every tag of it is replaced.`,
      );
    }
    if (entries.some((e) => e.name === name)) {
      throw new InputError(
        input,
        `names '${name}' twice`,
        'Keep one line per container name or repository.',
      );
    }
    entries.push({
      source: line,
      name,
      repository: asReference ? canonicalRepository(asReference) : undefined,
      image,
    });
  }
  return entries;
}

/** entryMatches tells whether an entry names a container (by its name or its image's repository). */
export function entryMatches(entry: ImageEntry, containerName: string, image: string): boolean {
  if (entry.name === containerName) return true;
  const current = parseImageReference(image);
  return (
    entry.repository !== undefined &&
    current !== undefined &&
    canonicalRepository(current) === entry.repository
  );
}
