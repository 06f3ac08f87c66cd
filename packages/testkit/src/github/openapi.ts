// GitHub's official OpenAPI description, loaded once per process: its operations with their
// parameters, request body, responses and documentation link, `$ref`s resolved. Matching a path to
// an operation is router.ts; checking traffic against the schemas is validation.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A JSON object of the description. */
export type JsonObject = Record<string, unknown>;

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

interface RawSpec {
  paths: Record<string, Record<string, JsonObject>>;
  components: Record<string, JsonObject>;
}

interface LoadedSpec {
  raw: RawSpec;
  /** Every operation, in the order of the description's paths and methods. */
  operations: OpenApiOperation[];
  docsRoot: string;
  loadMs: number;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let loaded: LoadedSpec | undefined;

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

/** Tells whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveComponentRef(raw: RawSpec, value: unknown): JsonObject {
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

function parametersOf(raw: RawSpec, op: JsonObject): OpenApiParameter[] {
  return ((op.parameters as unknown[] | undefined) ?? []).map((p) => {
    const param = resolveComponentRef(raw, p);
    return {
      name: String(param.name),
      in: param.in as OpenApiParameter['in'],
      required: param.required === true,
      schema: isObject(param.schema) ? param.schema : {},
      multiSegment: param['x-multi-segment'] === true,
    };
  });
}

function responsesOf(raw: RawSpec, op: JsonObject): OpenApiOperation['responses'] {
  const responses: OpenApiOperation['responses'] = {};
  for (const [status, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
    responses[status] = jsonSchemaOf(resolveComponentRef(raw, response).content);
  }
  return responses;
}

function buildOperation(
  raw: RawSpec,
  template: string,
  method: string,
  op: JsonObject,
  docsRoot: string,
): OpenApiOperation {
  const operation: OpenApiOperation = {
    operationId: String(op.operationId),
    method: method.toUpperCase(),
    template,
    parameters: parametersOf(raw, op),
    responses: responsesOf(raw, op),
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

function loadSpec(): LoadedSpec {
  if (loaded) return loaded;
  const started = performance.now();
  const file = findPackageFile('@octokit/openapi', join('generated', 'api.github.com.json'));
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSpec & JsonObject;
  const docs = isObject(raw.externalDocs) ? String(raw.externalDocs.url ?? '') : '';
  const docsRoot = docs ? `${new URL(docs).origin}/rest` : 'about:blank';
  const operations: OpenApiOperation[] = [];
  for (const [template, ops] of Object.entries(raw.paths)) {
    for (const method of HTTP_METHODS) {
      const op = ops[method];
      if (isObject(op)) operations.push(buildOperation(raw, template, method, op, docsRoot));
    }
  }
  loaded = { raw, operations, docsRoot, loadMs: performance.now() - started };
  return loaded;
}

/** Loads and indexes GitHub's OpenAPI description; the first call parses it, later calls reuse it. */
export function loadGitHubOpenApi(): {
  operations: number;
  loadMs: number;
  docsRoot: string;
} {
  const spec = loadSpec();
  return { operations: spec.operations.length, loadMs: spec.loadMs, docsRoot: spec.docsRoot };
}

/** Every operation of the description, in its order. */
export function openApiOperations(): readonly OpenApiOperation[] {
  return loadSpec().operations;
}

/** The documentation root GitHub names in error bodies that belong to no single operation. */
export function documentationRoot(): string {
  return loadSpec().docsRoot;
}

/** Follows a `#/components/...` `$ref` (and the refs it leads to) to the object it names. */
export function resolveRef(value: unknown): JsonObject {
  return resolveComponentRef(loadSpec().raw, value);
}

/** The schema `#/components/schemas/{name}` of the description, if it has one by that name. */
export function componentSchema(name: string): unknown {
  const schemas = loadSpec().raw.components.schemas ?? {};
  return schemas[name];
}
