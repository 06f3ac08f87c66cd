// What the REST and GraphQL endpoints share: the request as they get it, the parts of the server
// they use, the Answer they give back, and GitHub's error answers (HttpError, errorBody).
import type { IncomingHttpHeaders } from 'node:http';
import type { OpenApiOperation } from './openapi.ts';
import type { World } from './world.ts';

/** One request, its body read: what an endpoint answers. */
export interface IncomingRequest {
  /** Upper case. */
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** `METHOD /path?query`, the prefix of the violations this request records. */
  where: string;
}

/** The parts of a running local GitHub an endpoint uses. */
export interface Endpoint {
  world: World;
  /** The documentation root named in errors that belong to no single operation. */
  docsRoot: string;
  /** Records a problem the test should see. */
  violation(message: string): void;
  /** The failure `failNext` queued for this request, if any (taking it uses it up). */
  takeFailure(method: string, pathname: string): Answer | undefined;
}

/** What an endpoint answers; the server checks it against the description and writes it. */
export interface Answer {
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

/** An error answer with GitHub's body shape (`message`, `documentation_url`, `status`). */
export class HttpError extends Error {
  readonly status: number;
  readonly errors: unknown[] | undefined;

  constructor(status: number, message: string, errors?: unknown[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.errors = errors;
  }
}

/** GitHub's 404, which also hides what the caller may not see. */
export function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

/** GitHub's REST error body. */
export function errorBody(
  status: number,
  message: string,
  documentationUrl: string,
  errors?: unknown[],
) {
  const body: Record<string, unknown> = { message };
  if (errors) body.errors = errors;
  body.documentation_url = documentationUrl;
  body.status = String(status);
  return body;
}
