// Identities and messages of the commits the commit action makes. Pure.
import { InputError } from '../pure/errors.ts';

/** A git identity: who wrote or committed a commit. */
export interface Identity {
  name: string;
  email: string;
}

/** The identity GitHub shows as github-actions[bot], with its own avatar. */
export const GITHUB_ACTIONS_BOT: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

/** parseIdentity reads `Name <email>` strictly; anything else is an InputError that shows the form. */
export function parseIdentity(input: string, value: string): Identity {
  const m = /^([^<>\n]*?)\s*<([^<>\s]+@[^<>\s]+|[^<>\s@]+)>$/.exec(value.trim());
  const name = m?.[1]?.trim();
  if (!m || !name) {
    throw new InputError(
      input,
      `is '${value}', which is not an identity`,
      'Write it as Name <email>, for example: Jane Doe <jane@example.com>.',
    );
  }
  return { name, email: m[2]! };
}

/** formatIdentity writes an identity the way git shows it. */
export function formatIdentity(identity: Identity): string {
  return `${identity.name} <${identity.email}>`;
}

/** describeFiles names up to three files and counts the rest: "a, b and 3 more files". */
export function describeFiles(paths: readonly string[]): string {
  if (paths.length === 0) return 'no files';
  if (paths.length <= 3) {
    return paths.length === 1 ? paths[0]! : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}`;
  }
  const rest = paths.length - 2;
  return `${paths.slice(0, 2).join(', ')} and ${rest} more files`;
}

/** defaultMessage is the commit message when none is given: the files, and `[skip ci]`. */
export function defaultMessage(paths: readonly string[]): string {
  return `Update ${describeFiles(paths)} [skip ci]`;
}

/** splitMessage cuts a message into the headline and body that GitHub's commit API takes. */
export function splitMessage(message: string): { headline: string; body?: string } {
  const text = message.replace(/\r\n/g, '\n').trim();
  const nl = text.indexOf('\n');
  if (nl < 0) return { headline: text };
  const body = text.slice(nl + 1).replace(/^\n+/, '');
  return body
    ? { headline: text.slice(0, nl).trim(), body }
    : { headline: text.slice(0, nl).trim() };
}
