// GitHub's OpenAPI 3.0 schemas turned into JSON Schema (draft-07 as Ajv reads it) and compiled by
// Ajv. Only the schemas an operation needs are converted and compiled, once per process.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { componentSchema, isObject, type JsonObject, resolveRef } from './openapi.ts';

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

let ajvInstance: Ajv | undefined;
const registeredComponents = new Set<string>();
const compiled = new Map<string, ValidateFunction>();

function refTarget(ref: string): string | undefined {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

function schemaId(name: string): string {
  return SCHEMA_ID_PREFIX + encodeURIComponent(name);
}

/** A `$ref`: to a component schema, an Ajv reference (recorded in `refs`); otherwise inlined. */
function convertRef(node: JsonObject & { $ref: string }, refs: Set<string>): unknown {
  const name = refTarget(node.$ref);
  if (name === undefined) return convertSchema(resolveRef(node), refs);
  refs.add(name);
  const ref = { $ref: schemaId(name) };
  return node.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
}

function convertProperties(value: unknown, refs: Set<string>): JsonObject {
  const props: JsonObject = {};
  for (const [prop, sub] of Object.entries(isObject(value) ? value : {})) {
    props[prop] = convertSchema(sub, refs);
  }
  return props;
}

/** Copies one keyword of an OpenAPI schema into the JSON Schema being built. */
function convertKeyword(out: JsonObject, key: string, value: unknown, refs: Set<string>): void {
  if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) return;
  switch (key) {
    case 'properties':
    case 'patternProperties':
      out[key] = convertProperties(value, refs);
      break;
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

/** OpenAPI's `nullable: true` in JSON Schema: `null` added to the type, or an `anyOf`. */
function allowNull(out: JsonObject): JsonObject {
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function convertSchema(node: unknown, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => convertSchema(n, refs));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') return convertRef(node as JsonObject & { $ref: string }, refs);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) convertKeyword(out, key, value, refs);
  return node.nullable === true ? allowNull(out) : out;
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
  while (pending.length > 0) {
    const name = pending.pop() ?? '';
    if (registeredComponents.has(name)) continue;
    registeredComponents.add(name);
    const refs = new Set<string>();
    const source = componentSchema(name);
    if (!isObject(source))
      throw new Error(`schema ${name} is missing from the OpenAPI description`);
    ajv().addSchema(convertSchema(source, refs) as JsonObject, schemaId(name));
    pending.push(...refs);
  }
}

/** The Ajv validator of an OpenAPI schema, compiled on first use and cached under `key`. */
export function compileSchema(key: string, schema: JsonObject): ValidateFunction {
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
