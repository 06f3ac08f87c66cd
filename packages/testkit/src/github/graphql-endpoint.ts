// POST /graphql: answers a failure the test queued, takes tokens only (auth.ts), reads the JSON
// body, and hands the request to graphql.ts, which validates it against GitHub's schema and runs it.
import { authenticate, graphQLToken } from './auth.ts';
import { type Answer, type Endpoint, HttpError, type IncomingRequest } from './endpoint.ts';
import { answerGraphQL } from './graphql.ts';

/** Answers one GraphQL request as GitHub would, recording every problem as a violation. */
export async function serveGraphQL(endpoint: Endpoint, request: IncomingRequest): Promise<Answer> {
  const injected = endpoint.takeFailure(request.method, request.url.pathname);
  if (injected) return injected;
  const docs = `${new URL(endpoint.docsRoot).origin}/graphql`;
  const token = graphQLToken(authenticate(endpoint.world, request.headers.authorization));
  if (token instanceof HttpError) {
    return { status: 401, body: { message: token.message, documentation_url: docs } };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.raw.toString('utf8'));
  } catch {
    endpoint.violation('POST /graphql: the body is not JSON');
    return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: docs } };
  }
  return answerGraphQL(
    endpoint.world,
    token,
    typeof body === 'object' && body !== null ? body : {},
    (message) => endpoint.violation(`POST /graphql: ${message}`),
  );
}
