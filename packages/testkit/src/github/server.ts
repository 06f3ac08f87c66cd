// The local GitHub's HTTP server, composing the parts: it listens on 127.0.0.1, reads each body,
// dispatches POST /graphql to graphql-endpoint.ts and the rest to rest-endpoint.ts, checks the
// answer against the description (validation.ts), logs it and writes it with GitHub's headers.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commentsOn, FailureQueue, seedIssueComment } from './controls.ts';
import { type Answer, type Endpoint, errorBody, type IncomingRequest } from './endpoint.ts';
import { serveGraphQL } from './graphql-endpoint.ts';
import { documentationRoot, loadGitHubOpenApi } from './openapi.ts';
import { serveRest } from './rest-endpoint.ts';
import { loadRoutes } from './router.ts';
import type { LocalGitHub, LocalGitHubOptions, RequestLogEntry } from './types.ts';
import { checkResponse } from './validation.ts';
import { World } from './world.ts';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const RATE_LIMIT = 5000;

/** An answer and the operation it belongs to (`graphql` for the GraphQL endpoint). */
interface Served {
  answer: Answer;
  operationId: string | undefined;
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

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Reads the body and dispatches to an endpoint; a failure of the stand-in itself is a 500. */
async function serve(
  endpoint: Endpoint,
  req: IncomingMessage,
  head: Omit<IncomingRequest, 'raw' | 'headers'>,
): Promise<Served> {
  let operationId: string | undefined;
  try {
    const request: IncomingRequest = { ...head, headers: req.headers, raw: await readBody(req) };
    if (request.url.pathname === '/graphql' && request.method === 'POST') {
      operationId = 'graphql';
      return { answer: await serveGraphQL(endpoint, request), operationId };
    }
    const answer = await serveRest(endpoint, request);
    return { answer, operationId: answer.operation?.operationId };
  } catch (error) {
    endpoint.violation(
      `${head.where}: the local GitHub failed: ${(error as Error).stack ?? error}`,
    );
    const body = errorBody(500, 'Server Error', endpoint.docsRoot);
    return { answer: { status: 500, body, unchecked: true }, operationId };
  }
}

/** Records where an answer departs from what its operation declares. */
function checkAnswer(endpoint: Endpoint, where: string, answer: Answer): void {
  if (!answer.operation || answer.unchecked) return;
  const problems = checkResponse(answer.operation, answer.status, answer.body, {
    requestRejected: answer.requestRejected === true,
  });
  for (const problem of problems)
    endpoint.violation(`${where} answered ${answer.status}: ${problem}`);
}

/** The headers GitHub sends on every answer, rate limit included (`used` requests so far). */
function githubHeaders(used: number, operationId: string | undefined): Record<string, string> {
  return {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
    'x-ratelimit-used': String(used),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': operationId === 'graphql' ? 'graphql' : 'core',
    date: new Date().toUTCString(),
  };
}

function logEntry(method: string, url: URL, served: Served): RequestLogEntry {
  const entry: RequestLogEntry = {
    method,
    path: `${url.pathname}${url.search}`,
    status: served.answer.status,
  };
  if (served.operationId) entry.operationId = served.operationId;
  if (served.answer.injected === true) entry.injected = true;
  return entry;
}

function writeAnswer(res: ServerResponse, answer: Answer, headers: Record<string, string>): void {
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
}

/** The request listener: serve, check, count, log, write. */
function createHandler(endpoint: Endpoint, requests: RequestLogEntry[]) {
  let used = 0;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', endpoint.world.apiUrl);
    const where = `${method} ${url.pathname}${url.search}`;
    const served = await serve(endpoint, req, { method, url, where });
    checkAnswer(endpoint, where, served.answer);
    used += 1;
    const headers = { ...githubHeaders(used, served.operationId), ...served.answer.headers };
    requests.push(logEntry(method, url, served));
    writeAnswer(res, served.answer, headers);
  };
}

/** The handle a test holds: URLs, state, the log, violations, and the test controls. */
function localGitHub(
  world: World,
  server: Server,
  record: { violations: string[]; requests: RequestLogEntry[]; failures: FailureQueue },
): LocalGitHub {
  const { violations, requests, failures } = record;
  return {
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
    failNext: (match, times, status, body) => failures.add(match, times, status, body),
    seedIssueComment: (input) => seedIssueComment(world, input),
    commentsOn: (issueNumber, repository) => commentsOn(world, issueNumber, repository),
    stop() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** Starts a local GitHub on 127.0.0.1 (free port) that validates traffic against GitHub's API. */
export async function startLocalGitHub(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
  loadGitHubOpenApi();
  loadRoutes();
  const world = await World.create(options);
  const docsRoot = documentationRoot();
  const violations: string[] = [];
  const requests: RequestLogEntry[] = [];
  const failures = new FailureQueue(docsRoot);
  const endpoint: Endpoint = {
    world,
    docsRoot,
    violation: (message) => {
      violations.push(message);
    },
    takeFailure: (method, pathname) => failures.take(method, pathname),
  };
  const handle = createHandler(endpoint, requests);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      endpoint.violation(`the local GitHub could not answer: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server);
  world.apiUrl = `http://127.0.0.1:${port}`;
  return localGitHub(world, server, { violations, requests, failures });
}
