// One REST request, step by step: find its operation (router.ts); refuse what GitHub would not
// serve (media type, JSON, the OpenAPI request check of validation.ts); answer a failure the test
// queued; authenticate the caller (auth.ts); then run the operation's handler (routes/).
import { type Auth, authenticate, jwtRefusal } from './auth.ts';
import {
  type Answer,
  type Endpoint,
  errorBody,
  HttpError,
  type IncomingRequest,
} from './endpoint.ts';
import type { OpenApiOperation } from './openapi.ts';
import { handlerFor, matchOperation } from './router.ts';
import type { RestResult } from './routes/context.ts';
import { checkRequest, type RequestBody, type RequestCheck } from './validation.ts';

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

/** The request body as JSON (absent when empty), or undefined when it is not JSON. */
function parseBody(raw: Buffer): RequestBody | undefined {
  if (raw.length === 0) return { present: false, value: undefined };
  try {
    return { present: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return undefined;
  }
}

function recordProblems(
  endpoint: Endpoint,
  request: IncomingRequest,
  op: OpenApiOperation,
  problems: string[],
): void {
  for (const problem of problems) {
    endpoint.violation(`${request.where} (${op.operationId}): ${problem}`);
  }
}

/** An HttpError as GitHub answers it: a 401 names the docs root, other errors the operation. */
function errorAnswer(endpoint: Endpoint, op: OpenApiOperation, error: HttpError): Answer {
  const docs = error.status === 401 ? endpoint.docsRoot : op.documentationUrl;
  return {
    status: error.status,
    body: errorBody(error.status, error.message, docs, error.errors),
    operation: op,
  };
}

function unknownOperation(endpoint: Endpoint, request: IncomingRequest): Answer {
  endpoint.violation(`${request.where}: no such operation in GitHub's REST API description`);
  return { status: 404, body: errorBody(404, 'Not Found', endpoint.docsRoot), unchecked: true };
}

function unsupportedAccept(
  endpoint: Endpoint,
  request: IncomingRequest,
  op: OpenApiOperation,
): Answer {
  const accept = request.headers.accept;
  endpoint.violation(
    `${request.where}: the stand-in only answers JSON, the client asked for ${accept}`,
  );
  return {
    status: 415,
    body: errorBody(415, `Unsupported 'Accept' header: ${accept}`, endpoint.docsRoot),
    operation: op,
    unchecked: true,
  };
}

function unparsableBody(
  endpoint: Endpoint,
  request: IncomingRequest,
  op: OpenApiOperation,
): Answer {
  endpoint.violation(`${request.where}: the request body is not JSON`);
  return {
    status: 400,
    body: errorBody(400, 'Problems parsing JSON', op.documentationUrl),
    operation: op,
  };
}

/** The 404 or 422 for a request the description rejects, or undefined when it passes. */
function rejectInvalid(
  endpoint: Endpoint,
  request: IncomingRequest,
  op: OpenApiOperation,
  check: RequestCheck,
): Answer | undefined {
  if (check.pathProblems.length > 0) {
    recordProblems(endpoint, request, op, check.pathProblems);
    return { status: 404, body: errorBody(404, 'Not Found', op.documentationUrl), operation: op };
  }
  if (check.problems.length === 0) return undefined;
  recordProblems(endpoint, request, op, check.problems);
  const message = `Invalid request.\n\n${check.problems.join('\n')}`;
  return {
    status: 422,
    body: errorBody(422, message, op.documentationUrl),
    operation: op,
    requestRejected: true,
  };
}

/** Runs the handler of the operation; a missing handler is a gap in the stand-in (404). */
async function runHandler(
  endpoint: Endpoint,
  request: IncomingRequest,
  op: OpenApiOperation,
  input: { check: RequestCheck; body: unknown; auth: Auth },
): Promise<Answer> {
  const handler = handlerFor(op.operationId);
  if (!handler) {
    endpoint.violation(
      `${request.where}: ${op.operationId} (${op.method} ${op.template}) is missing from the local GitHub stand-in`,
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
      world: endpoint.world,
      operation: op,
      params: input.check.params,
      query: input.check.query,
      body: input.body,
      auth: input.auth,
      url: request.url,
      violation: (message) => endpoint.violation(`${request.where}: ${message}`),
    });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return errorAnswer(endpoint, op, error);
  }
  return { ...result, operation: op };
}

/** Answers one REST request as GitHub would, recording every problem as a violation. */
export async function serveRest(endpoint: Endpoint, request: IncomingRequest): Promise<Answer> {
  const match = matchOperation(request.method, request.url.pathname);
  if (!match) return unknownOperation(endpoint, request);
  const op = match.operation;
  if (!acceptsJson(request.headers.accept)) return unsupportedAccept(endpoint, request, op);
  const body = parseBody(request.raw);
  if (!body) return unparsableBody(endpoint, request, op);
  const check = checkRequest(match, request.url.searchParams, body);
  const injected = endpoint.takeFailure(request.method, request.url.pathname);
  if (injected) {
    recordProblems(endpoint, request, op, [...check.pathProblems, ...check.problems]);
    return { ...injected, operation: op };
  }
  const auth = authenticate(endpoint.world, request.headers.authorization);
  if (auth instanceof HttpError) return errorAnswer(endpoint, op, auth);
  const refusal = jwtRefusal(auth, op.operationId);
  if (refusal) return errorAnswer(endpoint, op, refusal);
  const rejected = rejectInvalid(endpoint, request, op, check);
  if (rejected) return rejected;
  return runHandler(endpoint, request, op, { check, body: body.value, auth });
}
