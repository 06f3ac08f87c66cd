// Parsers for the files DVC reads: JSON (as Python's json module), YAML (1.2, as ruamel's safe
// loader), CSV/TSV (as csv.DictReader). They return the Python-shaped tree of pyvalue.ts and, on
// bad input, an error that names the file and the line.
import type { Document as YamlDocument, Node as YamlNode } from 'yaml';
import { parseErrorMessage } from '../../pure/errors.ts';
import { fastYaml } from '../../pure/fastyaml.ts';
import { type PyKey, type PyNode, type PyScalar, py, pyStr } from '../../pure/pyvalue.ts';

/** DataParseError is a file that does not parse: which file, which line, and why. */
export class DataParseError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, reason: string) {
    super(parseErrorMessage(file, line, reason));
    this.name = 'DataParseError';
    this.file = file;
    this.line = line;
  }
}

/** The file kinds DVC reads as structured data, chosen by extension as DVC does. */
export type DataFormat = 'json' | 'yaml' | 'csv' | 'tsv' | 'toml' | 'py';

/** formatOf picks the parser DVC would use: .json, .toml, .py, .csv, .tsv, YAML for anything else. */
export function formatOf(path: string): DataFormat {
  const ext = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? '';
  if (ext === '.json') return 'json';
  if (ext === '.toml') return 'toml';
  if (ext === '.py') return 'py';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv') return 'tsv';
  return 'yaml';
}

/** parseStructured parses a params or metrics file as DVC does (JSON, else YAML); empty is {}. */
export async function parseStructured(file: string, text: string): Promise<PyNode> {
  const format = formatOf(file);
  if (format === 'json') return parseJson(file, text);
  // DVC's loader reads every other extension (.csv and .tsv included) as YAML.
  if (format !== 'toml' && format !== 'py') return parseYaml(file, text);
  throw new DataParseError(file, undefined, `${format.toUpperCase()} files are not read natively`);
}

// ---------------------------------------------------------------------------------------------
// JSON, as Python's json.loads: NaN and Infinity accepted, 1.0 is a float, later duplicate keys win.
// JSON.parse reads the common file, its reviver telling 1.0 from 1 by the number's source text
// (context.source); the hand-written JsonParser below reads what JSON.parse cannot: NaN and
// Infinity (Python's json writes them), integer-like keys (a JS object would move them first, a
// Python dict keeps the file's order), and broken files (its errors name the line).

/** parseJson parses JSON the way Python's json module does; `{}` for a null or empty document. */
export function parseJson(file: string, text: string): PyNode {
  const body = text.replace(/^\uFEFF/, '');
  let node: PyNode;
  try {
    node = JSON.parse(body, toPyNode) as PyNode;
  } catch (error) {
    if (!(error instanceof SyntaxError) && error !== NATIVE_CANNOT) throw error;
    node = new JsonParser(file, body).document();
  }
  return falsyToEmpty(node);
}

// Thrown by toPyNode where only JsonParser keeps Python's reading.
const NATIVE_CANNOT = Symbol('native JSON.parse cannot keep this');
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

// JSON.parse's reviver, called children first: every value becomes a PyNode.
function toPyNode(_key: string, value: unknown, context?: { source?: string }): PyNode {
  if (value === null) return py.none();
  if (typeof value === 'boolean') return py.bool(value);
  if (typeof value === 'string') return py.str(value);
  if (typeof value === 'number') {
    const source = context?.source;
    if (source === undefined) throw NATIVE_CANNOT;
    return /[.eE]/.test(source) ? py.float(value) : py.int(value);
  }
  if (Array.isArray(value)) return py.list(value as PyNode[]);
  const object = value as Record<string, PyNode>;
  const keys = Object.keys(object);
  if (keys.some((key) => ARRAY_INDEX.test(key))) throw NATIVE_CANNOT;
  return py.map(keys.map((key): [PyKey, PyNode] => [py.str(key), object[key]!]));
}

// DVC's loaders return `json.loads(text) or {}`: a falsy document (null, 0, "", []) reads as {}.
function falsyToEmpty(node: PyNode): PyNode {
  const falsy =
    node.t === 'null' ||
    (node.t === 'list' && node.items.length === 0) ||
    (node.t === 'map' && node.entries.length === 0) ||
    ((node.t === 'int' || node.t === 'float') && node.v === 0) ||
    (node.t === 'bool' && !node.v) ||
    (node.t === 'str' && node.v === '');
  return falsy ? py.map([]) : node;
}

class JsonParser {
  private pos = 0;
  private readonly file: string;
  private readonly text: string;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
  }

  document(): PyNode {
    this.space();
    if (this.pos >= this.text.length) this.fail('the file is empty');
    const value = this.value();
    this.space();
    if (this.pos < this.text.length)
      this.fail(`unexpected '${this.text[this.pos]}' after the value`);
    return value;
  }

  private line(at = this.pos): number {
    let line = 1;
    for (let i = 0; i < at && i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) line++;
    return line;
  }

  private fail(reason: string, at = this.pos): never {
    throw new DataParseError(this.file, this.line(at), `invalid JSON, ${reason}`);
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  private value(): PyNode {
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return py.str(this.string());
    if (ch === undefined) this.fail('the document ends too early');
    for (const [word, node] of [
      ['true', py.bool(true)],
      ['false', py.bool(false)],
      ['null', py.none()],
      ['NaN', py.float(Number.NaN)],
      ['Infinity', py.float(Number.POSITIVE_INFINITY)],
      ['-Infinity', py.float(Number.NEGATIVE_INFINITY)],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return node;
      }
    }
    return this.number();
  }

  private number(): PyNode {
    const match = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
    match.lastIndex = this.pos;
    const m = match.exec(this.text);
    if (!m) this.fail(`unexpected '${this.text[this.pos]}'`);
    this.pos = match.lastIndex;
    const isFloat = m[1] !== undefined || m[2] !== undefined;
    return isFloat ? py.float(Number(m[0])) : py.int(Number(m[0]));
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === '\n') this.fail('a string is not closed', start);
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\\') {
        const esc = this.text[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (esc !== undefined && esc in simple) {
          out += simple[esc];
          this.pos += 2;
        } else if (
          esc === 'u' &&
          /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))
        ) {
          out += String.fromCharCode(
            Number.parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16),
          );
          this.pos += 6;
        } else {
          this.fail('a string has an invalid escape');
        }
        continue;
      }
      out += ch;
      this.pos++;
    }
  }

  private object(): PyNode {
    this.pos++;
    const entries: [PyKey, PyNode][] = [];
    const index = new Map<string, number>();
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return py.map(entries);
    }
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail('expected a quoted key');
      const key = this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail("expected ':' after a key");
      this.pos++;
      this.space();
      const value = this.value();
      const seen = index.get(key);
      if (seen === undefined) {
        index.set(key, entries.length);
        entries.push([py.str(key), value]);
      } else {
        entries[seen] = [py.str(key), value];
      }
      this.space();
      const sep = this.text[this.pos];
      this.pos++;
      if (sep === '}') return py.map(entries);
      if (sep !== ',') this.fail("expected ',' or '}'", this.pos - 1);
    }
  }

  private array(): PyNode {
    this.pos++;
    const items: PyNode[] = [];
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return py.list(items);
    }
    for (;;) {
      this.space();
      items.push(this.value());
      this.space();
      const sep = this.text[this.pos];
      this.pos++;
      if (sep === ']') return py.list(items);
      if (sep !== ',') this.fail("expected ',' or ']'", this.pos - 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// YAML 1.2 (ruamel's safe loader): merge keys, anchors; a float keeps being a float.

const FLOAT_SOURCE =
  /^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)$/;

/** parseYaml parses YAML 1.2 into a Python-shaped tree; an empty document is {}. */
export async function parseYaml(file: string, text: string): Promise<PyNode> {
  const fast = fastYaml(text);
  if (fast) return falsyToEmpty(fast);
  return parseYamlFully(file, text);
}

// The full parser is loaded the first time fastYaml defers (actions/report/bench/fastyaml.mjs).
let yamlModule: Promise<typeof import('yaml')> | undefined;

/** parseYamlFully parses any YAML 1.2 with the full parser (errors name the line). */
export async function parseYamlFully(file: string, text: string): Promise<PyNode> {
  yamlModule ??= import('yaml');
  const yaml = await yamlModule;
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, {
    lineCounter,
    merge: true,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const problem = doc.errors[0];
  if (problem) {
    const line =
      problem.pos?.[0] === undefined ? undefined : lineCounter.linePos(problem.pos[0]).line;
    throw new DataParseError(file, line, `invalid YAML, ${problem.message.split('\n')[0]}`);
  }
  if (!doc.contents) return py.map([]);
  const lineOf = (node: YamlNode | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  return falsyToEmpty(convertYaml(yaml, doc, doc.contents as YamlNode, file, lineOf, 0));
}

function convertYaml(
  yaml: typeof import('yaml'),
  doc: YamlDocument,
  node: unknown,
  file: string,
  lineOf: (node: YamlNode | null | undefined) => number | undefined,
  depth: number,
): PyNode {
  if (depth > 200) throw new DataParseError(file, undefined, 'invalid YAML, nested too deeply');
  if (node === null || node === undefined) return py.none();
  if (yaml.isAlias(node)) return convertYaml(yaml, doc, node.resolve(doc), file, lineOf, depth + 1);
  if (yaml.isScalar(node)) return yamlScalar(node.value, node.source, node.tag);
  if (yaml.isSeq(node))
    return py.list(node.items.map((item) => convertYaml(yaml, doc, item, file, lineOf, depth + 1)));
  if (yaml.isMap(node)) {
    const entries: [PyKey, PyNode][] = [];
    const merged: [PyKey, PyNode][] = [];
    for (const pair of node.items) {
      if (!yaml.isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyValue = yaml.isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof keyValue === 'symbol') {
        // A merge key (`<<: *defaults`): its maps fill in keys this map does not set.
        const sources = yaml.isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of sources) {
          const resolved = convertYaml(yaml, doc, source, file, lineOf, depth + 1);
          if (resolved.t === 'map') merged.push(...resolved.entries);
        }
        continue;
      }
      const key = convertYaml(yaml, doc, keyNode, file, lineOf, depth + 1);
      if (key.t === 'map' || key.t === 'list') {
        throw new DataParseError(file, lineOf(keyNode), 'invalid YAML, a key is a collection');
      }
      entries.push([key, convertYaml(yaml, doc, pair.value, file, lineOf, depth + 1)]);
    }
    const own = new Set(entries.map(([k]) => pyStr(k)));
    const fromMerge: [PyKey, PyNode][] = [];
    for (const [k, v] of merged) {
      const name = pyStr(k);
      if (own.has(name)) continue;
      own.add(name);
      fromMerge.push([k, v]);
    }
    return py.map([...fromMerge, ...entries]);
  }
  return py.none();
}

function yamlScalar(value: unknown, source: string | undefined, tag: string | undefined): PyScalar {
  if (value === null || value === undefined) return py.none();
  if (typeof value === 'boolean') return py.bool(value);
  if (typeof value === 'bigint') return py.int(Number(value));
  if (typeof value === 'number') {
    const isFloat =
      tag === 'tag:yaml.org,2002:float' ||
      !Number.isInteger(value) ||
      FLOAT_SOURCE.test(source ?? '');
    return isFloat ? py.float(value) : py.int(value);
  }
  if (tag === 'tag:yaml.org,2002:float' && typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (!Number.isNaN(n)) return py.float(n);
  }
  if (tag === 'tag:yaml.org,2002:int' && typeof value === 'string' && /^[-+]?\d+$/.test(value)) {
    return py.int(Number(value));
  }
  return py.str(String(value));
}

// ---------------------------------------------------------------------------------------------
// CSV and TSV, as Python's csv.DictReader: the first row names the columns, values stay strings.

/** parseSv reads CSV/TSV rows into records keyed by the header (or by column index without one). */
export function parseSv(text: string, delimiter: string, header = true): Record<string, string>[] {
  const rows = splitSv(text.replace(/^\uFEFF/, ''), delimiter);
  if (rows.length === 0) return [];
  const names = header ? rows[0]! : rows[0]!.map((_, i) => String(i));
  const body = header ? rows.slice(1) : rows;
  return body.map((row) => {
    const record: Record<string, string> = {};
    names.forEach((name, i) => {
      record[name] = row[i] ?? '';
    });
    return record;
  });
}

function splitSv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endRow = () => {
    if (fieldStarted || row.length > 0) {
      row.push(field);
      rows.push(row);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  endRow();
  return rows;
}
