// The state of a local GitHub and the lookups and access rules every endpoint shares.
import type { KeyObject } from 'node:crypto';
import { resolveCommit } from './git.ts';
import { toPublicKey } from './jwt.ts';
import type {
  InstallationRecord,
  LocalGitHubOptions,
  LocalGitHubState,
  LocalInstallationOptions,
  OrganizationPermissions,
  PermissionLevel,
  RepositoryPermissions,
  RepositoryRecord,
  TokenRecord,
  UserRecord,
} from './types.ts';

/** The token every default local GitHub accepts: a GITHUB_TOKEN-like bot with write everywhere. */
export const DEFAULT_TOKEN = 'ghs_test_token';
/** The repository every default local GitHub serves. */
export const DEFAULT_REPOSITORY = 'octo-org/demo';
const DEFAULT_SERVER_URL = 'https://github.test';
/** GitHub's real account id of `github-actions[bot]`, which actions sometimes compare against. */
const GITHUB_ACTIONS_BOT_ID = 41898282;
const ALL_WRITE: Required<RepositoryPermissions> = {
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  administration: 'write',
};

/** An app with its verification key, as the server keeps it. */
export interface AppRecord {
  id: number;
  slug: string;
  clientId?: string;
  publicKey: KeyObject;
  botLogin: string;
}

/** Which repository-level permission an endpoint needs. */
export type RepositoryPermission = keyof RepositoryPermissions;

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

/** GitHub's timestamp format: ISO 8601 in UTC without fractional seconds. */
export function isoNow(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function lowerKeys<T>(record: Record<string, T> | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record ?? {})) out[key.toLowerCase()] = value;
  return out;
}

/** Holds the state and answers the questions every handler asks: who, what, and may they. */
export class World {
  readonly state: LocalGitHubState;
  readonly apps: AppRecord[] = [];
  readonly serverUrl: string;
  apiUrl = '';
  private counter = 1000;

  private constructor(serverUrl: string) {
    this.serverUrl = serverUrl.replace(/\/+$/, '');
    this.state = {
      users: [],
      repositories: [],
      pullRequests: [],
      issues: [],
      tokens: new Map(),
      issueComments: [],
      commitComments: [],
      runners: [],
      runnerTokens: [],
      jitConfigs: [],
      installations: [],
      installationTokens: [],
      releases: [],
    };
  }

  /** Builds the state from the options, resolving shas from backing git repositories. */
  static async create(options: LocalGitHubOptions): Promise<World> {
    const world = new World(options.serverUrl ?? DEFAULT_SERVER_URL);
    const createdAt = isoNow();
    const tokens = { ...options.tokens };
    if (!(DEFAULT_TOKEN in tokens)) {
      tokens[DEFAULT_TOKEN] = {
        login: 'github-actions[bot]',
        type: 'Bot',
        id: GITHUB_ACTIONS_BOT_ID,
        permissions: { '*': ALL_WRITE },
        organizations: { '*': { self_hosted_runners: 'write' } },
      };
    }
    for (const [token, spec] of Object.entries(tokens)) {
      world.ensureUser(spec.login, spec.type ?? 'User', spec.id);
      world.state.tokens.set(token, {
        token,
        login: spec.login,
        type: spec.type ?? 'User',
        permissions: lowerKeys(spec.permissions),
        organizations: lowerKeys(spec.organizations),
      });
    }
    const repositories = options.repositories ?? [{ fullName: DEFAULT_REPOSITORY }];
    for (const spec of repositories) {
      const [owner, name, extra] = spec.fullName.split('/');
      if (!owner || !name || extra !== undefined) {
        throw new Error(`repository "${spec.fullName}" must be written owner/name`);
      }
      world.ensureUser(owner, 'Organization');
      const record: RepositoryRecord = {
        id: world.nextId(),
        owner,
        name,
        fullName: `${owner}/${name}`,
        private: spec.private ?? false,
        defaultBranch: spec.defaultBranch ?? 'main',
        description: spec.description ?? null,
        createdAt,
      };
      if (spec.gitDir) record.gitDir = spec.gitDir;
      if (spec.forkOf) record.forkOf = spec.forkOf;
      world.state.repositories.push(record);
    }
    for (const repo of world.state.repositories) {
      if (repo.forkOf && !world.repository(repo.forkOf)) {
        throw new Error(`${repo.fullName} is a fork of ${repo.forkOf}, which is not listed`);
      }
    }
    const first = world.state.repositories[0]?.fullName ?? DEFAULT_REPOSITORY;
    for (const issue of options.issues ?? []) {
      const repo = world.requireOption(issue.repository ?? first);
      world.ensureUser(issue.author ?? 'octocat', 'User');
      world.state.issues.push({
        id: world.nextId(),
        repository: repo.fullName,
        number: issue.number,
        title: issue.title ?? `Issue #${issue.number}`,
        author: issue.author ?? 'octocat',
        createdAt,
      });
    }
    for (const pr of options.pullRequests ?? []) {
      const repo = world.requireOption(pr.repository ?? first);
      const headRepo = pr.head.repository ?? repo.fullName;
      const headRecord = world.repository(headRepo);
      if (!headRecord) {
        throw new Error(`pull request #${pr.number}: head repository ${headRepo} is not listed`);
      }
      const headSha =
        pr.head.sha ?? (await world.resolveSha(headRecord, `refs/heads/${pr.head.ref}`));
      const baseSha = pr.base.sha ?? (await world.resolveSha(repo, `refs/heads/${pr.base.ref}`));
      world.ensureUser(pr.author ?? 'octocat', 'User');
      world.state.pullRequests.push({
        id: world.nextId(),
        repository: repo.fullName,
        number: pr.number,
        title: pr.title ?? `Pull request #${pr.number}`,
        body: pr.body ?? null,
        author: pr.author ?? 'octocat',
        draft: pr.draft ?? false,
        state: pr.state ?? 'open',
        head: { ref: pr.head.ref, sha: headSha, repository: headRecord.fullName },
        base: { ref: pr.base.ref, sha: baseSha },
        createdAt,
      });
    }
    for (const app of options.apps ?? []) {
      const slug = app.slug ?? 'test-app';
      const record: AppRecord = {
        id: app.id,
        slug,
        publicKey: toPublicKey(app.publicKey),
        botLogin: `${slug}[bot]`,
      };
      if (app.clientId) record.clientId = app.clientId;
      world.apps.push(record);
      world.ensureUser(record.botLogin, 'Bot');
      const installations = app.installations ?? world.defaultInstallations();
      for (const inst of installations) {
        const installation: InstallationRecord = {
          id: inst.id ?? world.nextId(),
          appId: app.id,
          account: inst.account,
          repositories: inst.repositories?.map((r) => world.requireOption(r).fullName) ?? 'all',
          permissions: inst.permissions ?? {
            metadata: 'read',
            contents: 'write',
            issues: 'write',
            pull_requests: 'write',
            administration: 'write',
            organization_self_hosted_runners: 'write',
          },
          createdAt,
        };
        world.state.installations.push(installation);
      }
    }
    return world;
  }

  private defaultInstallations(): LocalInstallationOptions[] {
    return [...new Set(this.state.repositories.map((r) => r.owner))].map((account) => ({
      account,
    }));
  }

  private requireOption(fullName: string): RepositoryRecord {
    const repo = this.repository(fullName);
    if (!repo)
      throw new Error(`repository ${fullName} is not among the local GitHub's repositories`);
    return repo;
  }

  private async resolveSha(repo: RepositoryRecord, ref: string): Promise<string> {
    const sha = repo.gitDir ? await resolveCommit(repo.gitDir, ref) : undefined;
    if (!sha) {
      throw new Error(`cannot resolve ${ref} of ${repo.fullName}: give its sha or a gitDir`);
    }
    return sha;
  }

  /** A fresh id, unique across every kind of object of this server. */
  nextId(): number {
    this.counter += 1;
    return this.counter;
  }

  /** The id the next issue comment gets: above every comment already in the state. */
  nextCommentId(): number {
    const used = this.state.issueComments.reduce((max, c) => Math.max(max, c.id), 0);
    const usedCommit = this.state.commitComments.reduce((max, c) => Math.max(max, c.id), 0);
    this.counter = Math.max(this.counter, used, usedCommit);
    return this.nextId();
  }

  /** The account with this login, created as a user (or bot for `...[bot]`) when unknown. */
  ensureUser(login: string, type?: UserRecord['type'], id?: number): UserRecord {
    const found = this.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
    if (found) return found;
    const user: UserRecord = {
      id: id ?? this.nextId(),
      login,
      type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
    };
    this.state.users.push(user);
    return user;
  }

  /** The repository with this `owner/name` (case-insensitive), if the server has it. */
  repository(fullName: string): RepositoryRecord | undefined {
    const wanted = fullName.toLowerCase();
    return this.state.repositories.find((r) => r.fullName.toLowerCase() === wanted);
  }

  /** Tells whether an account login is an organization that owns repositories here. */
  isOrganization(login: string): boolean {
    const user = this.state.users.find((u) => u.login.toLowerCase() === login.toLowerCase());
    return user?.type === 'Organization';
  }

  /** A token the server accepts right now, or undefined (unknown or expired). */
  token(value: string): TokenRecord | undefined {
    const record = this.state.tokens.get(value);
    if (!record) return undefined;
    if (record.expiresAt && Date.parse(record.expiresAt) <= Date.now()) return undefined;
    return record;
  }

  private repositoryGrant(token: TokenRecord, repo: RepositoryRecord) {
    return token.permissions[repo.fullName.toLowerCase()] ?? token.permissions['*'];
  }

  /** Tells whether the repository exists for this caller (private ones only when granted). */
  canSee(token: TokenRecord | undefined, repo: RepositoryRecord): boolean {
    if (!repo.private) return true;
    return token !== undefined && this.repositoryGrant(token, repo) !== undefined;
  }

  /** The caller's level for one repository permission (public repositories are readable). */
  level(
    token: TokenRecord | undefined,
    repo: RepositoryRecord,
    permission: RepositoryPermission,
  ): PermissionLevel {
    const granted = token ? (this.repositoryGrant(token, repo)?.[permission] ?? 'none') : 'none';
    if (!repo.private && granted === 'none') return 'read';
    return granted;
  }

  /** Tells whether the caller holds a repository permission at least at this level. */
  allows(
    token: TokenRecord | undefined,
    repo: RepositoryRecord,
    permission: RepositoryPermission,
    needed: PermissionLevel,
  ): boolean {
    return RANK[this.level(token, repo, permission)] >= RANK[needed];
  }

  /** The caller's level for an organization permission. */
  organizationLevel(
    token: TokenRecord | undefined,
    org: string,
    permission: keyof OrganizationPermissions,
  ): PermissionLevel {
    if (!token) return 'none';
    const grant = token.organizations[org.toLowerCase()] ?? token.organizations['*'];
    return grant?.[permission] ?? 'none';
  }

  /** Compares two permission levels. */
  static atLeast(level: PermissionLevel, needed: PermissionLevel): boolean {
    return RANK[level] >= RANK[needed];
  }
}
