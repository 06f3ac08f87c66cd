// Image references: the distribution reference grammar, and tags generated from the event in the
// style of docker/metadata-action. Pure: plain values in, plain values out.
// Grammar: https://github.com/distribution/reference/blob/main/reference.go
import { ActionError } from '../pure/errors.ts';

/** A parsed `[domain/]path[:tag][@digest]` image reference. */
export interface ImageReference {
  /** Registry host (and port), when the first path component names one. */
  domain: string | undefined;
  /** Repository path below the domain, such as `org/app`. */
  path: string;
  tag: string | undefined;
  digest: string | undefined;
}

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[_.]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN_RE = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** The longest repository name (domain and path) registries accept. */
export const MAX_NAME_LENGTH = 255;

/** isValidTag tells whether `tag` is a valid image tag: a word character, then up to 127 of `\w.-`. */
export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

/**
 * splitDomain separates a registry host from the repository path as Docker does: the first
 * component is a domain when it holds a `.` or a `:`, is `localhost`, or has upper-case letters.
 */
export function splitDomain(name: string): { domain: string | undefined; path: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { domain: undefined, path: name };
  const first = name.slice(0, slash);
  const isDomain = /[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first;
  return isDomain
    ? { domain: first, path: name.slice(slash + 1) }
    : { domain: undefined, path: name };
}

/** parseReference reads an image reference, or says in one sentence why it is not one. */
export function parseReference(
  reference: string,
): { ok: true; value: ImageReference } | { ok: false; reason: string } {
  if (!reference) return { ok: false, reason: 'it is empty' };
  if (/\s/.test(reference)) return { ok: false, reason: 'it contains white space' };
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) {
      return { ok: false, reason: `'${digest}' is not a digest (algorithm:hex, such as sha256:…)` };
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) {
      return {
        ok: false,
        reason: `the tag '${tag}' is not valid (a letter, digit or _, then up to 127 of letters, digits, _ . -)`,
      };
    }
  }
  if (!rest) return { ok: false, reason: 'the repository name is empty' };
  if (rest.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      reason: `the repository name is longer than ${MAX_NAME_LENGTH} characters`,
    };
  }
  const { domain, path } = splitDomain(rest);
  if (domain !== undefined && !DOMAIN_RE.test(domain)) {
    return { ok: false, reason: `'${domain}' is not a valid registry host[:port]` };
  }
  if (!PATH_RE.test(path)) {
    const upper = path.toLowerCase() !== path;
    return {
      ok: false,
      reason: upper
        ? `the repository '${path}' has upper-case letters, which registries reject`
        : `the repository '${path}' is not valid (lower-case letters and digits, separated by . _ __ - or /)`,
    };
  }
  return { ok: true, value: { domain, path, tag, digest } };
}

/** registryOf returns the registry host an image is pushed to (`docker.io` when none is named). */
export function registryOf(repository: string): string {
  return splitDomain(repository).domain ?? 'docker.io';
}

/**
 * normalizeRepository lowercases one `images` entry (registries reject upper case) and checks it
 * is a repository without a tag or digest; the error names the input and says what to change.
 */
export function normalizeRepository(input: string, entry: string): string {
  const lowered = entry.toLowerCase();
  const parsed = parseReference(lowered);
  const where = `input '${input}' has '${entry}', which`;
  if (!parsed.ok) {
    throw new ActionError(`${where} is not an image repository: ${parsed.reason}`, {
      hint: 'Write one repository per line, such as ghcr.io/owner/app or registry.example.com:5000/team/app',
    });
  }
  if (parsed.value.tag !== undefined || parsed.value.digest !== undefined) {
    throw new ActionError(`${where} has a tag or digest`, {
      hint: `List repositories without a tag in '${input}', and put tags in 'tags'`,
    });
  }
  return lowered;
}

/** sanitizeTag turns a branch name into a tag: runs of other characters become '-', cut to 128. */
export function sanitizeTag(value: string): string {
  return value
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)
    .replace(/[.-]+$/, '');
}

/** The kinds of tag generated from the event. */
export const GENERATED_TAG_KINDS = ['sha', 'short-sha', 'branch', 'latest'] as const;
/** One kind of generated tag. */
export type GeneratedTagKind = (typeof GENERATED_TAG_KINDS)[number];

/** What the generated tags are made from: the parts of the event context that matter. */
export interface TagContext {
  /** The commit people mean: the PR head on pull requests (core's `headSha`). */
  headSha: string;
  branch: string | undefined;
  defaultBranch: string | undefined;
  /** True on pull_request events: `latest` is never given to a pull request's image. */
  isPullRequest: boolean;
}

/** The length of a short commit SHA, as `git rev-parse --short` and docker/metadata-action give it. */
export const SHORT_SHA_LENGTH = 7;

/** generatedTags makes the tags of `kinds` for the event, skipping those it cannot make. */
export function generatedTags(kinds: readonly GeneratedTagKind[], context: TagContext): string[] {
  const tags: string[] = [];
  const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(context.headSha)
    ? context.headSha.toLowerCase()
    : '';
  for (const kind of kinds) {
    if (kind === 'sha' && sha) tags.push(sha);
    if (kind === 'short-sha' && sha) tags.push(sha.slice(0, SHORT_SHA_LENGTH));
    if (kind === 'branch' && context.branch) {
      const tag = sanitizeTag(context.branch);
      if (tag) tags.push(tag);
    }
    if (
      kind === 'latest' &&
      !context.isPullRequest &&
      context.branch !== undefined &&
      context.branch === context.defaultBranch
    ) {
      tags.push('latest');
    }
  }
  return tags;
}

/** The image references to build and push, and the first one (the `image` output). */
export interface ImagePlan {
  repositories: string[];
  tags: string[];
  /** Every repository with every tag, repository by repository. */
  references: string[];
}

/**
 * planImages combines explicit tags (first, in order) with generated ones, drops duplicates,
 * and validates every full reference before anything is built.
 */
export function planImages(options: {
  repositories: readonly string[];
  explicitTags: readonly string[];
  generated: readonly string[];
}): ImagePlan {
  for (const tag of options.explicitTags) {
    if (!isValidTag(tag)) {
      throw new ActionError(
        `input 'tags' has '${tag}', which is not a valid image tag (a letter, digit or _, then up to 127 of letters, digits, _ . -)`,
        { hint: 'Write one tag per line without the repository, such as v1.2.0' },
      );
    }
  }
  const tags = [...new Set([...options.explicitTags, ...options.generated])];
  const repositories = [...new Set(options.repositories)];
  if (repositories.length > 0 && tags.length === 0) {
    throw new ActionError('there is no tag to give the image', {
      hint: "Set 'tags', or run in a workflow where the commit SHA or branch is known",
    });
  }
  const references: string[] = [];
  for (const repository of repositories) {
    for (const tag of tags) {
      const reference = `${repository}:${tag}`;
      const parsed = parseReference(reference);
      if (!parsed.ok) {
        throw new ActionError(`the image reference '${reference}' is not valid: ${parsed.reason}`, {
          hint: "Fix the repository in 'images' or the tag in 'tags'",
        });
      }
      references.push(reference);
    }
  }
  return { repositories, tags, references };
}
