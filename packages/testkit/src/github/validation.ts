// Checks traffic against GitHub's OpenAPI description: a request's path, query and JSON body
// (checkRequest), a response's status and body (checkResponse), and the same checks for tests
// without a server (validateRestRequest, validateRestResponse). Schemas compile in json-schema.ts.
import type { ErrorObject } from 'ajv';
import { compileSchema } from './json-schema.ts';
import {
  isObject,
  type JsonObject,
  type OpenApiOperation,
  type OpenApiParameter,
  resolveRef,
} from './openapi.ts';
import { matchOperation, type RouteMatch } from './router.ts';

/** The outcome of checking one request against its operation. */
export interface RequestCheck {
  /** Problems in the path parameters: GitHub would not route such a request (404). */
  pathProblems: string[];
  /** Problems in the query string or the JSON body: GitHub answers 422. */
  problems: string[];
  /** Path parameters converted to the types the description declares. */
  params: Record<string, unknown>;
  /** Query parameters converted to the types the description declares. */
  query: Record<string, unknown>;
}

/** A request body: whether the request had one, and its parsed JSON. */
export interface RequestBody {
  present: boolean;
  value: unknown;
}

/** Statuses GitHub answers on any operation, declared or not: auth, access, lookup, and outages. */
const GITHUB_WIDE_STATUSES = new Set([400, 401, 403, 404, 500, 502, 503, 504]);

function schemaType(schema: JsonObject): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (typeof schema.$ref === 'string') return schemaType(resolveRef(schema));
  return undefined;
}

function coerceScalar(value: string, schema: JsonObject): unknown {
  switch (schemaType(schema)) {
    case 'integer':
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

function coerceParam(values: string[], schema: JsonObject): unknown {
  if (schemaType(schema) === 'array') {
    const items = isObject(schema.items) ? schema.items : {};
    const flat = values.length === 1 ? (values[0] ?? '').split(',') : values;
    return flat.map((v) => coerceScalar(v, items));
  }
  return coerceScalar(values[values.length - 1] ?? '', schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).map((e) => {
    const at = `${where}${e.instancePath}`;
    if (e.keyword === 'required') {
      return `${at} is missing required property '${String(e.params.missingProperty)}'`;
    }
    if (e.keyword === 'additionalProperties') {
      return `${at} has unexpected property '${String(e.params.additionalProperty)}'`;
    }
    if (e.keyword === 'enum') {
      return `${at} ${e.message}: ${JSON.stringify(e.params.allowedValues)}`;
    }
    return `${at} ${e.message ?? e.keyword}`;
  });
}

function paramsSchema(params: OpenApiParameter[]): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const p of params) {
    properties[p.name] = p.schema;
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, required };
}

function pathParamsOf(match: RouteMatch, params: OpenApiParameter[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of params) {
    const raw = match.pathParams[p.name];
    if (raw !== undefined) values[p.name] = coerceParam([raw], p.schema);
  }
  return values;
}

function queryParamsOf(
  searchParams: URLSearchParams,
  params: OpenApiParameter[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of params) {
    const found = searchParams.getAll(p.name);
    if (found.length > 0) values[p.name] = coerceParam(found, p.schema);
  }
  return values;
}

/** Checks parameter values against the parameters' schemas; `where` is `path` or `query`. */
function checkParams(
  op: OpenApiOperation,
  where: 'path' | 'query',
  params: OpenApiParameter[],
  values: Record<string, unknown>,
): string[] {
  const validate = compileSchema(`${op.operationId} ${where}`, paramsSchema(params));
  return validate(values) ? [] : describeErrors(validate.errors, where);
}

function checkBody(op: OpenApiOperation, body: RequestBody): string[] {
  const rb = op.requestBody;
  if (!rb?.schema || !(body.present || rb.required)) return [];
  const validate = compileSchema(`${op.operationId} body`, rb.schema);
  return validate(body.present ? body.value : {}) ? [] : describeErrors(validate.errors, 'body');
}

/** Checks a request's path, query and JSON body against its operation in the description. */
export function checkRequest(
  match: RouteMatch,
  searchParams: URLSearchParams,
  body: RequestBody,
): RequestCheck {
  const op = match.operation;
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const params = pathParamsOf(match, pathParams);
  const query = queryParamsOf(searchParams, queryParams);
  const pathProblems = checkParams(op, 'path', pathParams, params);
  const problems = checkParams(op, 'query', queryParams, query);
  problems.push(...checkBody(op, body));
  return { pathProblems, problems, params, query };
}

/** An answer with a status the operation does not declare: GitHub-wide statuses in its error shape. */
function checkUndeclared(
  operation: OpenApiOperation,
  status: number,
  body: unknown,
  requestRejected: boolean,
): string[] {
  const allowed = GITHUB_WIDE_STATUSES.has(status) || (status === 422 && requestRejected);
  if (!allowed) return [`status ${status} is not a declared response of ${operation.operationId}`];
  const validate = compileSchema('basic-error', { $ref: '#/components/schemas/basic-error' });
  const label = `${operation.operationId} ${status}`;
  return validate(body) ? [] : describeErrors(validate.errors, `response ${label} body`);
}

/** Checks a response status and body against what the operation declares; returns the problems. */
export function checkResponse(
  operation: OpenApiOperation,
  status: number,
  body: unknown,
  options: { requestRejected?: boolean } = {},
): string[] {
  const declared = operation.responses[String(status)] ?? operation.responses.default;
  if (!declared) return checkUndeclared(operation, status, body, options.requestRejected === true);
  const label = `${operation.operationId} ${status}`;
  if (!declared.schema) {
    if (body !== undefined && declared.contentTypes.length === 0) {
      return [`response ${label} must have no body`];
    }
    return [];
  }
  if (body === undefined) return [`response ${label} must have a JSON body`];
  const validate = compileSchema(`${operation.operationId} response ${status}`, declared.schema);
  return validate(body) ? [] : describeErrors(validate.errors, `response ${label} body`);
}

/** Validates a REST response the way the local GitHub does; returns the problems (empty if valid). */
export function validateRestResponse(input: {
  method: string;
  path: string;
  status: number;
  body?: unknown;
}): string[] {
  const pathname = new URL(input.path, 'http://localhost').pathname;
  const match = matchOperation(input.method, pathname);
  if (!match) return [`${input.method} ${pathname} is not an operation of GitHub's REST API`];
  return checkResponse(match.operation, input.status, input.body);
}

/** Validates a REST request the way the local GitHub does; returns the problems (empty if valid). */
export function validateRestRequest(input: {
  method: string;
  path: string;
  body?: unknown;
}): string[] {
  const url = new URL(input.path, 'http://localhost');
  const match = matchOperation(input.method, url.pathname);
  if (!match) return [`${input.method} ${url.pathname} is not an operation of GitHub's REST API`];
  const check = checkRequest(match, url.searchParams, {
    present: input.body !== undefined,
    value: input.body,
  });
  return [...check.pathProblems, ...check.problems];
}
