// Values as DVC (Python) sees them. DVC's params and metrics diffs compare Python objects: lists
// become their Python repr ("[64, 32]"), 1 == 1.0 == True, and a float prints as "1e-05". To agree
// with `dvc params diff --json` to the byte, files are parsed into this small tree that keeps the
// difference between ints and floats, and the Python rules are applied to it.

/** A parsed value that remembers what Python would have made of it. */
export type PyNode =
  | { t: 'map'; entries: [PyKey, PyNode][] }
  | { t: 'list'; items: PyNode[] }
  | PyScalar;

/** A leaf value: what flattened params and metrics are made of. */
export type PyScalar =
  | { t: 'str'; v: string }
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' };

/** A mapping key: Python allows scalars of any kind (YAML `1: one` has the int key 1). */
export type PyKey = PyScalar;

/** Shorthands that build nodes (used by the parsers and in tests). */
export const py = {
  str: (v: string): PyScalar => ({ t: 'str', v }),
  int: (v: number): PyScalar => ({ t: 'int', v }),
  float: (v: number): PyScalar => ({ t: 'float', v }),
  bool: (v: boolean): PyScalar => ({ t: 'bool', v }),
  none: (): PyScalar => ({ t: 'null' }),
  list: (items: PyNode[]): PyNode => ({ t: 'list', items }),
  map: (entries: [PyKey, PyNode][]): PyNode => ({ t: 'map', entries }),
};

/** isScalar tells a leaf from a map or a list. */
export function isScalar(node: PyNode): node is PyScalar {
  return node.t !== 'map' && node.t !== 'list';
}

/** pyFloatRepr formats a double as Python's repr() does: 0.1, 1.0, 1e-05, 1.5e+16, inf, nan. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest digits that round-trip, as Python does.
  const [mantissa = '', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${body}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction || '0'}`;
}

/** pyStringRepr quotes a string as Python's repr() does. */
export function pyStringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code < 0xa0) out += `\\x${code.toString(16)}`;
    else out += ch;
  }
  return out + quote;
}

/** pyRepr renders a node as Python's repr() of the parsed object. */
export function pyRepr(node: PyNode): string {
  switch (node.t) {
    case 'str':
      return pyStringRepr(node.v);
    case 'int':
      return String(node.v);
    case 'float':
      return pyFloatRepr(node.v);
    case 'bool':
      return node.v ? 'True' : 'False';
    case 'null':
      return 'None';
    case 'list':
      return `[${node.items.map(pyRepr).join(', ')}]`;
    case 'map':
      return `{${node.entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
}

/** pyStr renders a node as Python's str(): strings unquoted, everything else as repr(). */
export function pyStr(node: PyNode): string {
  return node.t === 'str' ? node.v : pyRepr(node);
}

/** numeric returns the number Python arithmetic would use (True is 1), or undefined. */
export function numeric(node: PyNode | undefined): number | undefined {
  if (!node) return undefined;
  if (node.t === 'int' || node.t === 'float') return node.v;
  if (node.t === 'bool') return node.v ? 1 : 0;
  return undefined;
}

/** pyEquals compares two leaves with Python's `==` (1 == 1.0 == True; "1" != 1). */
export function pyEquals(a: PyScalar | undefined, b: PyScalar | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== undefined || nb !== undefined) return na === nb;
  if (a.t === 'null' || b.t === 'null') return a.t === b.t;
  return a.t === 'str' && b.t === 'str' && a.v === b.v;
}

/** toJson converts a leaf to the JSON value DVC prints for it. */
export function toJson(node: PyScalar | undefined): string | number | boolean | null {
  if (!node) return null;
  switch (node.t) {
    case 'null':
      return null;
    default:
      return node.v;
  }
}

/**
 * toPlain converts a node to plain JavaScript (maps with string keys): keys as Python's str()
 * writes them by default (plot data), or as `keyOf` says.
 */
export function toPlain(node: PyNode, keyOf: (key: PyKey) => string = pyStr): unknown {
  switch (node.t) {
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries) out[keyOf(k)] = toPlain(v, keyOf);
      return out;
    }
    case 'list':
      return node.items.map((item) => toPlain(item, keyOf));
    case 'null':
      return null;
    default:
      return node.v;
  }
}

/** get returns the value under a key of a map node (the last one, as Python's dict keeps). */
export function mapGet(node: PyNode | undefined, key: string): PyNode | undefined {
  if (node?.t !== 'map') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const entry = node.entries[i]!;
    if (pyStr(entry[0]) === key) return entry[1];
  }
  return undefined;
}
