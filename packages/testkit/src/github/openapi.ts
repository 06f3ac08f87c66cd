// GitHub's official OpenAPI description, loaded once per process, and the validators built from it.
// Only the schemas an operation needs are converted (OpenAPI 3.0 -> JSON Schema) and compiled.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type JsonObject = Record<string, unknown>;

/** One operation of the OpenAPI description, as the routing and validation code needs it. */
export interface OpenApiOperation {
  operationId: string;
  method: string;
  template: string;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; schema?: JsonObject; contentTypes: string[] };
  responses: Record<string, { schema?: JsonObject; contentTypes: string[] }>;
  documentationUrl: string;
}

/** One path or query parameter of an operation, with its `$ref` resolved. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonObject;
  multiSegment: boolean;
}

/** A request path matched to an operation, with the raw path parameters it captured. */
export interface RouteMatch {
  operation: OpenApiOperation;
  pathParams: Record<string, string>;
}

interface Segment {
  literal?: string;
  param?: string;
  multi: boolean;
}

interface Route {
  segments: Segment[];
  specificity: number[];
  operation: OpenApiOperation;
}

interface LoadedSpec {
  raw: {
    paths: Record<string, Record<string, JsonObject>>;
    components: Record<string, JsonObject>;
  };
  routes: Map<string, Map<string, Route[]>>;
  templates: Route[];
  docsRoot: string;
  loadMs: number;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_ID_PREFIX = 'openapi:components/schemas/';
const KNOWN_FORMATS = new Set(['date-time', 'date', 'time', 'uri', 'uri-template', 'email']);
const DROPPED_KEYWORDS = new Set([
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
  'nullable',
  'title',
  'description',
]);

let loaded: LoadedSpec | undefined;
let ajvInstance: Ajv | undefined;
const registeredComponents = new Set<string>();
const compiled = new Map<string, ValidateFunction>();

/** Finds a file inside an installed npm package by walking up the node_modules folders. */
export function findPackageFile(packageName: string, file: string): string {
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'node_modules', packageName, file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find ${packageName}/${file} in a node_modules folder above ${start}`);
    }
    dir = parent;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveComponentRef(raw: LoadedSpec['raw'], value: unknown): JsonObject {
  let current = value;
  for (let depth = 0; isObject(current) && typeof current.$ref === 'string'; depth++) {
    const parts = current.$ref.split('/');
    if (parts[0] !== '#' || parts[1] !== 'components' || depth > 10) {
      throw new Error(`unsupported $ref ${current.$ref}`);
    }
    const section = raw.components[parts[2] ?? ''];
    current = section?.[parts.slice(3).join('/')];
  }
  if (!isObject(current)) throw new Error('dangling $ref in the OpenAPI description');
  return current;
}

function jsonSchemaOf(content: unknown): { schema?: JsonObject; contentTypes: string[] } {
  if (!isObject(content)) return { contentTypes: [] };
  const contentTypes = Object.keys(content);
  const json = content['application/json'];
  const schema = isObject(json) && isObject(json.schema) ? json.schema : undefined;
  return schema ? { schema, contentTypes } : { contentTypes };
}

function buildOperation(
  raw: LoadedSpec['raw'],
  template: string,
  method: string,
  op: JsonObject,
  docsRoot: string,
): OpenApiOperation {
  const parameters: OpenApiParameter[] = [];
  for (const p of (op.parameters as unknown[] | undefined) ?? []) {
    const param = resolveComponentRef(raw, p);
    parameters.push({
      name: String(param.name),
      in: param.in as OpenApiParameter['in'],
      required: param.required === true,
      schema: isObject(param.schema) ? param.schema : {},
      multiSegment: param['x-multi-segment'] === true,
    });
  }
  const responses: OpenApiOperation['responses'] = {};
  for (const [status, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    responses[status] = jsonSchemaOf(resolveComponentRef(raw, response).content);
  }
  const operation: OpenApiOperation = {
    operationId: String(op.operationId),
    method: method.toUpperCase(),
    template,
    parameters,
    responses,
    documentationUrl:
      isObject(op.externalDocs) && typeof op.externalDocs.url === 'string'
        ? op.externalDocs.url
        : docsRoot,
  };
  if (op.requestBody !== undefined) {
    const body = resolveComponentRef(raw, op.requestBody);
    operation.requestBody = { required: body.required === true, ...jsonSchemaOf(body.content) };
  }
  return operation;
}

function compileRoute(operation: OpenApiOperation): Route {
  const multi = new Set(operation.parameters.filter((p) => p.multiSegment).map((p) => p.name));
  const segments: Segment[] = operation.template
    .split('/')
    .slice(1)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (m?.[1]) return { param: m[1], multi: multi.has(m[1]) };
      return { literal: part, multi: false };
    });
  const specificity = segments.map((s) => (s.literal !== undefined ? 0 : s.multi ? 2 : 1));
  return { segments, specificity, operation };
}

/** Loads and indexes GitHub's OpenAPI description; the first call parses it, later calls reuse it. */
export function loadGitHubOpenApi(): {
  operations: number;
  loadMs: number;
  docsRoot: string;
} {
  const spec = spec0();
  return { operations: spec.templates.length, loadMs: spec.loadMs, docsRoot: spec.docsRoot };
}

function spec0(): LoadedSpec {
  if (loaded) return loaded;
  const started = performance.now();
  const file = findPackageFile('@octokit/openapi', join('generated', 'api.github.com.json'));
  const raw = JSON.parse(readFileSync(file, 'utf8')) as LoadedSpec['raw'] & JsonObject;
  const docs = isObject(raw.externalDocs) ? String(raw.externalDocs.url ?? '') : '';
  const docsRoot = docs ? `${new URL(docs).origin}/rest` : 'about:blank';
  const routes = new Map<string, Map<string, Route[]>>();
  const templates: Route[] = [];
  for (const [template, ops] of Object.entries(raw.paths)) {
    for (const method of HTTP_METHODS) {
      const op = ops[method];
      if (!isObject(op)) continue;
      const route = compileRoute(buildOperation(raw, template, method, op, docsRoot));
      templates.push(route);
      const first = route.segments[0]?.literal ?? '*';
      const byMethod = routes.get(route.operation.method) ?? new Map<string, Route[]>();
      routes.set(route.operation.method, byMethod);
      const list = byMethod.get(first) ?? [];
      list.push(route);
      byMethod.set(first, list);
    }
  }
  loaded = { raw, routes, templates, docsRoot, loadMs: performance.now() - started };
  return loaded;
}

/** The documentation root GitHub names in error bodies that belong to no single operation. */
export function documentationRoot(): string {
  return spec0().docsRoot;
}

function matchSegments(
  segments: Segment[],
  parts: string[],
  si: number,
  pi: number,
  params: Record<string, string>,
): boolean {
  if (si === segments.length) return pi === parts.length;
  const segment = segments[si];
  if (!segment || pi >= parts.length) return false;
  const part = parts[pi] ?? '';
  if (segment.literal !== undefined) {
    return segment.literal === part && matchSegments(segments, parts, si + 1, pi + 1, params);
  }
  const name = segment.param ?? '';
  if (part === '') return false;
  const maxEnd = segment.multi ? parts.length : pi + 1;
  for (let end = maxEnd; end > pi; end--) {
    const taken = parts.slice(pi, end);
    if (taken.some((p) => p === '')) continue;
    params[name] = taken.join('/');
    if (matchSegments(segments, parts, si + 1, end, params)) return true;
  }
  delete params[name];
  return false;
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function splitPath(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .slice(1)
      .map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
}

/** Finds the OpenAPI operation for a method and path, preferring literal segments over templates. */
export function matchOperation(method: string, pathname: string): RouteMatch | undefined {
  const spec = spec0();
  const parts = splitPath(pathname);
  if (!parts) return undefined;
  const byMethod = spec.routes.get(method.toUpperCase());
  const candidates = [...(byMethod?.get(parts[0] ?? '') ?? []), ...(byMethod?.get('*') ?? [])];
  let best: { route: Route; params: Record<string, string> } | undefined;
  for (const route of candidates) {
    const params: Record<string, string> = {};
    if (!matchSegments(route.segments, parts, 0, 0, params)) continue;
    if (!best || compareSpecificity(route.specificity, best.route.specificity) < 0) {
      best = { route, params };
    }
  }
  return best ? { operation: best.route.operation, pathParams: best.params } : undefined;
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 schema -> JSON Schema (draft-07 as Ajv reads it)

function refTarget(ref: string): string | undefined {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

function schemaId(name: string): string {
  return SCHEMA_ID_PREFIX + encodeURIComponent(name);
}

function convertSchema(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => convertSchema(n, refs));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const name = refTarget(node.$ref);
    if (name === undefined) {
      return convertSchema(resolveComponentRef(spec0().raw, node), refs);
    }
    refs.add(name);
    const ref = { $ref: schemaId(name) };
    return node.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    switch (key) {
      case 'properties':
      case 'patternProperties': {
        const props: JsonObject = {};
        for (const [prop, sub] of Object.entries(isObject(value) ? value : {})) {
          props[prop] = convertSchema(sub, refs);
        }
        out[key] = props;
        break;
      }
      case 'items':
      case 'additionalProperties':
      case 'not':
        out[key] = typeof value === 'boolean' ? value : convertSchema(value, refs);
        break;
      case 'allOf':
      case 'anyOf':
        out[key] = convertSchema(value, refs);
        break;
      case 'oneOf':
        // GitHub's description uses oneOf for overlapping branches (a private user is also a valid
        // public user), so exclusive matching would reject genuine payloads: read it as anyOf.
        out.anyOf = convertSchema(value, refs);
        break;
      case 'format':
        if (typeof value === 'string' && KNOWN_FORMATS.has(value)) out.format = value;
        break;
      default:
        out[key] = value;
    }
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function ajv(): Ajv {
  if (ajvInstance) return ajvInstance;
  const instance = new Ajv({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
    validateSchema: false,
    addUsedSchema: false,
  });
  const addFormats = (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default;
  addFormats(instance);
  ajvInstance = instance;
  return instance;
}

function registerComponents(names: Iterable<string>): void {
  const pending = [...names];
  const schemas = spec0().raw.components.schemas ?? {};
  while (pending.length > 0) {
    const name = pending.pop() ?? '';
    if (registeredComponents.has(name)) continue;
    registeredComponents.add(name);
    const refs = new Set<string>();
    const source = schemas[name];
    if (!isObject(source))
      throw new Error(`schema ${name} is missing from the OpenAPI description`);
    ajv().addSchema(convertSchema(source, refs) as JsonObject, schemaId(name));
    pending.push(...refs);
  }
}

function compileCached(key: string, schema: JsonObject): ValidateFunction {
  const hit = compiled.get(key);
  if (hit) return hit;
  const refs = new Set<string>();
  const converted = convertSchema(schema, refs) as JsonObject;
  registerComponents(refs);
  const validate = ajv().compile(converted);
  compiled.set(key, validate);
  return validate;
}

/** How many operation validators this process has compiled so far (they are cached for reuse). */
export function compiledValidatorCount(): number {
  return compiled.size;
}

// ---------------------------------------------------------------------------------------------
// Request validation

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

function schemaType(schema: JsonObject): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (typeof schema.$ref === 'string') {
    return schemaType(resolveComponentRef(spec0().raw, schema));
  }
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

/** Checks a request's path, query and JSON body against its operation in the description. */
export function checkRequest(
  match: RouteMatch,
  searchParams: URLSearchParams,
  body: { present: boolean; value: unknown },
): RequestCheck {
  const op = match.operation;
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const params: Record<string, unknown> = {};
  for (const p of pathParams) {
    const raw = match.pathParams[p.name];
    if (raw !== undefined) params[p.name] = coerceParam([raw], p.schema);
  }
  const query: Record<string, unknown> = {};
  for (const p of queryParams) {
    const values = searchParams.getAll(p.name);
    if (values.length > 0) query[p.name] = coerceParam(values, p.schema);
  }
  const pathCheck = compileCached(`${op.operationId} path`, paramsSchema(pathParams));
  const pathProblems = pathCheck(params) ? [] : describeErrors(pathCheck.errors, 'path');
  const queryCheck = compileCached(`${op.operationId} query`, paramsSchema(queryParams));
  const problems = queryCheck(query) ? [] : describeErrors(queryCheck.errors, 'query');
  const rb = op.requestBody;
  if (rb?.schema) {
    const value = body.present ? body.value : {};
    if (body.present || rb.required) {
      const validate = compileCached(`${op.operationId} body`, rb.schema);
      if (!validate(value)) problems.push(...describeErrors(validate.errors, 'body'));
    }
  }
  return { pathProblems, problems, params, query };
}

// ---------------------------------------------------------------------------------------------
// Response validation

/** Statuses GitHub answers on any operation, declared or not: auth, access, lookup, and outages. */
const GITHUB_WIDE_STATUSES = new Set([400, 401, 403, 404, 500, 502, 503, 504]);

/** Checks a response status and body against what the operation declares; returns the problems. */
export function checkResponse(
  operation: OpenApiOperation,
  status: number,
  body: unknown,
  options: { requestRejected?: boolean } = {},
): string[] {
  const declared = operation.responses[String(status)] ?? operation.responses.default;
  const label = `${operation.operationId} ${status}`;
  if (!declared) {
    const allowed =
      GITHUB_WIDE_STATUSES.has(status) || (status === 422 && options.requestRejected === true);
    if (!allowed)
      return [`status ${status} is not a declared response of ${operation.operationId}`];
    // Undeclared but GitHub-wide: the body must still be GitHub's error shape.
    const validate = compileCached('basic-error', { $ref: '#/components/schemas/basic-error' });
    return validate(body) ? [] : describeErrors(validate.errors, `response ${label} body`);
  }
  if (!declared.schema) {
    if (body !== undefined && declared.contentTypes.length === 0) {
      return [`response ${label} must have no body`];
    }
    return [];
  }
  if (body === undefined) return [`response ${label} must have a JSON body`];
  const validate = compileCached(`${operation.operationId} response ${status}`, declared.schema);
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
