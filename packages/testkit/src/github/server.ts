// The HTTP server of the local GitHub: routing, auth, validation of every request and response.
import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerGraphQL } from './graphql.ts';
import { looksLikeJwt, verifyAppJwt } from './jwt.ts';
import {
  checkRequest,
  checkResponse,
  documentationRoot,
  loadGitHubOpenApi,
  matchOperation,
  type OpenApiOperation,
} from './openapi.ts';
import {
  APP_JWT_OPERATIONS,
  type Auth,
  HttpError,
  REST_HANDLERS,
  type RestResult,
} from './rest.ts';
import type {
  FailureMatch,
  IssueCommentRecord,
  LocalGitHub,
  LocalGitHubOptions,
  RequestLogEntry,
} from './types.ts';
import { isoNow, World } from './world.ts';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const RATE_LIMIT = 5000;

interface PendingFailure {
  method?: string;
  path: RegExp;
  remaining: number;
  status: number;
  body: unknown;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  operation?: OpenApiOperation;
  /** Skip response validation: the answer is a failure injected by the test or already flagged. */
  unchecked?: boolean;
  requestRejected?: boolean;
  /** Answered by `failNext`. */
  injected?: boolean;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function errorBody(status: number, message: string, documentationUrl: string, errors?: unknown[]) {
  const body: Record<string, unknown> = { message };
  if (errors) body.errors = errors;
  body.documentation_url = documentationUrl;
  body.status = String(status);
  return body;
}

/** Tells whether an Accept header lets the server answer JSON (GitHub's v3 media types included). */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const media = (part.split(';')[0] ?? '').trim().toLowerCase();
    return (
      media === '*/*' ||
      media === 'application/*' ||
      media === 'application/json' ||
      media.endsWith('+json') ||
      /^application\/vnd\.github(\.v3)?$/.test(media)
    );
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts a local GitHub on 127.0.0.1 (free port) that validates traffic against GitHub's API. */
export async function startLocalGitHub(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
  loadGitHubOpenApi();
  const world = await World.create(options);
  const docsRoot = documentationRoot();
  const violations: string[] = [];
  const requests: RequestLogEntry[] = [];
  const failures: PendingFailure[] = [];
  let used = 0;

  const takeFailure = (method: string, pathname: string): PendingFailure | undefined => {
    const failure = failures.find((f) => {
      if (f.remaining <= 0 || (f.method && f.method !== method)) return false;
      f.path.lastIndex = 0;
      return f.path.test(pathname);
    });
    if (failure) failure.remaining -= 1;
    return failure;
  };

  const authenticate = (req: IncomingMessage): Auth | HttpError => {
    const header = req.headers.authorization;
    if (!header) return { kind: 'anonymous' };
    const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
    const credential = m?.[1];
    if (!credential) return new HttpError(401, 'Bad credentials');
    const token = world.token(credential);
    if (token) return { kind: 'token', token };
    if (looksLikeJwt(credential) && world.apps.length > 0) {
      const verdict = verifyAppJwt(credential, world.apps);
      return verdict.ok ? { kind: 'app', app: verdict.app } : new HttpError(401, verdict.message);
    }
    return new HttpError(401, 'Bad credentials');
  };

  const serveGraphQL = async (req: IncomingMessage, raw: Buffer): Promise<Answer> => {
    const graphqlDocs = `${new URL(docsRoot).origin}/graphql`;
    const auth = authenticate(req);
    if (auth instanceof HttpError) {
      return { status: 401, body: { message: auth.message, documentation_url: graphqlDocs } };
    }
    if (auth.kind !== 'token') {
      return {
        status: 401,
        body: {
          message: 'This endpoint requires you to be authenticated.',
          documentation_url: graphqlDocs,
        },
      };
    }
    let request: unknown;
    try {
      request = JSON.parse(raw.toString('utf8'));
    } catch {
      violations.push('POST /graphql: the body is not JSON');
      return {
        status: 400,
        body: { message: 'Problems parsing JSON', documentation_url: graphqlDocs },
      };
    }
    const answer = await answerGraphQL(
      world,
      auth.token,
      typeof request === 'object' && request !== null ? request : {},
      (message) => violations.push(`POST /graphql: ${message}`),
    );
    return answer;
  };

  const serveRest = async (
    req: IncomingMessage,
    url: URL,
    method: string,
    raw: Buffer,
  ): Promise<Answer> => {
    const where = `${method} ${url.pathname}${url.search}`;
    const match = matchOperation(method, url.pathname);
    if (!match) {
      violations.push(`${where}: no such operation in GitHub's REST API description`);
      return { status: 404, body: errorBody(404, 'Not Found', docsRoot), unchecked: true };
    }
    const op = match.operation;
    if (!acceptsJson(req.headers.accept)) {
      violations.push(
        `${where}: the stand-in only answers JSON, the client asked for ${req.headers.accept}`,
      );
      return {
        status: 415,
        body: errorBody(415, `Unsupported 'Accept' header: ${req.headers.accept}`, docsRoot),
        operation: op,
        unchecked: true,
      };
    }
    let parsed: { present: boolean; value: unknown } = { present: false, value: undefined };
    if (raw.length > 0) {
      try {
        parsed = { present: true, value: JSON.parse(raw.toString('utf8')) };
      } catch {
        violations.push(`${where}: the request body is not JSON`);
        return {
          status: 400,
          body: errorBody(400, 'Problems parsing JSON', op.documentationUrl),
          operation: op,
        };
      }
    }
    const check = checkRequest(match, url.searchParams, parsed);
    const failure = takeFailure(method, url.pathname);
    if (failure) {
      for (const problem of [...check.pathProblems, ...check.problems]) {
        violations.push(`${where} (${op.operationId}): ${problem}`);
      }
      const body =
        failure.body ??
        errorBody(failure.status, STATUS_CODES[failure.status] ?? 'Error', docsRoot);
      return { status: failure.status, body, operation: op, unchecked: true, injected: true };
    }
    const auth = authenticate(req);
    if (auth instanceof HttpError) {
      return { status: 401, body: errorBody(401, auth.message, docsRoot), operation: op };
    }
    if (auth.kind === 'app' && !APP_JWT_OPERATIONS.has(op.operationId)) {
      // A JWT authenticates the app itself, which reaches only the app endpoints.
      return {
        status: 403,
        body: errorBody(403, 'Resource not accessible by integration', op.documentationUrl),
        operation: op,
      };
    }
    if (check.pathProblems.length > 0) {
      for (const problem of check.pathProblems) {
        violations.push(`${where} (${op.operationId}): ${problem}`);
      }
      return { status: 404, body: errorBody(404, 'Not Found', op.documentationUrl), operation: op };
    }
    if (check.problems.length > 0) {
      for (const problem of check.problems) {
        violations.push(`${where} (${op.operationId}): ${problem}`);
      }
      return {
        status: 422,
        body: errorBody(
          422,
          `Invalid request.\n\n${check.problems.join('\n')}`,
          op.documentationUrl,
        ),
        operation: op,
        requestRejected: true,
      };
    }
    const handler = REST_HANDLERS[op.operationId];
    if (!handler) {
      violations.push(
        `${where}: ${op.operationId} (${op.method} ${op.template}) is missing from the local GitHub stand-in`,
      );
      return {
        status: 404,
        body: errorBody(404, 'Not Found', op.documentationUrl),
        operation: op,
        unchecked: true,
      };
    }
    let result: RestResult;
    try {
      result = await handler({
        world,
        operation: op,
        params: check.params,
        query: check.query,
        body: parsed.value,
        auth,
        url,
        violation: (message) => violations.push(`${where}: ${message}`),
      });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const docs = error.status === 401 ? docsRoot : op.documentationUrl;
      return {
        status: error.status,
        body: errorBody(error.status, error.message, docs, error.errors),
        operation: op,
      };
    }
    return { ...result, operation: op };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', world.apiUrl);
    const where = `${method} ${url.pathname}${url.search}`;
    let answer: Answer;
    let operationId: string | undefined;
    let injected = false;
    try {
      const raw = await readBody(req);
      if (url.pathname === '/graphql' && method === 'POST') {
        operationId = 'graphql';
        const failure = takeFailure(method, url.pathname);
        if (failure) {
          injected = true;
          answer = {
            status: failure.status,
            body:
              failure.body ??
              errorBody(failure.status, STATUS_CODES[failure.status] ?? 'Error', docsRoot),
          };
        } else {
          answer = await serveGraphQL(req, raw);
        }
      } else {
        answer = await serveRest(req, url, method, raw);
        operationId = answer.operation?.operationId;
        injected = answer.injected === true;
      }
    } catch (error) {
      violations.push(`${where}: the local GitHub failed: ${(error as Error).stack ?? error}`);
      answer = { status: 500, body: errorBody(500, 'Server Error', docsRoot), unchecked: true };
    }
    if (answer.operation && !answer.unchecked) {
      const problems = checkResponse(answer.operation, answer.status, answer.body, {
        requestRejected: answer.requestRejected === true,
      });
      for (const problem of problems)
        violations.push(`${where} answered ${answer.status}: ${problem}`);
    }
    used += 1;
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': operationId === 'graphql' ? 'graphql' : 'core',
      date: new Date().toUTCString(),
      ...answer.headers,
    };
    const entry: RequestLogEntry = {
      method,
      path: `${url.pathname}${url.search}`,
      status: answer.status,
    };
    if (operationId) entry.operationId = operationId;
    if (injected) entry.injected = true;
    requests.push(entry);
    if (answer.body === undefined || answer.status === 204 || answer.status === 304) {
      res.writeHead(answer.status, headers);
      res.end();
      return;
    }
    const payload = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
    });
    res.end(payload);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`the local GitHub could not answer: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server);
  world.apiUrl = `http://127.0.0.1:${port}`;

  const github: LocalGitHub = {
    url: world.apiUrl,
    graphqlUrl: `${world.apiUrl}/graphql`,
    serverUrl: world.serverUrl,
    state: world.state,
    requests,
    violations,
    assertNoViolations() {
      if (violations.length === 0) return;
      throw new Error(
        `the local GitHub recorded ${violations.length} violation(s):\n- ${violations.join('\n- ')}`,
      );
    },
    failNext(match: FailureMatch, times: number, status: number, body?: unknown) {
      const failure: PendingFailure = { path: match.path, remaining: times, status, body };
      if (match.method) failure.method = match.method.toUpperCase();
      failures.push(failure);
    },
    seedIssueComment(input): IssueCommentRecord {
      const repo = world.repository(
        input.repository ?? world.state.repositories[0]?.fullName ?? '',
      );
      if (!repo) throw new Error(`unknown repository ${input.repository}`);
      const exists =
        world.state.pullRequests.some(
          (p) => p.repository === repo.fullName && p.number === input.issueNumber,
        ) ||
        world.state.issues.some(
          (i) => i.repository === repo.fullName && i.number === input.issueNumber,
        );
      if (!exists)
        throw new Error(`${repo.fullName} has no issue or pull request #${input.issueNumber}`);
      world.ensureUser(input.author);
      const now = isoNow();
      const comment: IssueCommentRecord = {
        id: world.nextCommentId(),
        repository: repo.fullName,
        issueNumber: input.issueNumber,
        author: input.author,
        body: input.body,
        createdAt: now,
        updatedAt: now,
      };
      world.state.issueComments.push(comment);
      return comment;
    },
    commentsOn(issueNumber: number, repository?: string): IssueCommentRecord[] {
      const repo = world.repository(repository ?? world.state.repositories[0]?.fullName ?? '');
      return world.state.issueComments
        .filter((c) => c.repository === repo?.fullName && c.issueNumber === issueNumber)
        .sort((a, b) => a.id - b.id);
    },
    stop() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return github;
}
