export const id = 17;
export const ids = [17];
export const modules = {

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportStep: () => (/* binding */ reportStep)
});

// UNUSED EXPORTS: dvcOnDemand, reportMarker

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 7 modules
var src = __webpack_require__(2949);
// EXTERNAL MODULE: ../../packages/core/src/exec.ts
var exec = __webpack_require__(8018);
// EXTERNAL MODULE: ../../packages/core/src/git.ts
var src_git = __webpack_require__(2735);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
// EXTERNAL MODULE: ../../packages/core/src/pure/pyvalue.ts
var pyvalue = __webpack_require__(8370);
;// CONCATENATED MODULE: ../../packages/core/src/report/charts/plot-data.ts
/** File extensions DVC shows as images rather than data. */
const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.svg'];
/** isImagePath tells whether DVC shows a file as an image. */
function isImagePath(path) {
    const lower = path.toLowerCase();
    return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
/** templateKind maps a DVC template name to how the report draws it. */
function templateKind(template) {
    switch (template) {
        case 'scatter':
        case 'scatter_jitter':
            return 'scatter';
        case 'confusion':
            return 'confusion';
        case 'confusion_normalized':
            return 'confusion_normalized';
        case 'bar_horizontal':
        case 'bar_horizontal_sorted':
            return 'bar';
        default:
            return 'line';
    }
}
/**
 * resolvePlots turns definitions into plots. `expand` lists the files under a path when it is a
 * folder at this revision (undefined when it is a file), so a folder of images gives one plot each.
 * A path declared both as an output and at the top level is drawn once, with the top-level props.
 */
function resolvePlots(definitions, expand) {
    const byId = new Map();
    const add = (spec, override) => {
        if (!byId.has(spec.id) || override)
            byId.set(spec.id, spec);
    };
    // Top-level definitions first in the order written, then stage outputs that are not drawn yet.
    const ordered = [
        ...definitions.filter((d) => !d.fromOutput),
        ...definitions.filter((d) => d.fromOutput),
    ];
    for (const def of ordered) {
        if (!def.idIsPath) {
            const y = (def.props.y ?? {});
            const files = [...new Set([...Object.keys(y), ...xFiles(def.props.x)])];
            add({ id: def.id, kind: 'data', title: def.props.title ?? def.id, props: def.props, files }, false);
            continue;
        }
        const paths = expand(def.id) ?? [def.id];
        for (const path of paths) {
            const kind = isImagePath(path) ? 'image' : 'data';
            add({ id: path, kind, title: def.props.title ?? path, props: def.props, files: [path] }, false);
        }
    }
    return [...byId.values()];
}
function xFiles(x) {
    return x && typeof x === 'object' ? Object.keys(x) : [];
}
function lists(blob) {
    if (Array.isArray(blob))
        return [blob];
    const out = [];
    if (blob && typeof blob === 'object') {
        for (const value of Object.values(blob)) {
            if (Array.isArray(value))
                out.push(value);
            else if (value && typeof value === 'object')
                out.push(...lists(value));
        }
    }
    return out;
}
function isDatapoints(list) {
    if (list.length === 0)
        return false;
    if (!list.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item)))
        return false;
    const first = Object.keys(list[0]);
    const all = new Set(list.flatMap((item) => Object.keys(item)));
    return all.size === first.length && first.every((k) => all.has(k));
}
/** datapoints extracts rows from a parsed plot file: a list of records, or lists nested in maps. */
function datapoints(content) {
    const result = [];
    for (const list of lists(content)) {
        if (!isDatapoints(list))
            continue;
        list.forEach((point, index) => {
            result[index] = { ...(result[index] ?? {}), ...point };
        });
    }
    return result;
}
/** PlotDataError is a plot whose data does not fit its definition (a field that is not there). */
class PlotDataError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PlotDataError';
    }
}
function fileFields(axis) {
    const out = [];
    for (const [file, value] of Object.entries(axis ?? {})) {
        if (typeof value === 'string')
            out.push([file, value]);
        else if (Array.isArray(value))
            for (const field of value)
                out.push([file, String(field)]);
    }
    return out;
}
/** The step DVC uses as x when none is given. */
const INDEX_FIELD = 'step';
/**
 * plotData computes a data plot's series from its files' parsed contents (files missing at this
 * revision are absent from `contents`); undefined when none of its files is there.
 */
function plotData(spec, contents) {
    const props = spec.props;
    const points = new Map();
    for (const file of spec.files) {
        if (contents.has(file))
            points.set(file, datapoints(contents.get(file)));
    }
    if (points.size === 0)
        return undefined;
    let xAxis;
    let yAxis;
    if (typeof props.x === 'string') {
        xAxis = {};
        if (props.y && typeof props.y === 'object' && !Array.isArray(props.y)) {
            for (const [file, fields] of Object.entries(props.y)) {
                xAxis[file] = Array.isArray(fields)
                    ? fields.map(() => props.x)
                    : props.x;
            }
        }
        else {
            xAxis[spec.id] = props.x;
        }
    }
    else if (props.x && typeof props.x === 'object') {
        xAxis = props.x;
    }
    if (props.y === undefined) {
        const first = points.get(spec.id)?.[0];
        const keys = first ? Object.keys(first) : [];
        const last = keys[keys.length - 1];
        yAxis = last === undefined ? undefined : { [spec.id]: last };
    }
    else if (typeof props.y === 'string' || Array.isArray(props.y)) {
        yAxis = { [spec.id]: props.y };
    }
    else {
        yAxis = props.y;
    }
    const check = (file, field) => {
        const first = points.get(file)?.[0];
        if (first && !(field in first)) {
            throw new PlotDataError(`plot '${spec.id}': field '${field}' is not in ${file} (it has ${Object.keys(first).join(', ')})`);
        }
    };
    const xs = fileFields(xAxis);
    const ys = fileFields(yAxis);
    for (const [file, field] of [...xs, ...ys])
        check(file, field);
    if (xs.length > 1 && xs.length !== ys.length) {
        throw new PlotDataError(`plot '${spec.id}': ${xs.length} x sources for ${ys.length} y sources`);
    }
    const series = [];
    ys.forEach(([yFile, yField], i) => {
        const rows = points.get(yFile);
        if (!rows)
            return;
        const x = xs.length > 1 ? xs[i] : xs[0];
        const xRows = x ? points.get(x[0]) : undefined;
        series.push({
            file: yFile,
            field: yField,
            points: rows.map((row, index) => ({
                x: x ? (xRows?.[index]?.[x[1]] ?? null) : index,
                y: row[yField] ?? null,
            })),
        });
    });
    const xFieldNames = [...new Set(xs.map(([, f]) => f))];
    const yFieldNames = [...new Set(ys.map(([, f]) => f))];
    const xField = xFieldNames.length === 0 ? INDEX_FIELD : xFieldNames.length === 1 ? xFieldNames[0] : 'x';
    const yField = yFieldNames.length === 1 ? yFieldNames[0] : 'y';
    return {
        series,
        xField,
        yField,
        xLabel: props.x_label ?? xField,
        yLabel: props.y_label ?? yField,
    };
}
/** confusionMatrix counts (x, y) pairs of the first series' rows, as DVC's confusion template does. */
function confusionMatrix(spec, contents) {
    const xField = typeof spec.props.x === 'string' ? spec.props.x : Object.values(spec.props.x ?? {}).flat()[0];
    const yEntry = typeof spec.props.y === 'string'
        ? [spec.id, spec.props.y]
        : Array.isArray(spec.props.y)
            ? [spec.id, spec.props.y[0]]
            : fileFields(spec.props.y)[0];
    if (!xField || !yEntry?.[1])
        return undefined;
    const [file, yField] = yEntry;
    if (!contents.has(file))
        return undefined;
    const rows = datapoints(contents.get(file));
    const first = rows[0];
    for (const field of [xField, yField]) {
        if (first && !(field in first)) {
            throw new PlotDataError(`plot '${spec.id}': field '${field}' is not in ${file} (it has ${Object.keys(first).join(', ')})`);
        }
    }
    const counts = new Map();
    const rowLabels = new Set();
    const columnLabels = new Set();
    for (const row of rows) {
        const r = String(row[xField] ?? '');
        const c = String(row[yField] ?? '');
        rowLabels.add(r);
        columnLabels.add(c);
        const key = cellKey(r, c);
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const labels = sortLabels([...new Set([...rowLabels, ...columnLabels])]);
    return { rows: labels, columns: labels, counts };
}
/** cellKey names one cell of a confusion matrix. */
function cellKey(row, column) {
    return `${row}\u0000${column}`;
}
/** sortLabels sorts class labels numerically when they are all numbers, else as text. */
function sortLabels(labels) {
    const numeric = labels.every((l) => l.trim() !== '' && !Number.isNaN(Number(l)));
    return [...labels].sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
}

;// CONCATENATED MODULE: ../../packages/core/src/report/diff/data.ts
// The params and metrics diffs, with DVC's semantics (dvc/utils/diff.py): nested keys flattened with
// dots, lists compared as their Python repr, numbers compared across int/float/bool, a value missing
// on one side shown as null, and `diff` = new - old for numbers.

const UNABLE_TO_PARSE = pyvalue.py.str('unable to parse');
/** selectKeys keeps only the given dotted key paths of a params tree, as dpath.search does. */
function selectKeys(node, keys) {
    if (keys.length === 0)
        return node;
    let result = pyvalue.py.map([]);
    for (const key of keys) {
        const found = search(node, key.split('.'));
        if (found)
            result = merge(result, found);
    }
    return result;
}
function search(node, segments) {
    if (segments.length === 0)
        return node;
    const [head, ...rest] = segments;
    if (node.t === 'map') {
        const entries = [];
        for (const [k, v] of node.entries) {
            if (head !== '*' && (0,pyvalue/* pyStr */.rD)(k) !== head)
                continue;
            const found = search(v, rest);
            if (found)
                entries.push([k, found]);
        }
        return entries.length > 0 ? pyvalue.py.map(entries) : undefined;
    }
    if (node.t === 'list' && /^\d+$/.test(head)) {
        const item = node.items[Number(head)];
        const found = item && search(item, rest);
        return found ? pyvalue.py.list([found]) : undefined;
    }
    return undefined;
}
function merge(into, from) {
    if (into.t !== 'map' || from.t !== 'map')
        return from;
    const entries = [...into.entries];
    for (const [k, v] of from.entries) {
        const at = entries.findIndex(([key]) => (0,pyvalue/* pyStr */.rD)(key) === (0,pyvalue/* pyStr */.rD)(k));
        if (at >= 0)
            entries[at] = [k, merge(entries[at][1], v)];
        else
            entries.push([k, v]);
    }
    return pyvalue.py.map(entries);
}
/** extractMetrics keeps numbers, strings and booleans (and maps of them), as DVC's metrics show does. */
function extractMetrics(node) {
    const kept = extract(node);
    return kept === undefined ? pyvalue.py.map([]) : kept;
}
function extract(node) {
    if (node.t === 'map') {
        const entries = [];
        for (const [k, v] of node.entries) {
            const m = extract(v);
            if (m !== undefined)
                entries.push([k, m]);
        }
        return entries.length > 0 ? pyvalue.py.map(entries) : undefined;
    }
    if (node.t === 'list' || node.t === 'null')
        return undefined;
    return node;
}
/** flatten turns nested maps into dotted keys; lists become their Python repr; empty maps vanish. */
function flatten(node) {
    const out = new Map();
    const walk = (n, prefix) => {
        if (n.t === 'map') {
            for (const [k, v] of n.entries) {
                const key = prefix === undefined ? (0,pyvalue/* pyStr */.rD)(k) : `${prefix}.${(0,pyvalue/* pyStr */.rD)(k)}`;
                walk(v, key);
            }
        }
        else if (n.t === 'list') {
            out.set(prefix ?? '', pyvalue.py.str((0,pyvalue/* pyRepr */.n3)(n)));
        }
        else {
            out.set(prefix ?? '', n);
        }
    };
    walk(node, undefined);
    return out;
}
function isEmpty(node) {
    if (node.t === 'map')
        return node.entries.length === 0;
    if (node.t === 'list')
        return node.items.length === 0;
    if (node.t === 'null')
        return true;
    if (node.t === 'str')
        return node.v === '';
    return (0,pyvalue/* numeric */.sH)(node) === 0;
}
function diffValues(old, next, all) {
    const a = old?.t === 'null' ? undefined : old;
    const b = next?.t === 'null' ? undefined : next;
    if (!all && (0,pyvalue/* pyEquals */.PU)(a, b))
        return undefined;
    const result = { old: a, new: b };
    const na = a && a.t !== 'str' ? (0,pyvalue/* numeric */.sH)(a) : undefined;
    const nb = b && b.t !== 'str' ? (0,pyvalue/* numeric */.sH)(b) : undefined;
    if (na !== undefined && nb !== undefined)
        result.diff = nb - na;
    return result;
}
function fileDiff(old, next, all) {
    const result = new Map();
    const o = old ?? pyvalue.py.map([]);
    const n = next ?? pyvalue.py.map([]);
    if (o.t === 'map' || n.t === 'map') {
        const side = (node) => node.t === 'map' ? flatten(node) : isEmpty(node) ? new Map() : undefined;
        const a = side(o);
        const b = side(n);
        const keys = [...new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])])];
        for (const key of keys) {
            const d = diffValues(a ? a.get(key) : UNABLE_TO_PARSE, b ? b.get(key) : UNABLE_TO_PARSE, all);
            if (d)
                result.set(key, d);
        }
        return result;
    }
    const scalar = (node) => ((0,pyvalue/* isScalar */.jn)(node) ? node : pyvalue.py.str((0,pyvalue/* pyRepr */.n3)(node)));
    const d = diffValues(isEmpty(o) ? undefined : scalar(o), isEmpty(n) ? undefined : scalar(n), all);
    if (d)
        result.set('', d);
    return result;
}
/**
 * diffData compares one kind of data between two revisions as `dvc params|metrics diff` does;
 * files are listed in the order they were declared, `all` keeps unchanged values too.
 */
function diffData(old, next, all = false) {
    const result = new Map();
    const paths = [...new Set([...next.keys(), ...old.keys()])];
    for (const path of paths) {
        const a = old.get(path);
        const b = next.get(path);
        const d = fileDiff(a?.kind === 'data' ? a.node : undefined, b?.kind === 'data' ? b.node : undefined, all);
        if (d.size > 0)
            result.set(path, d);
    }
    return result;
}
/** diffToJson renders a diff in the shape of `dvc params|metrics diff --json`. */
function diffToJson(diff) {
    const out = {};
    const json = (v) => (v === undefined || v.t === 'null' ? null : v.v);
    for (const [path, keys] of diff) {
        const entry = {};
        for (const [key, d] of keys) {
            entry[key] =
                d.diff === undefined
                    ? { old: json(d.old), new: json(d.new) }
                    : { old: json(d.old), new: json(d.new), diff: d.diff };
        }
        out[path] = entry;
    }
    return out;
}

// EXTERNAL MODULE: ../../packages/core/src/pure/fastyaml.ts
var fastyaml = __webpack_require__(65);
;// CONCATENATED MODULE: ../../packages/core/src/report/read/parse.ts



/** DataParseError is a file that does not parse: which file, which line, and why. */
class DataParseError extends Error {
    file;
    line;
    constructor(file, line, reason) {
        super((0,errors/* parseErrorMessage */.xI)(file, line, reason));
        this.name = 'DataParseError';
        this.file = file;
        this.line = line;
    }
}
/** formatOf picks the parser DVC would use: .json, .toml, .py, .csv, .tsv, YAML for anything else. */
function formatOf(path) {
    const ext = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? '';
    if (ext === '.json')
        return 'json';
    if (ext === '.toml')
        return 'toml';
    if (ext === '.py')
        return 'py';
    if (ext === '.csv')
        return 'csv';
    if (ext === '.tsv')
        return 'tsv';
    return 'yaml';
}
/** parseStructured parses a params or metrics file as DVC does (JSON, else YAML); empty is {}. */
async function parseStructured(file, text) {
    const format = formatOf(file);
    if (format === 'json')
        return parseJson(file, text);
    // DVC's loader reads every other extension (.csv and .tsv included) as YAML.
    if (format !== 'toml' && format !== 'py')
        return parseYaml(file, text);
    throw new DataParseError(file, undefined, `${format.toUpperCase()} files are not read natively`);
}
// ---------------------------------------------------------------------------------------------
// JSON, as Python's json.loads: NaN and Infinity accepted, 1.0 is a float, later duplicate keys win.
// JSON.parse reads the common file, its reviver telling 1.0 from 1 by the number's source text
// (context.source); the hand-written JsonParser below reads what JSON.parse cannot: NaN and
// Infinity (Python's json writes them), integer-like keys (a JS object would move them first, a
// Python dict keeps the file's order), and broken files (its errors name the line).
/** parseJson parses JSON the way Python's json module does; `{}` for a null or empty document. */
function parseJson(file, text) {
    const body = text.replace(/^\uFEFF/, '');
    let node;
    try {
        node = JSON.parse(body, toPyNode);
    }
    catch (error) {
        if (!(error instanceof SyntaxError) && error !== NATIVE_CANNOT)
            throw error;
        node = new JsonParser(file, body).document();
    }
    return falsyToEmpty(node);
}
// Thrown by toPyNode where only JsonParser keeps Python's reading.
const NATIVE_CANNOT = Symbol('native JSON.parse cannot keep this');
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
// JSON.parse's reviver, called children first: every value becomes a PyNode.
function toPyNode(_key, value, context) {
    if (value === null)
        return pyvalue.py.none();
    if (typeof value === 'boolean')
        return pyvalue.py.bool(value);
    if (typeof value === 'string')
        return pyvalue.py.str(value);
    if (typeof value === 'number') {
        const source = context?.source;
        if (source === undefined)
            throw NATIVE_CANNOT;
        return /[.eE]/.test(source) ? pyvalue.py.float(value) : pyvalue.py.int(value);
    }
    if (Array.isArray(value))
        return pyvalue.py.list(value);
    const object = value;
    const keys = Object.keys(object);
    if (keys.some((key) => ARRAY_INDEX.test(key)))
        throw NATIVE_CANNOT;
    return pyvalue.py.map(keys.map((key) => [pyvalue.py.str(key), object[key]]));
}
// DVC's loaders return `json.loads(text) or {}`: a falsy document (null, 0, "", []) reads as {}.
function falsyToEmpty(node) {
    const falsy = node.t === 'null' ||
        (node.t === 'list' && node.items.length === 0) ||
        (node.t === 'map' && node.entries.length === 0) ||
        ((node.t === 'int' || node.t === 'float') && node.v === 0) ||
        (node.t === 'bool' && !node.v) ||
        (node.t === 'str' && node.v === '');
    return falsy ? pyvalue.py.map([]) : node;
}
class JsonParser {
    pos = 0;
    file;
    text;
    constructor(file, text) {
        this.file = file;
        this.text = text;
    }
    document() {
        this.space();
        if (this.pos >= this.text.length)
            this.fail('the file is empty');
        const value = this.value();
        this.space();
        if (this.pos < this.text.length)
            this.fail(`unexpected '${this.text[this.pos]}' after the value`);
        return value;
    }
    line(at = this.pos) {
        let line = 1;
        for (let i = 0; i < at && i < this.text.length; i++)
            if (this.text.charCodeAt(i) === 10)
                line++;
        return line;
    }
    fail(reason, at = this.pos) {
        throw new DataParseError(this.file, this.line(at), `invalid JSON, ${reason}`);
    }
    space() {
        while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]))
            this.pos++;
    }
    value() {
        const ch = this.text[this.pos];
        if (ch === '{')
            return this.object();
        if (ch === '[')
            return this.array();
        if (ch === '"')
            return pyvalue.py.str(this.string());
        if (ch === undefined)
            this.fail('the document ends too early');
        for (const [word, node] of [
            ['true', pyvalue.py.bool(true)],
            ['false', pyvalue.py.bool(false)],
            ['null', pyvalue.py.none()],
            ['NaN', pyvalue.py.float(Number.NaN)],
            ['Infinity', pyvalue.py.float(Number.POSITIVE_INFINITY)],
            ['-Infinity', pyvalue.py.float(Number.NEGATIVE_INFINITY)],
        ]) {
            if (this.text.startsWith(word, this.pos)) {
                this.pos += word.length;
                return node;
            }
        }
        return this.number();
    }
    number() {
        const match = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
        match.lastIndex = this.pos;
        const m = match.exec(this.text);
        if (!m)
            this.fail(`unexpected '${this.text[this.pos]}'`);
        this.pos = match.lastIndex;
        const isFloat = m[1] !== undefined || m[2] !== undefined;
        return isFloat ? pyvalue.py.float(Number(m[0])) : pyvalue.py.int(Number(m[0]));
    }
    string() {
        const start = this.pos;
        this.pos++;
        let out = '';
        for (;;) {
            const ch = this.text[this.pos];
            if (ch === undefined || ch === '\n')
                this.fail('a string is not closed', start);
            if (ch === '"') {
                this.pos++;
                return out;
            }
            if (ch === '\\') {
                const esc = this.text[this.pos + 1];
                const simple = {
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
                }
                else if (esc === 'u' &&
                    /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
                    out += String.fromCharCode(Number.parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
                    this.pos += 6;
                }
                else {
                    this.fail('a string has an invalid escape');
                }
                continue;
            }
            out += ch;
            this.pos++;
        }
    }
    object() {
        this.pos++;
        const entries = [];
        const index = new Map();
        this.space();
        if (this.text[this.pos] === '}') {
            this.pos++;
            return pyvalue.py.map(entries);
        }
        for (;;) {
            this.space();
            if (this.text[this.pos] !== '"')
                this.fail('expected a quoted key');
            const key = this.string();
            this.space();
            if (this.text[this.pos] !== ':')
                this.fail("expected ':' after a key");
            this.pos++;
            this.space();
            const value = this.value();
            const seen = index.get(key);
            if (seen === undefined) {
                index.set(key, entries.length);
                entries.push([pyvalue.py.str(key), value]);
            }
            else {
                entries[seen] = [pyvalue.py.str(key), value];
            }
            this.space();
            const sep = this.text[this.pos];
            this.pos++;
            if (sep === '}')
                return pyvalue.py.map(entries);
            if (sep !== ',')
                this.fail("expected ',' or '}'", this.pos - 1);
        }
    }
    array() {
        this.pos++;
        const items = [];
        this.space();
        if (this.text[this.pos] === ']') {
            this.pos++;
            return pyvalue.py.list(items);
        }
        for (;;) {
            this.space();
            items.push(this.value());
            this.space();
            const sep = this.text[this.pos];
            this.pos++;
            if (sep === ']')
                return pyvalue.py.list(items);
            if (sep !== ',')
                this.fail("expected ',' or ']'", this.pos - 1);
        }
    }
}
// ---------------------------------------------------------------------------------------------
// YAML 1.2 (ruamel's safe loader): merge keys, anchors; a float keeps being a float.
const FLOAT_SOURCE = /^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)$/;
/** parseYaml parses YAML 1.2 into a Python-shaped tree; an empty document is {}. */
async function parseYaml(file, text) {
    const fast = (0,fastyaml/* fastYaml */.C)(text);
    if (fast)
        return falsyToEmpty(fast);
    return parseYamlFully(file, text);
}
// The full parser is loaded the first time fastYaml defers (actions/report/bench/fastyaml.mjs).
let yamlModule;
/** parseYamlFully parses any YAML 1.2 with the full parser (errors name the line). */
async function parseYamlFully(file, text) {
    yamlModule ??= __webpack_require__.e(/* import() */ 483).then(__webpack_require__.t.bind(__webpack_require__, 3483, 19));
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
        const line = problem.pos?.[0] === undefined ? undefined : lineCounter.linePos(problem.pos[0]).line;
        throw new DataParseError(file, line, `invalid YAML, ${problem.message.split('\n')[0]}`);
    }
    if (!doc.contents)
        return pyvalue.py.map([]);
    const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    return falsyToEmpty(convertYaml(yaml, doc, doc.contents, file, lineOf, 0));
}
function convertYaml(yaml, doc, node, file, lineOf, depth) {
    if (depth > 200)
        throw new DataParseError(file, undefined, 'invalid YAML, nested too deeply');
    if (node === null || node === undefined)
        return pyvalue.py.none();
    if (yaml.isAlias(node))
        return convertYaml(yaml, doc, node.resolve(doc), file, lineOf, depth + 1);
    if (yaml.isScalar(node))
        return yamlScalar(node.value, node.source, node.tag);
    if (yaml.isSeq(node))
        return pyvalue.py.list(node.items.map((item) => convertYaml(yaml, doc, item, file, lineOf, depth + 1)));
    if (yaml.isMap(node)) {
        const entries = [];
        const merged = [];
        for (const pair of node.items) {
            if (!yaml.isPair(pair))
                continue;
            const keyNode = pair.key;
            const keyValue = yaml.isScalar(keyNode) ? keyNode.value : undefined;
            if (typeof keyValue === 'symbol') {
                // A merge key (`<<: *defaults`): its maps fill in keys this map does not set.
                const sources = yaml.isSeq(pair.value) ? pair.value.items : [pair.value];
                for (const source of sources) {
                    const resolved = convertYaml(yaml, doc, source, file, lineOf, depth + 1);
                    if (resolved.t === 'map')
                        merged.push(...resolved.entries);
                }
                continue;
            }
            const key = convertYaml(yaml, doc, keyNode, file, lineOf, depth + 1);
            if (key.t === 'map' || key.t === 'list') {
                throw new DataParseError(file, lineOf(keyNode), 'invalid YAML, a key is a collection');
            }
            entries.push([key, convertYaml(yaml, doc, pair.value, file, lineOf, depth + 1)]);
        }
        const own = new Set(entries.map(([k]) => (0,pyvalue/* pyStr */.rD)(k)));
        const fromMerge = [];
        for (const [k, v] of merged) {
            const name = (0,pyvalue/* pyStr */.rD)(k);
            if (own.has(name))
                continue;
            own.add(name);
            fromMerge.push([k, v]);
        }
        return pyvalue.py.map([...fromMerge, ...entries]);
    }
    return pyvalue.py.none();
}
function yamlScalar(value, source, tag) {
    if (value === null || value === undefined)
        return pyvalue.py.none();
    if (typeof value === 'boolean')
        return pyvalue.py.bool(value);
    if (typeof value === 'bigint')
        return pyvalue.py.int(Number(value));
    if (typeof value === 'number') {
        const isFloat = tag === 'tag:yaml.org,2002:float' ||
            !Number.isInteger(value) ||
            FLOAT_SOURCE.test(source ?? '');
        return isFloat ? pyvalue.py.float(value) : pyvalue.py.int(value);
    }
    if (tag === 'tag:yaml.org,2002:float' && typeof value === 'string' && value.trim() !== '') {
        const n = Number(value);
        if (!Number.isNaN(n))
            return pyvalue.py.float(n);
    }
    if (tag === 'tag:yaml.org,2002:int' && typeof value === 'string' && /^[-+]?\d+$/.test(value)) {
        return pyvalue.py.int(Number(value));
    }
    return pyvalue.py.str(String(value));
}
// ---------------------------------------------------------------------------------------------
// CSV and TSV, as Python's csv.DictReader: the first row names the columns, values stay strings.
/** parseSv reads CSV/TSV rows into records keyed by the header (or by column index without one). */
function parseSv(text, delimiter, header = true) {
    const rows = splitSv(text.replace(/^\uFEFF/, ''), delimiter);
    if (rows.length === 0)
        return [];
    const names = header ? rows[0] : rows[0].map((_, i) => String(i));
    const body = header ? rows.slice(1) : rows;
    return body.map((row) => {
        const record = {};
        names.forEach((name, i) => {
            record[name] = row[i] ?? '';
        });
        return record;
    });
}
function splitSv(text, delimiter) {
    const rows = [];
    let row = [];
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
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (ch === '"') {
                quoted = false;
            }
            else {
                field += ch;
            }
            continue;
        }
        if (ch === '"' && field === '') {
            quoted = true;
            fieldStarted = true;
        }
        else if (ch === delimiter) {
            row.push(field);
            field = '';
            fieldStarted = true;
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n')
                i++;
            endRow();
        }
        else {
            field += ch;
            fieldStarted = true;
        }
    }
    endRow();
    return rows;
}

;// CONCATENATED MODULE: ../../packages/core/src/report/read/dvcfile.ts
// What a dvc.yaml declares (params, metrics, plots, outputs) and what a dvc.lock pins (the hash of
// each output), read from the parsed files, with every path made relative to the DVC repo root.



/** The params file DVC tracks whole whenever it exists at the repository root. */
const DEFAULT_PARAMS_FILE = 'params.yaml';
function fail(file, reason) {
    throw new DataParseError(file, undefined, reason);
}
function join(dir, path) {
    const joined = external_node_path_.posix.normalize(external_node_path_.posix.join(dir || '.', path));
    return joined.replace(/^\.\//, '').replace(/(.)\/+$/, '$1');
}
function stringList(node) {
    if (!node)
        return [];
    if (node.t === 'list')
        return node.items.filter(pyvalue/* isScalar */.jn).map(pyvalue/* pyStr */.rD);
    if ((0,pyvalue/* isScalar */.jn)(node) && node.t !== 'null')
        return [(0,pyvalue/* pyStr */.rD)(node)];
    return [];
}
function isTemplated(text) {
    return /\$\{/.test(text);
}
function plotProps(node) {
    if (node?.t !== 'map')
        return {};
    const plain = (0,pyvalue/* toPlain */.Ul)(node);
    const props = {};
    if (typeof plain['template'] === 'string')
        props.template = plain['template'];
    if (typeof plain['title'] === 'string')
        props.title = plain['title'];
    if (typeof plain['x_label'] === 'string')
        props.x_label = plain['x_label'];
    if (typeof plain['y_label'] === 'string')
        props.y_label = plain['y_label'];
    if (typeof plain['header'] === 'boolean')
        props.header = plain['header'];
    const x = plain['x'];
    if (typeof x === 'string' || (x && typeof x === 'object' && !Array.isArray(x))) {
        props.x = x;
    }
    const y = plain['y'];
    if (typeof y === 'string' || Array.isArray(y) || (y && typeof y === 'object')) {
        props.y = y;
    }
    return props;
}
/** One item of a list like `outs:`: a bare path, or a one-key map of path to options. */
function entries(node, file, what) {
    if (!node || node.t === 'null')
        return [];
    if (node.t !== 'list')
        fail(file, `'${what}' must be a list`);
    const result = [];
    for (const item of node.items) {
        if ((0,pyvalue/* isScalar */.jn)(item))
            result.push([(0,pyvalue/* pyStr */.rD)(item), undefined]);
        else if (item.t === 'map') {
            for (const [key, value] of item.entries)
                result.push([(0,pyvalue/* pyStr */.rD)(key), value]);
        }
        else
            fail(file, `an item of '${what}' is a nested list`);
    }
    return result;
}
/**
 * parseDvcYaml reads the declarations of one dvc.yaml. `file` is its path relative to the repo
 * root; paths inside are resolved against its folder and each stage's `wdir`.
 */
async function parseDvcYaml(file, text) {
    const root = await parseYaml(file, text);
    if (root.t !== 'map')
        fail(file, 'the top level must be a mapping');
    const dir = external_node_path_.posix.dirname(file) === '.' ? '' : external_node_path_.posix.dirname(file);
    const declarations = {
        file,
        params: [],
        metrics: [],
        plots: [],
        outs: [],
        templated: isTemplated(text) || (0,pyvalue/* mapGet */.ZX)(root, 'vars') !== undefined,
    };
    const stages = (0,pyvalue/* mapGet */.ZX)(root, 'stages');
    if (stages && stages.t !== 'null') {
        if (stages.t !== 'map')
            fail(file, "'stages' must be a mapping of stage names");
        for (const [nameKey, stage] of stages.entries) {
            const name = (0,pyvalue/* pyStr */.rD)(nameKey);
            if (stage.t !== 'map')
                fail(file, `stage '${name}' must be a mapping`);
            if ((0,pyvalue/* mapGet */.ZX)(stage, 'foreach') !== undefined || (0,pyvalue/* mapGet */.ZX)(stage, 'matrix') !== undefined) {
                declarations.templated = true;
                continue;
            }
            const wdirNode = (0,pyvalue/* mapGet */.ZX)(stage, 'wdir');
            const wdir = join(dir, wdirNode && (0,pyvalue/* isScalar */.jn)(wdirNode) && wdirNode.t !== 'null' ? (0,pyvalue/* pyStr */.rD)(wdirNode) : '.');
            const stageParams = (0,pyvalue/* mapGet */.ZX)(stage, 'params');
            for (const [key, value] of entries(stageParams, file, `stages.${name}.params`)) {
                if (value === undefined) {
                    declarations.params.push({ file: join(wdir, DEFAULT_PARAMS_FILE), keys: [key] });
                }
                else {
                    declarations.params.push({ file: join(wdir, key), keys: stringList(value) });
                }
            }
            for (const [section, kind] of [
                ['outs', 'out'],
                ['metrics', 'metric'],
                ['plots', 'plot'],
            ]) {
                for (const [path, options] of entries((0,pyvalue/* mapGet */.ZX)(stage, section), file, `stages.${name}.${section}`)) {
                    const cacheNode = (0,pyvalue/* mapGet */.ZX)(options, 'cache');
                    const cache = !(cacheNode?.t === 'bool' && cacheNode.v === false);
                    const resolved = join(wdir, path);
                    declarations.outs.push({ path: resolved, cache, kind });
                    if (kind === 'metric')
                        declarations.metrics.push(resolved);
                    if (kind === 'plot') {
                        declarations.plots.push({
                            id: resolved,
                            idIsPath: true,
                            props: plotProps(options),
                            declaredIn: file,
                            fromOutput: true,
                        });
                    }
                }
            }
        }
    }
    for (const path of stringList((0,pyvalue/* mapGet */.ZX)(root, 'params')))
        declarations.params.push({ file: join(dir, path), keys: [] });
    for (const path of stringList((0,pyvalue/* mapGet */.ZX)(root, 'metrics')))
        declarations.metrics.push(join(dir, path));
    for (const [id, options] of entries((0,pyvalue/* mapGet */.ZX)(root, 'plots'), file, 'plots')) {
        const props = plotProps(options);
        const y = props.y;
        const idIsPath = !(y && typeof y === 'object' && !Array.isArray(y));
        if (!idIsPath) {
            // File names in y (and x) are relative to the dvc.yaml's folder.
            props.y = Object.fromEntries(Object.entries(y).map(([f, v]) => [join(dir, f), v]));
            if (props.x && typeof props.x === 'object') {
                props.x = Object.fromEntries(Object.entries(props.x).map(([f, v]) => [join(dir, f), v]));
            }
        }
        declarations.plots.push({
            id: idIsPath ? join(dir, id) : id,
            idIsPath,
            props,
            declaredIn: file,
            fromOutput: false,
        });
    }
    return declarations;
}
/** parseDvcLock reads the pinned outputs of one dvc.lock (`file` relative to the repo root). */
async function parseDvcLock(file, text) {
    const root = await parseYaml(file, text);
    if (root.t !== 'map')
        return [];
    const dir = external_node_path_.posix.dirname(file) === '.' ? '' : external_node_path_.posix.dirname(file);
    const stages = (0,pyvalue/* mapGet */.ZX)(root, 'stages') ?? root;
    if (stages.t !== 'map')
        return [];
    const locked = [];
    for (const [, stage] of stages.entries) {
        if (stage.t !== 'map')
            continue;
        const wdirNode = (0,pyvalue/* mapGet */.ZX)(stage, 'wdir');
        const wdir = join(dir, wdirNode && (0,pyvalue/* isScalar */.jn)(wdirNode) && wdirNode.t !== 'null' ? (0,pyvalue/* pyStr */.rD)(wdirNode) : '.');
        const outs = (0,pyvalue/* mapGet */.ZX)(stage, 'outs');
        if (outs?.t !== 'list')
            continue;
        for (const out of outs.items) {
            const path = (0,pyvalue/* mapGet */.ZX)(out, 'path');
            const md5 = (0,pyvalue/* mapGet */.ZX)(out, 'md5');
            if (!path || !md5 || !(0,pyvalue/* isScalar */.jn)(path) || !(0,pyvalue/* isScalar */.jn)(md5))
                continue;
            const hash = (0,pyvalue/* mapGet */.ZX)(out, 'hash');
            const value = (0,pyvalue/* pyStr */.rD)(md5);
            locked.push({
                path: join(wdir, (0,pyvalue/* pyStr */.rD)(path)),
                md5: value,
                legacy: !(hash && (0,pyvalue/* isScalar */.jn)(hash) && (0,pyvalue/* pyStr */.rD)(hash) === 'md5'),
                isDir: value.endsWith('.dir'),
            });
        }
    }
    return locked;
}
/** mergeParams combines declarations as DVC does: a file tracked whole anywhere is tracked whole. */
function mergeParams(declarations) {
    const whole = new Set(declarations.filter((d) => d.keys.length === 0).map((d) => d.file));
    const byFile = new Map();
    for (const d of declarations) {
        const keys = byFile.get(d.file) ?? [];
        if (!whole.has(d.file))
            for (const k of d.keys)
                if (!keys.includes(k))
                    keys.push(k);
        byFile.set(d.file, keys);
    }
    return [...byFile].map(([file, keys]) => ({ file, keys }));
}

;// CONCATENATED MODULE: ../../packages/core/src/report/collect.ts
// One revision's report inputs: the declarations of every dvc.yaml, the params and metrics files
// they name (parsed), and the plot files (raw), read through a RevisionFiles source.





function dirOf(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? '' : path.slice(0, i + 1);
}
function problemOf(error, file) {
    if (error instanceof DataParseError) {
        return error.line === undefined
            ? { file: error.file, message: error.message }
            : { file: error.file, line: error.line, message: error.message };
    }
    return { file, message: `${file}: ${error.message}` };
}
/** collectSnapshot reads everything the report compares at one revision. */
async function collectSnapshot(files) {
    const snapshot = {
        name: files.name,
        declarations: [],
        needsDvc: false,
        params: new Map(),
        metrics: new Map(),
        plots: [],
        plotFiles: new Map(),
        problems: [],
        missing: [],
    };
    const noteMissing = (read) => {
        if (read.kind === 'missing' &&
            read.object &&
            !snapshot.missing.some((m) => m.md5 === read.object.md5)) {
            snapshot.missing.push(read.object);
        }
    };
    // dvc.yaml and dvc.lock files, shallowest first (the root one usually).
    const yamlPaths = await files.find('dvc.yaml');
    const locked = [];
    await Promise.all(yamlPaths.map(async (path) => {
        const [yaml, lock] = await Promise.all([
            files.read(path),
            files.read(`${dirOf(path)}dvc.lock`),
        ]);
        if (yaml.kind === 'found') {
            try {
                snapshot.declarations.push(await parseDvcYaml(path, yaml.bytes.toString('utf8')));
            }
            catch (e) {
                snapshot.problems.push(problemOf(e, path));
            }
        }
        if (lock.kind === 'found') {
            try {
                locked.push(...(await parseDvcLock(`${dirOf(path)}dvc.lock`, lock.bytes.toString('utf8'))));
            }
            catch (e) {
                snapshot.problems.push(problemOf(e, `${dirOf(path)}dvc.lock`));
            }
        }
    }));
    snapshot.declarations.sort((a, b) => yamlPaths.indexOf(a.file) - yamlPaths.indexOf(b.file));
    files.setLocked(locked);
    snapshot.needsDvc = snapshot.declarations.some((d) => d.templated);
    // Params: every file a stage or the top level names, and params.yaml whole when it exists.
    const declared = snapshot.declarations.flatMap((d) => d.params);
    const defaultParams = await files.read(DEFAULT_PARAMS_FILE);
    noteMissing(defaultParams);
    if (defaultParams.kind === 'found')
        declared.push({ file: DEFAULT_PARAMS_FILE, keys: [] });
    const reads = new Map([
        [DEFAULT_PARAMS_FILE, Promise.resolve(defaultParams)],
    ]);
    const read = (path) => {
        let pending = reads.get(path);
        if (!pending) {
            pending = files.read(path);
            reads.set(path, pending);
        }
        return pending;
    };
    for (const { file, keys } of mergeParams(declared)) {
        const format = formatOf(file);
        if (format === 'toml' || format === 'py') {
            snapshot.needsDvc = true;
            continue;
        }
        const result = await read(file);
        noteMissing(result);
        snapshot.params.set(file, await toFileData(result, file, snapshot, (node) => selectKeys(node, keys)));
    }
    // Metrics: files declared by stages and at the top level; a folder stands for its files.
    const metricPaths = [];
    for (const path of snapshot.declarations.flatMap((d) => d.metrics)) {
        const listed = await files.list(path);
        for (const p of listed ?? [path])
            if (!metricPaths.includes(p))
                metricPaths.push(p);
    }
    await Promise.all(metricPaths.map((p) => read(p)));
    for (const path of metricPaths) {
        const result = await read(path);
        noteMissing(result);
        const format = formatOf(path);
        if (format === 'toml' || format === 'py') {
            snapshot.needsDvc = true;
            continue;
        }
        snapshot.metrics.set(path, await toFileData(result, path, snapshot, extractMetrics));
    }
    // Plots: resolve definitions (folders expanded at this revision), then read every file they use.
    const definitions = snapshot.declarations.flatMap((d) => d.plots);
    const listings = new Map();
    for (const def of definitions)
        if (def.idIsPath)
            listings.set(def.id, await files.list(def.id));
    snapshot.plots = resolvePlots(definitions, (path) => listings.get(path));
    const plotPaths = [...new Set(snapshot.plots.flatMap((p) => p.files))];
    const plotReads = await Promise.all(plotPaths.map((p) => read(p)));
    for (const [i, path] of plotPaths.entries()) {
        const result = plotReads[i];
        noteMissing(result);
        snapshot.plotFiles.set(path, await toPlotFile(result, path, snapshot.plots.find((p) => p.files.includes(path))));
    }
    return snapshot;
}
async function toFileData(read, path, snapshot, transform) {
    if (read.kind === 'missing')
        return { kind: 'missing', reason: read.reason };
    try {
        return {
            kind: 'data',
            node: transform(await parseStructured(path, read.bytes.toString('utf8'))),
        };
    }
    catch (e) {
        const problem = problemOf(e, path);
        snapshot.problems.push(problem);
        return problem.line === undefined
            ? { kind: 'error', reason: problem.message }
            : { kind: 'error', reason: problem.message, line: problem.line };
    }
}
async function toPlotFile(read, path, spec) {
    if (read.kind === 'missing')
        return { kind: 'missing', reason: read.reason };
    if (isImagePath(path))
        return { kind: 'image', bytes: read.bytes };
    const text = read.bytes.toString('utf8');
    const format = formatOf(path);
    try {
        if (format === 'csv' || format === 'tsv') {
            return {
                kind: 'data',
                content: parseSv(text, format === 'tsv' ? '\t' : ',', spec?.props.header ?? true),
            };
        }
        const node = await parseStructured(path, text);
        return { kind: 'data', content: (0,pyvalue/* toPlain */.Ul)(node) };
    }
    catch (e) {
        const problem = problemOf(e, path);
        return problem.line === undefined
            ? { kind: 'error', reason: problem.message }
            : { kind: 'error', reason: problem.message, line: problem.line };
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/report/diff/dvc.ts
// Params and metrics diffs asked of DVC itself, for what the native reader leaves to DVC (templated
// dvc.yaml, TOML or Python params files): `dvc params|metrics diff --json`, read into a DataDiff.


/** dvcPath resolves a DvcExecutable to the path of DVC, installing it if need be. */
function dvcPath(dvc) {
    return typeof dvc === 'string' ? Promise.resolve(dvc) : dvc();
}
function scalarFromJson(value) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'boolean')
        return pyvalue.py.bool(value);
    if (typeof value === 'number')
        return Number.isInteger(value) ? pyvalue.py.int(value) : pyvalue.py.float(value);
    return pyvalue.py.str(typeof value === 'string' ? value : JSON.stringify(value));
}
/** dvcDiff asks DVC itself for a diff (templated dvc.yaml, TOML or Python params files). */
async function dvcDiff(kind, cwd, dvc, baseSha) {
    const { stdout } = await (0,exec/* exec */.m0)(await dvcPath(dvc), [kind, 'diff', baseSha, '--all', '--json'], {
        cwd,
        silent: true,
        env: { DVC_NO_ANALYTICS: '1' },
        notFoundHint: 'Install DVC: this project uses templating or file types that DVC itself must read.',
    });
    const json = JSON.parse(stdout || '{}');
    const result = new Map();
    for (const [path, keys] of Object.entries(json)) {
        const entries = new Map();
        for (const [key, d] of Object.entries(keys)) {
            const value = { old: scalarFromJson(d.old), new: scalarFromJson(d.new) };
            if (typeof d.diff === 'number')
                value.diff = d.diff;
            entries.set(key, value);
        }
        result.set(path, entries);
    }
    return result;
}

;// CONCATENATED MODULE: ../../packages/core/src/report/charts/svg.ts
// A small, dependency-free SVG chart renderer for data plots: lines (or points) and horizontal
// bars, with nice axis ticks and a legend. Output is deterministic, so the same data gives the
// same bytes (and the image branch does not grow on re-runs).
/** Colours that stay readable on GitHub's light and dark themes (on the chart's white card). */
const PALETTE = [
    '#1f77b4',
    '#ff7f0e',
    '#2ca02c',
    '#d62728',
    '#9467bd',
    '#8c564b',
    '#e377c2',
    '#17becf',
];
const FONT = 'font-family="-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif"';
/** escapeXml makes text safe inside SVG elements and attributes. */
function escapeXml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
/** niceTicks returns about `count` round tick values covering [min, max]. */
function niceTicks(min, max, count = 5) {
    if (!Number.isFinite(min) || !Number.isFinite(max))
        return [];
    if (min === max) {
        const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
        return niceTicks(min - pad, max + pad, count);
    }
    const raw = (max - min) / Math.max(1, count);
    const power = 10 ** Math.floor(Math.log10(raw));
    const fraction = raw / power;
    const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) *
        power;
    const start = Math.floor(min / step) * step;
    const end = Math.ceil(max / step) * step;
    const ticks = [];
    for (let v = start, i = 0; v <= end + step / 2 && i < 50; v += step, i++) {
        ticks.push(Number(v.toPrecision(12)));
    }
    return ticks;
}
/** formatTick prints a tick value compactly (1.5k, 0.001, 2e-6). */
function formatTick(value) {
    if (value === 0)
        return '0';
    const abs = Math.abs(value);
    if (abs >= 1e6 || abs < 1e-4)
        return value.toExponential(1).replace('e+', 'e');
    if (abs >= 1e4)
        return `${Number((value / 1000).toPrecision(3))}k`;
    return String(Number(value.toPrecision(4)));
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** thin keeps at most `max` evenly spread points (first and last kept), for very long series. */
function thin(points, max) {
    if (points.length <= max)
        return points;
    const out = [];
    const step = (points.length - 1) / (max - 1);
    for (let i = 0; i < max; i++)
        out.push(points[Math.round(i * step)]);
    return out;
}
const f = (n) => String(Math.round(n * 10) / 10);
/** renderLineChart draws lines (or points) over a numeric or categorical x axis. */
function renderLineChart(options) {
    const width = options.width ?? 640;
    const legendRows = Math.ceil(options.lines.length / 2);
    const height = (options.height ?? 360) + legendRows * 18;
    const margin = { top: 40, right: 24, bottom: 56 + legendRows * 18, left: 72 };
    const plotW = width - margin.left - margin.right;
    const plotH = height - margin.top - margin.bottom;
    const lines = options.lines.map((l) => ({
        ...l,
        points: thin(l.points.filter((p) => Number.isFinite(p.y)), 2000),
    }));
    const allX = lines.flatMap((l) => l.points.map((p) => p.x));
    const numericX = allX.every((x) => typeof x === 'number' && Number.isFinite(x));
    const categories = numericX ? [] : [...new Set(allX.map(String))];
    const xs = numericX ? allX : categories.map((_, i) => i);
    const ys = lines.flatMap((l) => l.points.map((p) => p.y));
    const xMin = xs.length ? Math.min(...xs) : 0;
    const xMax = xs.length ? Math.max(...xs) : 1;
    const yTicks = niceTicks(ys.length ? Math.min(...ys) : 0, ys.length ? Math.max(...ys) : 1);
    const yLo = yTicks[0] ?? 0;
    const yHi = yTicks[yTicks.length - 1] ?? 1;
    const xTicks = numericX
        ? niceTicks(xMin, xMax, 6).filter((t) => t >= xMin - 1e-9 && t <= xMax + 1e-9)
        : [];
    const xSpan = xMax - xMin || 1;
    const sx = (x) => margin.left + ((x - xMin) / xSpan) * plotW;
    const sy = (y) => margin.top + plotH - ((y - yLo) / (yHi - yLo || 1)) * plotH;
    const xOf = (x) => numericX ? sx(x) : sx(categories.indexOf(String(x)));
    const parts = [];
    parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`, `<title>${escapeXml(options.title)}</title>`, `<rect width="${width}" height="${height}" fill="#ffffff" rx="6"/>`, `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600" fill="#24292f">${escapeXml(truncate(options.title, 80))}</text>`);
    for (const t of yTicks) {
        const y = f(sy(t));
        parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#d0d7de" stroke-width="1"/>`, `<text x="${margin.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#57606a">${escapeXml(formatTick(t))}</text>`);
    }
    const xLabels = numericX
        ? xTicks.map((t) => [sx(t), formatTick(t)])
        : thin(categories.map((c, i) => [i, c]), 12).map(([i, c]) => [sx(i), truncate(c, 14)]);
    for (const [x, label] of xLabels) {
        parts.push(`<line x1="${f(x)}" x2="${f(x)}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 5}" stroke="#57606a"/>`, `<text x="${f(x)}" y="${margin.top + plotH + 18}" text-anchor="middle" fill="#57606a">${escapeXml(label)}</text>`);
    }
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#57606a"/>`, `<text x="${margin.left + plotW / 2}" y="${margin.top + plotH + 38}" text-anchor="middle" fill="#24292f">${escapeXml(truncate(options.xLabel, 60))}</text>`, `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#24292f">${escapeXml(truncate(options.yLabel, 50))}</text>`);
    for (const line of lines) {
        if (line.points.length === 0)
            continue;
        if (options.scatter || line.points.length === 1) {
            for (const p of line.points) {
                parts.push(`<circle cx="${f(xOf(p.x))}" cy="${f(sy(p.y))}" r="3" fill="${line.color}" fill-opacity="${line.dashed ? 0.45 : 0.9}"/>`);
            }
            continue;
        }
        const d = line.points
            .map((p, i) => `${i === 0 ? 'M' : 'L'}${f(xOf(p.x))} ${f(sy(p.y))}`)
            .join(' ');
        parts.push(`<path d="${d}" fill="none" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4" stroke-opacity="0.7"' : ''}/>`);
    }
    const legendTop = margin.top + plotH + 52;
    options.lines.forEach((line, i) => {
        const x = margin.left + (i % 2) * (plotW / 2);
        const y = legendTop + Math.floor(i / 2) * 18;
        parts.push(`<line x1="${f(x)}" x2="${f(x + 22)}" y1="${y}" y2="${y}" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`, `<text x="${f(x + 28)}" y="${y}" dominant-baseline="middle" fill="#24292f">${escapeXml(truncate(line.label, 40))}</text>`);
    });
    parts.push('</svg>');
    return `${parts.join('\n')}\n`;
}
/** renderBarChart draws horizontal bars per category, one bar per group (revision). */
function renderBarChart(options) {
    const width = options.width ?? 640;
    const categories = options.categories.slice(0, 40);
    const barH = 14;
    const groupH = barH * options.groups.length + 8;
    const margin = { top: 40, right: 32, bottom: 60, left: 140 };
    const plotW = width - margin.left - margin.right;
    const plotH = Math.max(groupH, categories.length * groupH);
    const height = margin.top + plotH + margin.bottom;
    const values = options.groups.flatMap((g) => [...g.values.values()]).filter(Number.isFinite);
    const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
    const lo = ticks[0] ?? 0;
    const hi = ticks[ticks.length - 1] ?? 1;
    const sx = (v) => margin.left + ((v - lo) / (hi - lo || 1)) * plotW;
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
        `<title>${escapeXml(options.title)}</title>`,
        `<rect width="${width}" height="${height}" fill="#ffffff" rx="6"/>`,
        `<text x="${width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="600" fill="#24292f">${escapeXml(truncate(options.title, 80))}</text>`,
    ];
    for (const t of ticks) {
        parts.push(`<line x1="${f(sx(t))}" x2="${f(sx(t))}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#d0d7de"/>`, `<text x="${f(sx(t))}" y="${margin.top + plotH + 16}" text-anchor="middle" fill="#57606a">${escapeXml(formatTick(t))}</text>`);
    }
    categories.forEach((category, ci) => {
        const top = margin.top + ci * groupH + 4;
        parts.push(`<text x="${margin.left - 8}" y="${f(top + (groupH - 8) / 2)}" text-anchor="end" dominant-baseline="middle" fill="#24292f">${escapeXml(truncate(category, 20))}</text>`);
        options.groups.forEach((group, gi) => {
            const value = group.values.get(category);
            if (value === undefined || !Number.isFinite(value))
                return;
            const x0 = sx(Math.min(0, value));
            const x1 = sx(Math.max(0, value));
            parts.push(`<rect x="${f(x0)}" y="${f(top + gi * barH)}" width="${f(Math.max(1, x1 - x0))}" height="${barH - 2}" fill="${group.color}"/>`);
        });
    });
    parts.push(`<text x="${margin.left + plotW / 2}" y="${margin.top + plotH + 34}" text-anchor="middle" fill="#24292f">${escapeXml(truncate(options.xLabel, 60))}</text>`);
    options.groups.forEach((group, i) => {
        const x = margin.left + i * 160;
        const y = margin.top + plotH + 50;
        parts.push(`<rect x="${x}" y="${y - 6}" width="12" height="12" fill="${group.color}"/>`, `<text x="${x + 18}" y="${y}" dominant-baseline="middle" fill="#24292f">${escapeXml(truncate(group.label, 20))}</text>`);
    });
    parts.push('</svg>');
    return `${parts.join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ../../packages/core/src/pure/redact.ts
var redact = __webpack_require__(8217);
// EXTERNAL MODULE: ../../packages/core/src/pure/retry.ts
var retry = __webpack_require__(2192);
;// CONCATENATED MODULE: ../../packages/core/src/commit/auth.ts
// How a token reaches git: as an HTTP Authorization header in configuration passed through the
// environment (GIT_CONFIG_COUNT/KEY/VALUE), never in the remote URL and never on the command line,
// so neither `ps` nor a logged command shows it. actions/checkout persists its own header under the
// same `http.<origin>/.extraheader` key; an empty value first clears it, or git would send two
// Authorization headers. Pure.
/** authHeader is the value of the Authorization header GitHub accepts from git for a token. */
function authHeader(token) {
    return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}
/** extraHeaderKey is the URL-scoped config key for a remote (`http.https://github.com/.extraheader`). */
function extraHeaderKey(remoteUrl) {
    let url;
    try {
        url = new URL(remoteUrl);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    return `http.${url.protocol}//${url.host}/.extraheader`;
}
/**
 * gitAuth builds the environment that makes git send `token` to the host of `remoteUrl`. Remotes
 * that are not HTTP(S) (a path, ssh) get nothing: there the token has no use. Entries already in
 * `env` (GIT_CONFIG_COUNT and its keys) are kept and ours are appended after them.
 */
function gitAuth(remoteUrl, token, env = {}) {
    const key = extraHeaderKey(remoteUrl);
    if (!token || !key)
        return { env: {}, secrets: [] };
    const header = authHeader(token);
    const start = Number.parseInt(env['GIT_CONFIG_COUNT'] ?? '0', 10) || 0;
    const entries = [
        [key, ''],
        [key, header],
    ];
    const out = { GIT_CONFIG_COUNT: String(start + entries.length) };
    entries.forEach(([k, v], i) => {
        out[`GIT_CONFIG_KEY_${start + i}`] = k;
        out[`GIT_CONFIG_VALUE_${start + i}`] = v;
    });
    return { env: out, secrets: [header, header.slice('AUTHORIZATION: basic '.length)] };
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/eol.ts
// Line endings: a file that differs from its last version only in CRLF against LF is not a change,
// and a changed text file keeps the line-ending style of the version it replaces, so a diff shows
// the lines that changed and not every line of the file. Pure: bytes in, bytes out.
const NUL = 0;
const CR = 13;
const LF = 10;
/** isBinary tells binary from text the way git does: a NUL byte in the first 8000 bytes. */
function isBinary(bytes) {
    const end = Math.min(bytes.length, 8000);
    for (let i = 0; i < end; i++)
        if (bytes[i] === NUL)
            return true;
    return false;
}
/** eolStyle says which line endings a text uses. */
function eolStyle(bytes) {
    let lf = 0;
    let crlf = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] !== LF)
            continue;
        if (i > 0 && bytes[i - 1] === CR)
            crlf++;
        else
            lf++;
    }
    if (lf && crlf)
        return 'mixed';
    if (crlf)
        return 'crlf';
    return lf ? 'lf' : 'none';
}
/** toLf turns every CRLF into LF (a lone CR is left alone). */
function toLf(bytes) {
    const out = Buffer.allocUnsafe(bytes.length);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === CR && bytes[i + 1] === LF)
            continue;
        out[n++] = bytes[i];
    }
    return out.subarray(0, n);
}
/** toCrlf turns every bare LF into CRLF (existing CRLFs stay as they are). */
function toCrlf(bytes) {
    let bare = 0;
    for (let i = 0; i < bytes.length; i++)
        if (bytes[i] === LF && bytes[i - 1] !== CR)
            bare++;
    const out = Buffer.allocUnsafe(bytes.length + bare);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === LF && bytes[i - 1] !== CR)
            out[n++] = CR;
        out[n++] = bytes[i];
    }
    return out;
}
/** sameIgnoringEol tells whether two texts differ only in line endings (never true for binaries). */
function sameIgnoringEol(a, b) {
    if (isBinary(a) || isBinary(b))
        return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
    return toLf(a).equals(toLf(b));
}
/**
 * matchEolStyle rewrites the line endings of a new text to those of the version it replaces, when
 * that version used one style throughout; binaries, mixed files and new files are left as they are.
 */
function matchEolStyle(next, previous) {
    const bytes = Buffer.from(next);
    if (!previous || isBinary(next) || isBinary(previous))
        return bytes;
    const want = eolStyle(previous);
    const have = eolStyle(next);
    if (want === 'lf' && (have === 'crlf' || have === 'mixed'))
        return toLf(bytes);
    if (want === 'crlf' && (have === 'lf' || have === 'mixed'))
        return toCrlf(bytes);
    return bytes;
}

// EXTERNAL MODULE: ../../packages/core/src/commit/message.ts
var message = __webpack_require__(9954);
;// CONCATENATED MODULE: ../../packages/core/src/commit/objects.ts
// Git plumbing on a scratch folder: blobs in and out byte for byte, trees built in a temporary index,
// commits made with commit-tree, and three-way merges of single files. Nothing here touches the
// user's work tree, index or HEAD: every index is GIT_INDEX_FILE in the scratch folder.




/** Scratch is a temporary folder with the plumbing the commit logic needs; close() removes it. */
class Scratch {
    git;
    /** The folder, made on first use: the common commit needs none. */
    folder;
    gitDir;
    counter = 0;
    /**
     * Objects read so far (or handed over), by the name they were asked for: an object id, or
     * `<commit>^{tree}`. Neither ever changes.
     */
    objects;
    constructor(git, gitDir, objects) {
        this.git = git;
        this.gitDir = gitDir;
        this.objects = objects;
    }
    /**
     * open prepares a Scratch (its folder is made when first needed); `objects` are those another
     * Scratch read already (see cached), so that they are not read again.
     */
    static async open(git, gitDir, objects) {
        gitDir ??= await git.run(['rev-parse', '--absolute-git-dir']);
        return new Scratch(git, gitDir, new Map(objects));
    }
    /** dir is the scratch folder under RUNNER_TEMP (or the system's temp folder), made once. */
    dir() {
        this.folder ??= (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'mlops-commit-'));
        return this.folder;
    }
    /** cached returns the objects read so far, to hand on to another Scratch. */
    cached() {
        return this.objects;
    }
    /**
     * readObjects reads objects by name (an object id, or `<commit>^{tree}`) with one
     * `git cat-file --batch`, and keeps them: many blobs, and the tree a commit will be built on,
     * cost one git process.
     */
    async readObjects(names) {
        const missing = [...new Set(names)].filter((name) => name && !this.objects.has(name));
        if (missing.length) {
            for (const [name, object] of (await catFileBatch(this.git, missing)) ?? []) {
                this.objects.set(name, object);
            }
        }
        const out = new Map();
        for (const name of names) {
            const object = this.objects.get(name);
            if (object)
                out.set(name, object);
        }
        return out;
    }
    /** remember keeps an object read elsewhere under the name it was asked for (see readObjects). */
    remember(name, object) {
        this.objects.set(name, object);
    }
    /**
     * rememberStored records that `bytes`, stored as `git add` would store them at `path` (clean
     * filters applied), are the blob `oid`: writeBlob then finds it without starting git.
     */
    rememberStored(path, bytes, oid) {
        this.objects.set(`path:${path}`, { oid, type: 'blob', bytes });
    }
    /** readBlobs reads many blobs' exact bytes with one git process (see readObjects). */
    async readBlobs(oids) {
        const out = new Map();
        for (const [oid, object] of await this.readObjects(oids)) {
            if (object.type === 'blob')
                out.set(oid, object.bytes);
        }
        return out;
    }
    /** close removes the scratch folder. */
    async close() {
        if (this.folder)
            await (0,promises_.rm)(await this.folder, { recursive: true, force: true });
    }
    /** readBlob returns a blob's exact bytes (`git unpack-file`: git writes them, we read the file). */
    async readBlob(oid) {
        const cached = this.objects.get(oid);
        if (cached?.type === 'blob')
            return cached.bytes;
        const dir = await this.dir();
        const { stdout } = await (0,exec/* exec */.m0)('git', ['unpack-file', oid], {
            cwd: dir,
            env: { GIT_DIR: this.gitDir, GIT_WORK_TREE: undefined },
            silent: true,
        });
        const file = (0,external_node_path_.join)(dir, stdout.trim());
        try {
            const bytes = await (0,promises_.readFile)(file);
            this.objects.set(oid, { oid, type: 'blob', bytes });
            return bytes;
        }
        finally {
            await (0,promises_.unlink)(file).catch(() => { });
        }
    }
    /**
     * writeBlob stores bytes as a blob. With `path`, the repository's clean filters for that path
     * apply (.gitattributes eol, LFS), as `git add` would; without it the bytes are stored as given.
     */
    async writeBlob(bytes, path) {
        // The same bytes already stored for the same path (see writeBlob's callers): the same blob.
        const key = path === undefined ? undefined : `path:${path}`;
        const stored = key ? this.objects.get(key) : undefined;
        if (stored?.bytes.equals(bytes))
            return stored.oid;
        const args = [
            'hash-object',
            '-w',
            '--stdin',
            ...(path === undefined ? ['--no-filters'] : [`--path=${path}`]),
        ];
        const oid = await this.git.run(args, { input: Buffer.from(bytes) });
        if (key)
            this.objects.set(key, { oid, type: 'blob', bytes: Buffer.from(bytes) });
        return oid;
    }
    /** entries lists the tree entries at exactly these paths in a tree-ish (absent paths are missing). */
    async entries(treeish, paths) {
        const found = new Map();
        if (!treeish || paths.length === 0)
            return found;
        if (paths.every((path) => !path.includes('/'))) {
            // Top-level files (the common dvc.lock): the root tree names them, and it comes with their
            // contents, which are read next, in one cat-file.
            const root = `${treeish}^{tree}`;
            const objects = await this.readObjects([root, ...paths.map((path) => `${treeish}:${path}`)]);
            const tree = objects.get(root);
            if (tree?.type === 'tree') {
                const wanted = new Set(paths);
                for (const entry of parseTree(tree.bytes, tree.oid.length / 2)) {
                    if (wanted.has(entry.path))
                        found.set(entry.path, entry);
                }
                for (const object of objects.values()) {
                    if (object.type === 'blob')
                        this.objects.set(object.oid, object);
                }
                return found;
            }
        }
        const { stdout } = await this.git.exec([
            '--literal-pathspecs',
            'ls-tree',
            '-r',
            '-z',
            '--full-tree',
            treeish,
            '--',
            ...paths,
        ]);
        const wanted = new Set(paths);
        for (const record of stdout.split('\0')) {
            const tab = record.indexOf('\t');
            if (tab < 0)
                continue;
            const [mode = '', , oid = ''] = record.slice(0, tab).split(' ');
            const path = record.slice(tab + 1);
            if (wanted.has(path))
                found.set(path, { mode, oid, path });
        }
        return found;
    }
    /** writeTree applies changes (an entry, or null to remove) to a tree-ish (undefined: empty) and writes it. */
    async writeTree(base, changes) {
        if (base && [...changes.keys()].every((path) => !path.includes('/'))) {
            const tree = await this.writeRootTree(base, changes);
            if (tree)
                return tree;
        }
        const env = { GIT_INDEX_FILE: (0,external_node_path_.join)(await this.dir(), `index-${++this.counter}`) };
        await this.git.run(base ? ['read-tree', base] : ['read-tree', '--empty'], { env });
        const records = [];
        const zero = '0'.repeat(base && base.length === 64 ? 64 : 40);
        for (const [path, entry] of changes) {
            records.push(entry ? `${entry.mode} ${entry.oid}\t${path}` : `0 ${zero}\t${path}`);
        }
        if (records.length) {
            await this.git.run(['update-index', '-z', '--index-info'], {
                env,
                input: `${records.join('\0')}\0`,
            });
        }
        return this.git.run(['write-tree'], { env });
    }
    /**
     * writeRootTree changes only top-level entries (the common dvc.lock, metrics.json): the base's
     * root tree, read with cat-file (often with the blobs, in one process), changed here and written
     * with one `git mktree`, instead of read-tree, update-index and write-tree. Undefined when the
     * base's tree cannot be read that way.
     */
    async writeRootTree(base, changes) {
        const name = `${base}^{tree}`;
        const tree = (await this.readObjects([name])).get(name);
        if (tree?.type !== 'tree')
            return undefined;
        // By name as latin1 (a character per byte), so that every name, UTF-8 or not, passes through
        // byte for byte.
        const lines = new Map();
        for (const { mode, name: raw, oid } of treeRecords(tree.bytes, tree.oid.length / 2)) {
            lines.set(raw, `${mode} ${objectType(mode)} ${oid}\t${raw}`);
        }
        for (const [path, entry] of changes) {
            const raw = Buffer.from(path, 'utf8').toString('latin1');
            if (entry)
                lines.set(raw, `${entry.mode} ${objectType(entry.mode)} ${entry.oid}\t${raw}`);
            else
                lines.delete(raw);
        }
        // --missing: the entries come from a tree the repository has; a partial clone may still lack
        // their blobs, which the new tree only names.
        return this.git.run(['mktree', '-z', '--missing'], {
            input: Buffer.from([...lines.values()].map((line) => `${line}\0`).join(''), 'latin1'),
        });
    }
    /** commitTree writes a commit object; it moves no branch. */
    commitTree(tree, parents, message, author, committer) {
        return this.git.run(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], {
            input: message.endsWith('\n') ? message : `${message}\n`,
            env: {
                GIT_AUTHOR_NAME: author.name,
                GIT_AUTHOR_EMAIL: author.email,
                GIT_COMMITTER_NAME: committer.name,
                GIT_COMMITTER_EMAIL: committer.email,
            },
        });
    }
    /**
     * mergeFile merges two edits of one file (`git merge-file`): the merged bytes, or undefined when
     * the edits touch the same lines or the file is binary.
     */
    async mergeFile(base, ours, theirs) {
        const n = ++this.counter;
        const dir = await this.dir();
        const files = ['ours', 'base', 'theirs'].map((name) => (0,external_node_path_.join)(dir, `merge-${n}-${name}`));
        const [oursFile, baseFile, theirsFile] = files;
        await Promise.all([
            (0,promises_.writeFile)(oursFile, ours),
            (0,promises_.writeFile)(baseFile, base),
            (0,promises_.writeFile)(theirsFile, theirs),
        ]);
        try {
            const result = await (0,exec/* exec */.m0)('git', ['merge-file', '-q', oursFile, baseFile, theirsFile], {
                cwd: dir,
                silent: true,
                okCodes: Array.from({ length: 256 }, (_, i) => i),
            });
            return result.exitCode === 0 ? await (0,promises_.readFile)(oursFile) : undefined;
        }
        finally {
            await Promise.all(files.map((f) => (0,promises_.unlink)(f).catch(() => { })));
        }
    }
}
/**
 * catFileBatch asks one `git cat-file --batch` for objects by name (an object id, `<commit>^{tree}`,
 * `<rev>:<path>`; no newline in a name). `okCodes` as for Git.exec; undefined when git exits with
 * another code than 0.
 */
async function catFileBatch(git, names, okCodes = [0]) {
    if (names.length === 0)
        return new Map();
    const { exitCode, stdoutBytes } = await git.exec(['cat-file', '--batch'], {
        input: `${names.join('\n')}\n`,
        okCodes,
    });
    return exitCode === 0 ? parseBatch(names, stdoutBytes) : undefined;
}
/**
 * parseBatch reads cat-file --batch's answers, one per name in order: "<oid> <type> <size>\n", the
 * bytes and "\n"; or one line ("<name> missing", "<name> ambiguous") for a name that names nothing,
 * left out of the map.
 */
function parseBatch(names, out) {
    const objects = new Map();
    let at = 0;
    for (const name of names) {
        const eol = out.indexOf(10, at);
        if (eol < 0)
            break;
        // A name may hold spaces ("<rev>:<path>"): only an answer of exactly this form has bytes.
        const header = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/.exec(out.subarray(at, eol).toString('latin1'));
        at = eol + 1;
        if (!header)
            continue;
        const [, oid = '', type = '', size = '0'] = header;
        const length = Number(size);
        objects.set(name, { oid, type, bytes: Buffer.from(out.subarray(at, at + length)) });
        at += length + 1;
    }
    return objects;
}
/** objectType names what a tree entry's mode points at. */
function objectType(mode) {
    if (mode === '40000' || mode === '040000')
        return 'tree';
    return mode === '160000' ? 'commit' : 'blob';
}
/**
 * treeRecords reads a raw tree object ("<mode> <name>\0<binary id>" entries), names as latin1 (a
 * character per byte). The object is decoded once, not entry by entry: a root tree of a few hundred
 * entries is read in a fraction of a millisecond, where per-entry decoding takes several.
 */
function treeRecords(bytes, idLength) {
    const text = bytes.toString('latin1');
    const hex = bytes.toString('hex');
    const out = [];
    let at = 0;
    while (at < text.length) {
        const space = text.indexOf(' ', at);
        const nul = text.indexOf('\0', space);
        if (space < 0 || nul < 0)
            break;
        const mode = text.slice(at, space);
        const name = text.slice(space + 1, nul);
        out.push({ mode, name, oid: hex.slice(2 * (nul + 1), 2 * (nul + 1 + idLength)) });
        at = nul + 1 + idLength;
    }
    return out;
}
/** parseTree reads a raw tree object ("<mode> <name>\0<binary id>" entries), names as UTF-8. */
function parseTree(bytes, idLength) {
    return treeRecords(bytes, idLength).map(({ mode, name, oid }) => ({
        mode,
        oid,
        // Pure ASCII reads the same either way; anything else is UTF-8 in the bytes.
        path: /[^\x00-\x7f]/.test(name) ? Buffer.from(name, 'latin1').toString('utf8') : name,
    }));
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/paths.ts
// Paths and pathspecs: what the user wrote (`dvc.lock`, `metrics/*.json`, an absolute path inside
// the checkout) becomes a git pathspec relative to the repository root, and anything that points
// outside the repository, or into `.git`, is refused before git is asked anything. Pure.


/** repoPath normalises a path relative to the repository root (forward slashes, no `.` parts). */
function repoPath(path) {
    const clean = posix.normalize(path.split(sep).join('/')).replace(/^(\.\/)+/, '');
    return clean === '.' ? '' : clean.replace(/\/+$/, '');
}
/** isCommittablePath tells whether a path can be written in a commit: relative, inside, not `.git`. */
function isCommittablePath(path) {
    if (!path || path.startsWith('/') || path.includes('\0') || path.includes('\n'))
        return false;
    return path
        .split('/')
        .every((part) => part !== '' && part !== '.' && part !== '..' && part.toLowerCase() !== '.git');
}
const GLOB = /[*?[]/;
/**
 * toPathspecs turns the `paths` input into git pathspecs relative to the repository root. Each
 * entry may be relative to `cwd` or absolute, and may hold globs (`*` stays within a folder, `**`
 * crosses folders). An entry outside the repository or inside `.git` is an InputError.
 */
function toPathspecs(input, entries, cwd, root) {
    const specs = [];
    for (const entry of entries) {
        const value = entry.trim();
        if (!value)
            continue;
        if (value.startsWith(':')) {
            throw new InputError(input, `has '${value}', a git pathspec with magic`, 'Write plain paths or globs such as dvc.lock or metrics/*.json.');
        }
        const absolute = resolve(cwd, value);
        const rel = relative(resolve(root), absolute);
        const path = repoPath(rel);
        if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
            throw new InputError(input, `has '${value}', which is outside the repository`, `List paths inside the repository checkout (${relative(cwd, root) || '.'}).`);
        }
        if (path.split('/').some((part) => part.toLowerCase() === '.git')) {
            throw new InputError(input, `has '${value}', which is inside .git`, 'List files of the work tree.');
        }
        // `:(glob)` makes `*` stop at a slash, as in a shell; a literal path without glob characters
        // is marked literal so names with brackets or stars from the file system still match.
        specs.push(GLOB.test(path) ? `:(glob)${path || '.'}` : `:(literal)${path || '.'}`);
    }
    if (specs.length === 0) {
        throw new InputError(input, 'lists no path', 'List at least one file or glob, for example dvc.lock.');
    }
    return specs;
}
/**
 * isValidBranchName applies git's rules to `refs/heads/<name>` (git-check-ref-format: the answer of
 * `git check-ref-format refs/heads/<name>`, without starting git): no `..`, `@{`, `//`, control
 * characters, space or any of `~^:?*[\`; no part that starts with `.` or ends with `.lock`; no
 * leading or trailing `/`, no trailing `.`.
 */
function isValidBranchName(name) {
    if (!name || name.startsWith('/') || name.endsWith('/') || name.endsWith('.'))
        return false;
    if (name.includes('..') || name.includes('@{') || name.includes('//'))
        return false;
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
        return false;
    return name.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'));
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/push-result.ts
// What a failed `git push --porcelain` means, read from its output: someone pushed first (fetch,
// rebase, try again), the token may not write (stop without failing the build unless asked), the
// server refused this commit for good (a protected branch), or the network hiccuped. Pure.
const RACE_REJECTIONS = /fetch first|non-fast-forward|stale info|already exists/;
const RACE_REMOTE = /failed to update ref|cannot lock ref|failed to lock|incorrect old value|unable to update local ref|reference already exists/i;
const DENIED = /returned error: 403|Permission to \S+ denied|Write access to repository not granted|error: 403\b|\b403 Forbidden/i;
const AUTH = /returned error: 401|Authentication failed|could not read (Username|Password)|terminal prompts disabled|invalid credentials/i;
const TRANSIENT = /returned error: (5\d\d|429)|Could not resolve host|Connection (timed out|refused|reset)|Failed to connect|Operation timed out|early EOF|remote end hung up|RPC failed|unexpected disconnect|TLS|SSL|Empty reply|Couldn't connect/i;
function usefulLines(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('hint:') && l !== 'Done' && !l.startsWith('To '));
}
/** classifyPushFailure reads `git push --porcelain` stdout and stderr and says why it failed. */
function classifyPushFailure(stdout, stderr) {
    const rejected = [];
    for (const line of stdout.split(/\r?\n/)) {
        const m = /^!\t[^\t]*\t\[(rejected|remote rejected)\] \((.*)\)\s*$/.exec(line);
        if (m)
            rejected.push(`${m[1]} (${m[2]})`);
    }
    const remote = usefulLines(stderr).filter((l) => l.startsWith('remote:'));
    const all = [...rejected, ...usefulLines(stderr)].join(' / ');
    const detail = (remote.length ? [...rejected, ...remote] : [all]).join(' / ').slice(0, 600) ||
        'git push failed';
    for (const r of rejected) {
        if (r.startsWith('rejected') && RACE_REJECTIONS.test(r))
            return { kind: 'race', detail };
        if (r.startsWith('remote rejected') && RACE_REMOTE.test(r))
            return { kind: 'race', detail };
    }
    if (DENIED.test(stderr))
        return { kind: 'denied', detail };
    if (AUTH.test(stderr))
        return { kind: 'auth', detail };
    if (rejected.length)
        return { kind: 'refused', detail };
    if (TRANSIENT.test(stderr))
        return { kind: 'transient', detail };
    return { kind: 'unknown', detail };
}

;// CONCATENATED MODULE: ../../packages/core/src/commit/branch.ts
// commitFilesToBranch: put files on a branch of a remote, safely under races. The commit is built
// with plumbing (mktree or a temporary index, commit-tree), so the work tree, the index and HEAD of
// the repository it runs in are never touched, and the branch need not be the checked-out one.
// Every push is conditional on the branch still being the new commit's parent (a lease on the
// parent: a fast-forward by construction, never a forced update). When it is refused because
// someone pushed first, the change is rebased onto the new tip with a three-way merge of each file
// and pushed again after a jittered backoff.
//
// The steps, one function each, composed by publishWithRetries: locate (where, which remote, which
// start), readContents, fetchTip (skipped on the first try when `start` is known), buildFirst/build,
// placeOnTip (rebase or conflict), publish (push or createCommitOnBranch), published.













/** CommitConflictError: a file was changed on the branch in the same lines as this change. */
class CommitConflictError extends errors/* ActionError */.lZ {
    path;
    /** The commit on the branch that last changed the file. */
    conflictingCommit;
    /** This change's commit, kept at `keptRef`. */
    localCommit;
    keptRef;
    constructor(branch, path, conflicting, localCommit, keptRef) {
        super(`${path} conflicts with commit ${conflicting.sha.slice(0, 12)} on ${branch} ` +
            `("${conflicting.subject}" by ${conflicting.author}), which changed the same lines; nothing was pushed`, {
            hint: `This run's commit ${localCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` +
                `Re-run the workflow on the new head of ${branch}, or apply it by hand: ` +
                `git fetch origin ${branch} && git cherry-pick ${localCommit.slice(0, 12)}`,
        });
        this.name = 'CommitConflictError';
        this.path = path;
        this.conflictingCommit = conflicting.sha;
        this.localCommit = localCommit;
        this.keptRef = keptRef;
    }
}
const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
function fileMap(files) {
    return files instanceof Map ? new Map(files) : new Map(Object.entries(files));
}
function readWorkTree(root, path) {
    const full = (0,external_node_path_.join)(root, path);
    let stat;
    try {
        stat = (0,external_node_fs_.lstatSync)(full);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return null;
        throw e;
    }
    if (stat.isSymbolicLink()) {
        return { bytes: Buffer.from((0,external_node_fs_.readlinkSync)(full), 'utf8'), mode: '120000', filtered: false };
    }
    if (!stat.isFile()) {
        throw new errors/* ActionError */.lZ(`${path} is not a regular file`, {
            hint: 'List files (or globs that match files) to commit.',
        });
    }
    // The owner's execute bit, as git reads it.
    const mode = stat.mode & 0o100 ? '100755' : '100644';
    return { bytes: (0,external_node_fs_.readFileSync)(full), mode, filtered: true };
}
function sleepFor(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/**
 * locate answers, once and in parallel, where the repository is, where the remote is and which
 * commit `start` names, unless the caller already knows (`known`); and checks the branch name and
 * the paths without starting git.
 */
async function locate(options, branch, remote) {
    if (!branch || !isValidBranchName(branch)) {
        throw new errors/* ActionError */.lZ(`'${options.branch}' is not a valid branch name`, {
            hint: 'Give a branch name such as main or feature/x.',
        });
    }
    if (options.known)
        return options.known;
    const probe = new src_git/* Git */.T(options.cwd);
    const [location, pushUrl, startCommit] = await Promise.all([
        probe.tryRun(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository']),
        REMOTE_NAME.test(remote)
            ? probe.tryRun(['remote', 'get-url', '--push', remote])
            : Promise.resolve(remote),
        options.start ? probe.revParse(options.start) : Promise.resolve(undefined),
    ]);
    if (!location) {
        throw new errors/* ActionError */.lZ(`${options.cwd} is not inside a git repository`, {
            hint: 'Check out the repository first (actions/checkout).',
        });
    }
    if (pushUrl === undefined) {
        throw new errors/* ActionError */.lZ(`the repository has no remote named '${remote}'`, {
            hint: 'Check out the repository with actions/checkout, or add the remote first.',
        });
    }
    const [root = '', gitDir = '', shallowText] = location.split('\n');
    const known = { root, gitDir, shallow: shallowText === 'true', pushUrl };
    if (startCommit)
        known.startCommit = startCommit;
    return known;
}
/** readContents reads every file's new content once, before anything is built. */
function readContents(root, files) {
    for (const path of files.keys()) {
        if (!isCommittablePath(path)) {
            throw new errors/* ActionError */.lZ(`'${path}' cannot be committed`, {
                hint: 'Give paths relative to the repository root, without . or .. parts, outside .git.',
            });
        }
    }
    const wanted = new Map();
    for (const [path, content] of files) {
        if (content === null)
            wanted.set(path, null);
        else if (typeof content === 'string')
            wanted.set(path, { bytes: Buffer.from(content, 'utf8'), filtered: false });
        else if (content instanceof Uint8Array)
            wanted.set(path, { bytes: Buffer.from(content), filtered: false });
        else
            wanted.set(path, readWorkTree(root, path));
    }
    return wanted;
}
/** fetchBranch fetches the branch into the tracking ref; a shallow clone gets 50 commits of it. */
function fetchBranch(run) {
    // Enough history to tell whether `start` is on the branch and which commit a conflict comes
    // from; a full clone is never made shallow.
    return run.net.exec([
        'fetch',
        '--no-tags',
        '--quiet',
        '--no-auto-gc',
        ...(run.shallow ? ['--depth=50'] : []),
        run.remote,
        `+refs/heads/${run.branch}:${run.trackingRef}`,
    ], { okCodes: [0, 1, 128], secrets: run.secrets });
}
/** fetchTip fetches the branch and returns its tip, or undefined when it does not exist. */
async function fetchTip(run) {
    const result = await fetchBranch(run);
    if (result.exitCode === 0)
        return run.git.revParse(run.trackingRef);
    if (/couldn't find remote ref|no such ref/i.test(result.stderr))
        return undefined;
    throw fetchError(result, run.where);
}
/** build makes this run's commit on a base commit (undefined: a root commit). */
async function build(run, baseCommit) {
    // A commit names its tree for ls-tree and read-tree alike.
    const tree = baseCommit;
    const known = baseCommit && baseCommit === run.startCommit ? run.startEntries : undefined;
    const found = await buildChange(run.scratch, tree, run.wanted, known);
    const base = { commit: baseCommit, tree };
    if (found.entries.size === 0)
        return { base, unchanged: found.unchanged };
    const newTree = await run.scratch.writeTree(tree, found.entries);
    const commit = await run.scratch.commitTree(newTree, baseCommit ? [baseCommit] : [], run.options.message, run.author, run.committer);
    return {
        base,
        change: { commit, entries: found.entries, changes: found.changes },
        unchanged: found.unchanged,
    };
}
/**
 * buildFirst builds the change on the commit it belongs on, given the branch tip: on `start` (which
 * must be on the branch), else on the tip, else on the commit a new branch starts from.
 */
async function buildFirst(run, tip, prebuilt) {
    const { options, git, branch } = run;
    if (options.start && !run.startCommit) {
        // A full commit id that the branch tip is needs no look-up (a pull request head, most often).
        run.startCommit =
            options.start === tip && FULL_ID.test(tip) ? tip : await git.revParse(options.start);
    }
    const start = run.startCommit;
    if (tip && options.start) {
        if (!(start && (start === tip || (await isAncestor(git, start, tip))))) {
            throw new errors/* ActionError */.lZ(`${branch} no longer contains ${options.start.slice(0, 12)}, the commit these files were made from ` +
                `(its tip is ${tip.slice(0, 12)}: it was force-pushed or rewritten)`, { hint: `Re-run the workflow on the new head of ${branch}.` });
        }
        return prebuilt ? await prebuilt : build(run, start);
    }
    if (tip)
        return build(run, tip);
    const from = options.createFrom ?? options.start;
    if (from) {
        const fromCommit = from === options.start ? start : await git.revParse(from);
        if (!fromCommit) {
            throw new errors/* ActionError */.lZ(`${from} is not a commit in this repository`, {
                hint: 'Fetch it first, or give another commit to start the branch from.',
            });
        }
        return prebuilt && fromCommit === start ? await prebuilt : build(run, fromCommit);
    }
    if (options.orphan)
        return build(run, undefined);
    throw new errors/* ActionError */.lZ(`branch ${run.where} does not exist`, {
        hint: 'Create the branch first, or let the commit start it (orphan, or a commit to start from).',
    });
}
/**
 * placeOnTip puts the change on the current tip: as built, or rebased with a three-way merge per
 * file. A conflict keeps the commit and throws; undefined when the tip already has the change.
 */
async function placeOnTip(run, base, change, tip) {
    if (!tip || tip === base.commit) {
        return { commit: change.commit, parent: base.commit, changes: change.changes };
    }
    const merged = await rebaseChange(run.scratch, base.tree, tip, change.entries);
    if ('conflict' in merged) {
        await keep(run.git, run.keptRef, change.commit);
        const by = await describeConflict(run.git, merged.conflict, base.commit, tip);
        throw new CommitConflictError(run.branch, merged.conflict, by, change.commit, run.keptRef);
    }
    if (merged.entries.size === 0)
        return undefined;
    const tree = await run.scratch.writeTree(tip, merged.entries);
    const commit = await run.scratch.commitTree(tree, [tip], run.options.message, run.author, run.committer);
    (0,runtime/* info */.pq)(`${run.branch}: rebased onto ${tip.slice(0, 12)} as ${commit.slice(0, 12)}`);
    return { commit, parent: tip, changes: merged.changes };
}
/**
 * publish puts the commit on the branch, on condition that the branch is still `tip`: a push with
 * that expectation, or createCommitOnBranch with it as the expected head.
 */
async function publish(run, placed, tip) {
    const { options, branch } = run;
    if (!options.signed)
        return pushCommit(run, placed.commit, tip);
    if (!tip) {
        throw new errors/* ActionError */.lZ(`branch ${branch} does not exist, and signed commits go on an existing branch`, { hint: 'Create the branch first, or set signed to false.' });
    }
    const { publishSigned } = await __webpack_require__.e(/* import() */ 766).then(__webpack_require__.bind(__webpack_require__, 2766));
    return publishSigned(options.signed, run.scratch, {
        branch,
        expectedHead: tip,
        entries: await entriesAgainst(run.scratch, tip, placed.commit, run.paths),
        message: options.message,
    });
}
/** published records what the branch now holds in the workspace's refs. */
async function published(run, placed, sha) {
    if (sha !== placed.commit) {
        // GitHub made its own commit: fetch it, so the workspace knows what the branch holds.
        await fetchBranch(run);
    }
    else if (!REMOTE_NAME.test(run.remote)) {
        // A push to a named remote moves its remote-tracking ref by itself; to a URL it does not.
        await run.git.tryRun(['update-ref', run.trackingRef, sha]);
    }
    (0,runtime/* info */.pq)(`${run.branch}: ${sha.slice(0, 12)} published`);
}
/**
 * commitFilesToBranch commits `files` on top of `branch` of a remote and publishes the commit
 * (`git push`, or GitHub's `createCommitOnBranch` with `signed`), retrying with a jittered
 * exponential backoff while the branch keeps moving: each retry fetches the new tip and rebases the
 * change onto it with a three-way merge per file. It never force-pushes, never touches the work
 * tree, index or HEAD, and commits no file outside `files`. A file changed on the branch in the
 * same lines throws a CommitConflictError naming the file and that commit; a token without write
 * access returns `pushed: false` with `denied`. Unpublished commits are kept at `keptRef`.
 *
 * With `start`, the first try pushes straight onto `start` without fetching, on condition that the
 * branch is still there (the common case, where nobody pushed since the checkout): one fetch and
 * its round trip fewer. When the branch has moved, that try is refused, and the usual fetch,
 * rebase and push follow at once.
 */
async function commitFilesToBranch(options) {
    const branch = options.branch.replace(/^refs\/heads\//, '');
    const remote = options.remote ?? 'origin';
    const known = await locate(options, branch, remote);
    const files = fileMap(options.files);
    const wanted = readContents(known.root, files);
    const auth = gitAuth(known.pushUrl, options.token, process.env);
    for (const secret of [options.token, ...auth.secrets])
        (0,runtime/* setSecret */.Pq)(secret);
    const author = options.author ?? message/* GITHUB_ACTIONS_BOT */.iU;
    const scratch = await Scratch.open(new src_git/* Git */.T(known.root), known.gitDir, known.objects);
    const run = {
        options,
        branch,
        remote,
        root: known.root,
        shallow: known.shallow,
        git: new src_git/* Git */.T(known.root),
        net: new src_git/* Git */.T(known.root, auth.env),
        secrets: [...(options.token ? [options.token] : []), ...auth.secrets],
        trackingRef: REMOTE_NAME.test(remote)
            ? `refs/remotes/${remote}/${branch}`
            : `refs/mlops-actions/fetched/${branch}`,
        keptRef: `refs/mlops-actions/commit/${branch}`,
        where: `${branch} on ${(0,redact/* redactUrl */.B)(known.pushUrl)}`,
        attempts: Math.max(1, options.attempts ?? 5),
        author,
        committer: options.committer ?? author,
        startCommit: known.startCommit,
        startEntries: known.startEntries,
        scratch,
        wanted,
        paths: [...wanted.keys()],
    };
    // With a start commit at hand, the commit is built while the branch is fetched, which also
    // keeps the window between fetch and push (where another push can get in) short.
    const prebuilt = run.startCommit ? build(run, run.startCommit) : undefined;
    const early = prebuilt?.catch(() => undefined);
    try {
        return await publishWithRetries(run, prebuilt);
    }
    finally {
        // A commit still being built in the background must finish before its folder goes.
        await early;
        await scratch.close();
    }
}
/** publishWithRetries is the loop: fetch (or trust `start`), build or rebase, publish, back off. */
async function publishWithRetries(run, prebuilt) {
    const { options, branch, keptRef } = run;
    const sleep = options.sleep ?? sleepFor;
    const random = options.random ?? Math.random;
    // The first try trusts that the branch is still at `start`, when that can be checked by the
    // publish itself (a conditional push); it is not counted against `attempts` when it is refused.
    const trusting = !!run.startCommit && !options.signed && options.push !== false;
    const tries = run.attempts + (trusting ? 1 : 0);
    let built;
    let lastCommit;
    let lastFailure;
    const backoff = async (attempt, reason) => {
        const delayMs = (0,retry/* backoffDelay */.E)(attempt, options.baseDelayMs ?? 1000, options.maxDelayMs ?? 15_000, random);
        (0,runtime/* info */.pq)(`${branch}: ${reason}; trying again in ${(delayMs / 1000).toFixed(1)}s`);
        await options.onProgress?.({ kind: 'retrying', attempt, delayMs, reason });
        await sleep(delayMs);
    };
    for (let attempt = 1; attempt <= tries; attempt++) {
        const trusted = trusting && attempt === 1;
        let tip;
        if (trusted) {
            tip = run.startCommit;
        }
        else {
            try {
                tip = await fetchTip(run);
            }
            catch (error) {
                if (!(error instanceof TransientError) || attempt === tries)
                    throw error;
                lastFailure = { kind: 'transient', detail: error.message };
                await backoff(attempt, error.message);
                continue;
            }
            await options.onProgress?.({ kind: 'fetched', attempt, tip });
            (0,runtime/* info */.pq)(`${branch}: tip ${tip ? tip.slice(0, 12) : '(branch does not exist yet)'} (attempt ${attempt}/${tries})`);
        }
        built ??= await buildFirst(run, tip, prebuilt);
        if (!built.change) {
            (0,runtime/* info */.pq)(`${branch}: ${run.paths.length === 1 ? run.paths[0] : 'the files'} already as wanted; nothing to commit`);
            return nothingToCommit(run, tip, attempt - 1, built.unchanged);
        }
        const unchanged = built.unchanged;
        const placed = await placeOnTip(run, built.base, built.change, tip);
        if (!placed) {
            (0,runtime/* info */.pq)(`${branch}: ${tip?.slice(0, 12)} already has these changes; nothing to commit`);
            return nothingToCommit(run, tip, attempt - 1, run.paths);
        }
        lastCommit = placed.commit;
        const result = (failure, sha = placed.commit) => ({
            committed: true,
            pushed: failure === undefined,
            sha,
            parent: placed.parent,
            branch,
            created: !tip,
            attempts: attempt,
            changes: placed.changes,
            unchanged,
            ...(failure ? { keptRef } : {}),
            ...(failure?.kind === 'denied' ? { denied: failure.detail } : {}),
        });
        if (options.push === false) {
            await keep(run.git, keptRef, placed.commit);
            return { ...result({ kind: 'unknown', detail: 'not pushed' }), keptRef };
        }
        await options.onProgress?.({
            kind: 'publishing',
            attempt,
            commit: placed.commit,
            parent: placed.parent,
        });
        const outcome = await publish(run, placed, tip);
        if (outcome.ok) {
            await published(run, placed, outcome.sha);
            return result(undefined, outcome.sha);
        }
        lastFailure = outcome.failure;
        const { kind, detail } = outcome.failure;
        if (kind === 'denied') {
            await keep(run.git, keptRef, placed.commit);
            return result(outcome.failure);
        }
        if (kind !== 'race' && kind !== 'transient') {
            await keep(run.git, keptRef, placed.commit);
            throw publishError(kind, detail, run.where, placed.commit, keptRef);
        }
        if (trusted && kind === 'race') {
            // Not at `start` any more: fetch it, and check again that it still contains `start`.
            (0,runtime/* info */.pq)(`${branch}: moved since ${tip?.slice(0, 12)}; fetching it`);
            built = undefined;
            continue;
        }
        if (attempt < tries)
            await backoff(attempt, kind === 'race' ? 'the branch moved meanwhile (someone pushed first)' : detail);
    }
    if (lastCommit)
        await keep(run.git, keptRef, lastCommit);
    throw new errors/* ActionError */.lZ(`could not publish to ${run.where} after ${run.attempts} attempts: ${lastFailure?.kind === 'race' ? 'the branch kept moving' : (lastFailure?.detail ?? 'unknown failure')}`, {
        hint: `${lastCommit ? `The commit ${lastCommit.slice(0, 12)} is kept at ${keptRef} in the workspace. ` : ''}Raise the number of attempts, or re-run the job.`,
    });
}
function nothingToCommit(run, tip, attempts, unchanged) {
    return {
        committed: false,
        pushed: false,
        sha: tip,
        parent: tip,
        branch: run.branch,
        created: false,
        attempts,
        changes: [],
        unchanged,
    };
}
/** A fetch that failed in a way worth another try (network, server error). */
class TransientError extends errors/* ActionError */.lZ {
}
function fetchError(result, where) {
    const failure = classifyPushFailure('', result.stderr);
    const message = `could not fetch ${where}: ${failure.detail}`;
    if (failure.kind === 'transient')
        return new TransientError(message);
    if (failure.kind === 'denied' || failure.kind === 'auth') {
        return new errors/* ActionError */.lZ(message, { hint: 'Give a token that can read the repository.' });
    }
    return new errors/* ActionError */.lZ(message, {
        hint: 'Check the remote URL and that the repository is reachable.',
    });
}
function publishError(kind, detail, where, commit, keptRef) {
    const kept = `The commit ${commit.slice(0, 12)} is kept at ${keptRef} in the workspace.`;
    if (kind === 'auth') {
        return new errors/* ActionError */.lZ(`pushing to ${where} was refused: the credentials were not accepted (${detail})`, {
            hint: `Give a valid token with contents: write. ${kept}`,
        });
    }
    if (kind === 'refused') {
        return new errors/* ActionError */.lZ(`pushing to ${where} was refused: ${detail}`, {
            hint: `The branch may be protected: let the token bypass the rule, or commit to another branch. ${kept}`,
        });
    }
    return new errors/* ActionError */.lZ(`pushing to ${where} failed: ${detail}`, { hint: kept });
}
async function isAncestor(git, ancestor, descendant) {
    const result = await git.exec(['merge-base', '--is-ancestor', ancestor, descendant], {
        okCodes: [0, 1, 128],
    });
    return result.exitCode === 0;
}
async function keep(git, ref, commit) {
    await git.run(['update-ref', '-m', 'mlops-actions commit: kept', ref, commit]);
}
async function pushCommit(run, commit, tip) {
    // A conditional push: the branch is updated only while it still is `tip` (absent when empty),
    // and `commit` is always a child of `tip`, so the update is a fast-forward and nobody's commit
    // can be lost. No `+`, and never a lease on anything but the parent of the commit pushed.
    const result = await run.net.exec([
        'push',
        '--porcelain',
        '--no-follow-tags',
        `--force-with-lease=refs/heads/${run.branch}:${tip ?? ''}`,
        run.remote,
        `${commit}:refs/heads/${run.branch}`,
    ], { okCodes: [0, 1, 128], secrets: run.secrets });
    if (result.exitCode === 0)
        return { ok: true, sha: commit };
    return { ok: false, failure: classifyPushFailure(result.stdout, result.stderr) };
}
/**
 * buildChange compares the wanted contents with a tree and returns the entries that differ: files
 * equal to the tree's (line endings aside) are unchanged; a changed text file takes the line-ending
 * style of the version it replaces.
 */
async function buildChange(scratch, baseTree, wanted, known) {
    const old = known ?? (await scratch.entries(baseTree, [...wanted.keys()]));
    const entries = new Map();
    const changes = [];
    const unchanged = [];
    for (const [path, content] of wanted) {
        const before = old.get(path);
        if (!content?.bytes) {
            if (before) {
                entries.set(path, null);
                changes.push({ path, change: 'deleted' });
            }
            else
                unchanged.push(path);
            continue;
        }
        const mode = content.mode ?? before?.mode ?? '100644';
        let bytes = content.bytes;
        if (before && before.mode === mode && mode !== '120000' && /^100/.test(before.mode)) {
            const previous = await scratch.readBlob(before.oid);
            if (sameIgnoringEol(bytes, previous)) {
                unchanged.push(path);
                continue;
            }
            bytes = matchEolStyle(bytes, previous);
        }
        const oid = await scratch.writeBlob(bytes, content.filtered ? path : undefined);
        if (before && before.oid === oid && before.mode === mode) {
            unchanged.push(path);
            continue;
        }
        entries.set(path, { mode, oid, path });
        changes.push({ path, change: before ? 'modified' : 'added' });
    }
    return { entries, changes, unchanged };
}
/**
 * rebaseChange replays a change (entries made on `baseTree`) onto `tip`: for each file, a side that
 * did not change it takes the other's version, equal edits agree, and two different edits are
 * merged line by line; edits of the same lines, a deletion against an edit, or two edits of a
 * binary file are a conflict.
 */
async function rebaseChange(scratch, baseTree, tip, change) {
    const paths = [...change.keys()];
    const [baseEntries, tipEntries] = await Promise.all([
        scratch.entries(baseTree, paths),
        scratch.entries(tip, paths),
    ]);
    const entries = new Map();
    const changes = [];
    const same = (a, b) => (a ?? undefined)?.oid === (b ?? undefined)?.oid &&
        (a ?? undefined)?.mode === (b ?? undefined)?.mode;
    for (const path of paths) {
        const ours = change.get(path) ?? null;
        const b = baseEntries.get(path);
        const t = tipEntries.get(path);
        let result;
        if (same(t, b))
            result = ours;
        else if (same(t, ours))
            result = t ?? null;
        else if (ours && t && /^100/.test(ours.mode) && /^100/.test(t.mode)) {
            const [tipBytes, ourBytes] = await Promise.all([
                scratch.readBlob(t.oid),
                scratch.readBlob(ours.oid),
            ]);
            if (sameIgnoringEol(tipBytes, ourBytes))
                result = t;
            else if (b && /^100/.test(b.mode)) {
                const baseBytes = await scratch.readBlob(b.oid);
                if (!isBinary(baseBytes) && !isBinary(tipBytes) && !isBinary(ourBytes)) {
                    const merged = await scratch.mergeFile(baseBytes, tipBytes, ourBytes);
                    if (merged)
                        result = { mode: ours.mode, oid: await scratch.writeBlob(merged), path };
                }
            }
        }
        if (result === undefined)
            return { conflict: path };
        if (same(result, t))
            continue;
        entries.set(path, result);
        changes.push({ path, change: result === null ? 'deleted' : t ? 'modified' : 'added' });
    }
    return { entries, changes };
}
/** entriesAgainst lists, for the signed path, what a commit changes relative to the tip. */
async function entriesAgainst(scratch, tip, commit, paths) {
    const [before, after] = await Promise.all([
        scratch.entries(tip, paths),
        scratch.entries(commit, paths),
    ]);
    const out = new Map();
    for (const path of paths) {
        const a = after.get(path);
        const b = before.get(path);
        if (a?.oid === b?.oid && a?.mode === b?.mode)
            continue;
        out.set(path, a ?? null);
    }
    return out;
}
async function describeConflict(git, path, base, tip) {
    const range = base ? [tip, `^${base}`] : [tip];
    const sha = (await git.tryRun(['--literal-pathspecs', 'rev-list', '-1', ...range, '--', path])) || tip;
    const shown = (await git.tryRun(['show', '-s', '--format=%s%x00%an', sha])) ?? '';
    const [subject = '', author = ''] = shown.split('\0');
    return { sha, subject, author };
}

;// CONCATENATED MODULE: ../../packages/core/src/report/publish/images.ts
// Report images kept in the repository itself: committed to a dedicated orphan branch (one folder
// per head SHA) with core's commitFilesToBranch (fetch, rebase, push with retry; never a force
// push), and linked by commit-pinned blob URLs, which GitHub renders for members of a private
// repository too. No third-party host ever sees them.

/** imageUrl is the commit-pinned URL GitHub renders for an image in the repository. */
function imageUrl(serverUrl, owner, repo, commit, path) {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/blob/${commit}/${encoded}?raw=true`;
}
/** slug makes a plot id safe as a file name (`evaluation/plots/a b.png` -> `evaluation-plots-a-b`). */
function slug(text) {
    const base = text
        .replace(/\.[A-Za-z0-9]+$/, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80);
    return base || 'plot';
}
/** publishImages commits the images under `<headSha>/` on the image branch and returns their URLs. */
async function publishImages(options, images) {
    if (images.length === 0)
        return { ok: true, commit: '', urls: new Map() };
    const files = new Map();
    for (const image of images)
        files.set(`${options.headSha}/${image.name}`, image.bytes);
    const result = await commitFilesToBranch({
        cwd: options.cwd,
        branch: options.branch,
        files,
        message: `Report images for ${options.headSha.slice(0, 12)}`,
        orphan: true,
        ...(options.token ? { token: options.token } : {}),
        ...(options.remote ? { remote: options.remote } : {}),
        ...(options.attempts ? { attempts: options.attempts } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
    });
    if (result.denied) {
        return {
            ok: false,
            reason: `the token may not push to ${options.branch} (give the job \`permissions: contents: write\`): ${result.denied}`,
        };
    }
    if (!result.sha)
        return { ok: false, reason: `nothing was published to ${options.branch}` };
    const urls = new Map();
    for (const image of images) {
        urls.set(image.name, imageUrl(options.serverUrl, options.owner, options.repo, result.sha, `${options.headSha}/${image.name}`));
    }
    return { ok: true, commit: result.sha, urls };
}

// EXTERNAL MODULE: ../../packages/core/src/pure/markdown.ts
var markdown = __webpack_require__(1357);
;// CONCATENATED MODULE: ../../packages/core/src/report/charts/mermaid.ts

/** Line colours and the emoji squares that name them in the caption. */
const MERMAID_COLOURS = [
    { color: '#1f77b4', swatch: '🟦' },
    { color: '#ff7f0e', swatch: '🟧' },
    { color: '#2ca02c', swatch: '🟩' },
    { color: '#d62728', swatch: '🟥' },
    { color: '#9467bd', swatch: '🟪' },
    { color: '#8c564b', swatch: '🟫' },
    { color: '#000000', swatch: '⬛' },
    { color: '#bcbd22', swatch: '🟨' },
];
const MAX_POINTS = 60;
function quote(text) {
    return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}
function num(value) {
    return String(Number(value.toPrecision(6)));
}
/**
 * renderMermaidChart draws lines that share the same x values as one xychart; lines whose x
 * values differ go to separate charts (xychart cannot leave gaps). Returns Markdown.
 */
function renderMermaidChart(title, xLabel, yLabel, lines) {
    const groups = [];
    const keyOf = (line) => line.points.map((p) => String(p.x)).join('\u0000');
    for (const line of lines.filter((l) => l.points.length > 0)) {
        const group = groups.find((g) => keyOf(g[0]) === keyOf(line));
        if (group)
            group.push(line);
        else
            groups.push([line]);
    }
    const blocks = [];
    let colourIndex = 0;
    for (const group of groups) {
        const indices = thin(group[0].points.map((_, i) => i), MAX_POINTS);
        const colours = group.map(() => MERMAID_COLOURS[colourIndex++ % MERMAID_COLOURS.length]);
        const ys = group.flatMap((l) => indices.map((i) => l.points[i].y)).filter(Number.isFinite);
        const config = {
            themeVariables: { xyChart: { plotColorPalette: colours.map((c) => c.color).join(', ') } },
        };
        const xValues = indices.map((i) => group[0].points[i].x);
        const body = [
            '```mermaid',
            `%%{init: ${JSON.stringify(config)}}%%`,
            'xychart-beta',
            `  title ${quote(title)}`,
            `  x-axis ${quote(xLabel)} [${xValues.map((x) => (typeof x === 'number' ? num(x) : quote(String(x)))).join(', ')}]`,
            ys.length
                ? `  y-axis ${quote(yLabel)} ${num(Math.min(...ys))} --> ${num(Math.max(...ys) === Math.min(...ys) ? Math.max(...ys) + 1 : Math.max(...ys))}`
                : `  y-axis ${quote(yLabel)}`,
            ...group.map((line) => `  line [${indices.map((i) => num(line.points[i].y)).join(', ')}]`),
            '```',
        ];
        const caption = group.map((line, i) => `${colours[i].swatch} ${line.label}`).join(' · ');
        blocks.push(`${body.join('\n')}\n\n${caption}`);
    }
    return blocks.join('\n\n');
}

;// CONCATENATED MODULE: ../../packages/core/src/report/render/format.ts
// Number formatting and the `metrics-better` hints: how a change reads in the report.

/** BetterRuleError is a `metrics-better` line that does not read as `name: higher|lower`. */
class BetterRuleError extends Error {
    constructor(line) {
        super(`'${line}' is not 'metric: higher' or 'metric: lower'`);
        this.name = 'BetterRuleError';
    }
}
function globToRegExp(glob) {
    const body = glob
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${body}$`);
}
/** parseBetterRules reads lines like `accuracy: higher`, `loss*: lower`, `eval/m.json:loss: lower`. */
function parseBetterRules(lines) {
    return lines.map((line) => {
        // Exactly `higher` or `lower`, as the README says: anything else is an error, never a guess.
        const m = /^(.+?)\s*:\s*(higher|lower)$/.exec(line.trim());
        if (!m)
            throw new BetterRuleError(line);
        const name = m[1].trim();
        const direction = m[2] === 'higher' ? 'higher' : 'lower';
        const colon = name.lastIndexOf(':');
        const file = colon > 0 ? name.slice(0, colon) : undefined;
        const key = colon > 0 ? name.slice(colon + 1) : name;
        return { file, pattern: globToRegExp(key), direction, source: line.trim() };
    });
}
/** directionOf finds the rule for a metric (the first that matches), if any. */
function directionOf(rules, file, key) {
    return rules.find((r) => (r.file === undefined || r.file === file) && r.pattern.test(key))
        ?.direction;
}
/** verdict judges a metric's change against its rule. */
function verdict(direction, d) {
    if (!direction || d.diff === undefined || d.diff === 0 || Number.isNaN(d.diff))
        return undefined;
    return d.diff > 0 === (direction === 'higher') ? 'better' : 'worse';
}
/** VERDICT_MARK is how a verdict shows in tables and the summary line. */
const VERDICT_MARK = { better: '✅', worse: '🔻' };
/** roundTo rounds to `precision` decimal places as Python's round() and prints like repr(). */
function roundTo(value, precision) {
    if (!Number.isFinite(value))
        return (0,pyvalue/* pyFloatRepr */.XO)(value);
    const rounded = Number(value.toFixed(Math.min(100, Math.max(0, precision))));
    return (0,pyvalue/* pyFloatRepr */.XO)(rounded === 0 ? 0 : rounded);
}
/** formatValue prints a leaf for a table: floats rounded to `precision`, missing as '-'. */
function formatValue(value, precision) {
    if (value === undefined || value.t === 'null')
        return '-';
    if (value.t === 'float' && precision !== undefined)
        return roundTo(value.v, precision);
    return (0,pyvalue/* pyStr */.rD)(value);
}
/** formatChange prints new - old with a sign ('+0.02'), or '-' when it is not a number. */
function formatChange(d, precision) {
    if (d.diff === undefined)
        return '-';
    const isFloat = d.old?.t === 'float' || d.new?.t === 'float' || !Number.isInteger(d.diff);
    const text = isFloat ? roundTo(d.diff, precision) : String(d.diff);
    return d.diff > 0 ? `+${text}` : text.replace(/^-/, '−');
}
/** relativeChange is (new - old) / |old| in percent; undefined when old is 0, a boolean or not a number. */
function relativeChange(d) {
    const old = (0,pyvalue/* numeric */.sH)(d.old);
    if (d.diff === undefined || old === undefined || old === 0)
        return undefined;
    if (d.old?.t === 'bool' || d.new?.t === 'bool')
        return undefined;
    return (d.diff / Math.abs(old)) * 100;
}
/** formatPercent prints a relative change with a sign and one or two significant decimals. */
function formatPercent(percent) {
    if (percent === undefined || !Number.isFinite(percent))
        return '';
    const abs = Math.abs(percent);
    const text = abs >= 10 ? abs.toFixed(0) : abs >= 0.1 ? abs.toFixed(1) : abs === 0 ? '0' : abs.toPrecision(1);
    return `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${text}%`;
}

;// CONCATENATED MODULE: ../../packages/core/src/report/render/sections.ts
// The report as Markdown sections: a title and summary line, the metrics and params tables, one
// section per plot. Sections are the units a too-long comment is cut at (core's fitSections).





const sections_short = (sha) => sha.slice(0, 7);
function changed(d) {
    if (d.old === undefined || d.new === undefined)
        return d.old !== d.new;
    return d.diff !== undefined ? d.diff !== 0 : formatValue(d.old) !== formatValue(d.new);
}
function displayKey(path, key) {
    return key === '' ? path : key;
}
/** changedMetrics lists the metrics that moved (or appeared, or disappeared), in report order. */
function changedMetrics(metrics) {
    const out = [];
    for (const [path, keys] of metrics)
        for (const [key, d] of keys)
            if (changed(d))
                out.push({ path, key, d });
    return out;
}
function countChanged(diff) {
    let n = 0;
    for (const keys of diff.values())
        for (const d of keys.values())
            if (changed(d))
                n++;
    return n;
}
/** summaryLine is the one line at the top: which metrics moved and by how much, and params changed. */
function summaryLine(model, limit = 6) {
    const moved = changedMetrics(model.metrics);
    const parts = [];
    if (moved.length === 0) {
        parts.push(model.metrics.size === 0 ? 'no metrics declared' : 'no metric changed');
    }
    else {
        const shown = moved.slice(0, limit).map(({ path, key, d }) => {
            const name = `\`${displayKey(path, key)}\``;
            if (d.old === undefined)
                return `${name} new: ${formatValue(d.new, model.precision)}`;
            if (d.new === undefined)
                return `${name} removed (was ${formatValue(d.old, model.precision)})`;
            const mark = verdict(directionOf(model.better, path, key), d);
            const pct = formatPercent(relativeChange(d));
            const change = d.diff === undefined
                ? ''
                : ` (${formatChange(d, model.precision)}${pct ? `, ${pct}` : ''})`;
            return `${name} ${formatValue(d.old, model.precision)} → ${formatValue(d.new, model.precision)}${change}${mark ? ` ${VERDICT_MARK[mark]}` : ''}`;
        });
        if (moved.length > limit)
            shown.push(`and ${moved.length - limit} more`);
        parts.push(shown.join(' · '));
    }
    const params = countChanged(model.params);
    parts.push(params === 0 ? 'no param changed' : `${params} param${params === 1 ? '' : 's'} changed`);
    return `**Summary:** ${parts.join(' · ')}`;
}
function headerSection(model) {
    const head = model.headUrl
        ? (0,markdown/* link */.nf)(`\`${sections_short(model.headSha)}\``, model.headUrl)
        : `\`${sections_short(model.headSha)}\``;
    const base = model.baseUrl
        ? (0,markdown/* link */.nf)(`\`${sections_short(model.baseSha)}\``, model.baseUrl)
        : `\`${sections_short(model.baseSha)}\``;
    const run = model.runUrl ? ` · ${(0,markdown/* link */.nf)('workflow run', model.runUrl)}` : '';
    return [
        (0,markdown/* hiddenMarker */.z0)(model.marker),
        `## ${(0,markdown/* escapeCell */.kq)(model.title)} for ${head}`,
        '',
        `Compared with \`${model.baseName}\` (${base})${run}`,
        '',
        summaryLine(model),
    ].join('\n');
}
function metricsSection(model) {
    const rows = [];
    for (const [path, keys] of model.metrics) {
        for (const [key, d] of keys) {
            const mark = verdict(directionOf(model.better, path, key), d);
            rows.push([
                path,
                key === '' ? '(value)' : key,
                formatValue(d.old, model.precision),
                formatValue(d.new, model.precision),
                `${formatChange(d, model.precision)}${mark ? ` ${VERDICT_MARK[mark]}` : ''}`,
                formatPercent(relativeChange(d)) || '-',
            ]);
        }
    }
    const body = rows.length
        ? (0,markdown/* table */.tp)(['Path', 'Metric', model.baseName, 'workspace', 'Change', '%'], rows, [
            'l',
            'l',
            'r',
            'r',
            'r',
            'r',
        ])
        : '_No metrics are declared in dvc.yaml, or none could be read._';
    return `### Metrics\n\n${body}`;
}
function paramsSection(model) {
    const rows = [];
    for (const [path, keys] of model.params) {
        for (const [key, d] of keys) {
            if (!model.showAll && !changed(d))
                continue;
            rows.push([
                path,
                key === '' ? '(value)' : key,
                formatValue(d.old),
                formatValue(d.new),
                formatChange(d, model.precision),
            ]);
        }
    }
    const body = rows.length
        ? (0,markdown/* table */.tp)(['Path', 'Param', model.baseName, 'workspace', 'Change'], rows, [
            'l',
            'l',
            'r',
            'r',
            'r',
        ])
        : model.params.size === 0
            ? '_No params are declared._'
            : `_No param changed against \`${model.baseName}\`._`;
    return `### Params\n\n${body}`;
}
function imageCell(ref, alt, missing) {
    if (ref?.url)
        return `<img src="${ref.url}" alt="${(0,markdown/* escapeCell */.kq)(alt)}" width="100%">`;
    return `<em>${(0,markdown/* escapeCell */.kq)(ref?.note ?? missing)}</em>`;
}
function sideBySide(baseName, left, right) {
    return [
        '<table>',
        `<tr><th width="50%">${(0,markdown/* escapeCell */.kq)(baseName)}</th><th width="50%">workspace</th></tr>`,
        `<tr><td>${left}</td><td>${right}</td></tr>`,
        '</table>',
    ].join('\n');
}
function seriesLabel(field, file, multipleFiles) {
    return multipleFiles ? `${field} (${file})` : field;
}
/** chartLines overlays base (dashed) and workspace (solid) series, one colour per field. */
function chartLines(view, baseName) {
    const files = new Set([...(view.base?.series ?? []), ...(view.workspace?.series ?? [])].map((s) => s.file));
    const colours = new Map();
    const lines = [];
    const add = (data, revision, dashed) => {
        for (const s of data?.series ?? []) {
            const id = `${s.file}\u0000${s.field}`;
            if (!colours.has(id))
                colours.set(id, PALETTE[colours.size % PALETTE.length]);
            const points = s.points
                .map((p) => ({ x: toAxis(p.x), y: Number(p.y) }))
                .filter((p) => p.x !== undefined && Number.isFinite(p.y));
            lines.push({
                label: `${revision}: ${seriesLabel(s.field, s.file, files.size > 1)}`,
                color: colours.get(id),
                dashed,
                points,
            });
        }
    };
    add(view.workspace, 'workspace', false);
    add(view.base, baseName, true);
    return lines;
}
function toAxis(x) {
    if (x === null || x === undefined)
        return undefined;
    if (typeof x === 'number')
        return x;
    if (typeof x === 'string' && x.trim() !== '' && !Number.isNaN(Number(x)))
        return Number(x);
    return String(x);
}
function confusionTable(view, matrix, compare) {
    const labels = [...new Set([...matrix.rows, ...(compare?.rows ?? [])])];
    const total = (m, row) => labels.reduce((sum, c) => sum + (m?.counts.get(cellKey(row, c)) ?? 0), 0);
    const rows = labels.map((row) => {
        const cells = labels.map((column) => {
            const count = matrix.counts.get(cellKey(row, column)) ?? 0;
            let text;
            if (view.normalized) {
                const t = total(matrix, row);
                text = t ? `${((count / t) * 100).toFixed(1)}%` : '-';
            }
            else {
                text = String(count);
            }
            if (compare && !view.normalized) {
                const before = compare.counts.get(cellKey(row, column)) ?? 0;
                if (before !== count)
                    text += ` (${count > before ? '+' : '−'}${Math.abs(count - before)})`;
            }
            return row === column ? `**${text}**` : text;
        });
        return [`**${row}**`, ...cells];
    });
    return (0,markdown/* table */.tp)([`${view.xLabel} ↓ · ${view.yLabel} →`, ...labels], rows, [
        'l',
        ...labels.map(() => 'r'),
    ]);
}
function plotSection(model, view) {
    const heading = `#### ${(0,markdown/* escapeCell */.kq)(view.title)}`;
    if (view.kind === 'image') {
        if (view.same && view.workspace?.url) {
            return `${heading}\n\n_Unchanged._\n\n${imageCell(view.workspace, view.title, '')}`;
        }
        return `${heading}\n\n${sideBySide(model.baseName, imageCell(view.base, `${view.title} (${model.baseName})`, `missing in ${model.baseName}`), imageCell(view.workspace, `${view.title} (workspace)`, 'missing in the workspace'))}`;
    }
    if (view.kind === 'confusion') {
        const parts = [heading, ''];
        if (view.workspace) {
            parts.push(`Workspace${view.base && !view.normalized ? ` (in brackets: change from \`${model.baseName}\`)` : ''}:`, '', confusionTable(view, view.workspace, view.base));
        }
        else {
            parts.push('_Missing in the workspace._');
        }
        parts.push('');
        if (view.base) {
            parts.push(`<details><summary>${(0,markdown/* escapeCell */.kq)(model.baseName)}</summary>\n\n${confusionTable(view, view.base, undefined)}\n\n</details>`);
        }
        else {
            parts.push(`_Missing in \`${model.baseName}\`._`);
        }
        return parts.join('\n');
    }
    const notes = [];
    if (!view.base)
        notes.push(`_Missing in \`${model.baseName}\`._`);
    if (!view.workspace)
        notes.push('_Missing in the workspace._');
    if (view.same)
        notes.push('_Unchanged._');
    const prefix = notes.length ? `${notes.join(' ')}\n\n` : '';
    if (view.chart?.url)
        return `${heading}\n\n${prefix}<img src="${view.chart.url}" alt="${(0,markdown/* escapeCell */.kq)(view.title)}" width="640">`;
    const data = view.workspace ?? view.base;
    const lines = chartLines(view, model.baseName);
    if (lines.every((l) => l.points.length === 0))
        return `${heading}\n\n${prefix}_No numeric data to draw._`;
    return `${heading}\n\n${prefix}${renderMermaidChart(view.title, data?.xLabel ?? 'step', data?.yLabel ?? 'y', lines)}`;
}
/**
 * renderSections builds the report as Markdown sections (header first: it carries the hidden
 * marker, so a cut comment is still found again).
 */
function renderSections(model) {
    const sections = [headerSection(model), metricsSection(model), paramsSection(model)];
    if (model.notes.length)
        sections.push(model.notes.map((n) => `> [!WARNING]\n> ${n.replace(/\n/g, ' ')}`).join('\n\n'));
    if (model.plotsEnabled) {
        sections.push(model.plots.length ? '### Plots' : '### Plots\n\n_No plots are declared in dvc.yaml._');
        for (const view of model.plots)
            sections.push(plotSection(model, view));
    }
    return sections;
}

;// CONCATENATED MODULE: ../../packages/core/src/report/plot-views.ts
// Plots of both revisions side by side: what each plot shows, which images must be published
// for it, and how it fills in their URLs once they are.





function extensionOf(path) {
    return (/\.([A-Za-z0-9]+)$/.exec(path)?.[1] ?? 'png').toLowerCase();
}
function contentsOf(snapshot, spec) {
    const contents = new Map();
    for (const file of spec.files) {
        const f = snapshot.plotFiles.get(file);
        if (f?.kind === 'data')
            contents.set(file, f.content);
    }
    return contents;
}
function missingEverywhere(spec, base, workspace) {
    return spec.files.every((file) => {
        const b = base.plotFiles.get(file);
        const w = workspace.plotFiles.get(file);
        return (!b || b.kind === 'missing') && (!w || w.kind === 'missing');
    });
}
function why(file) {
    return file && (file.kind === 'missing' || file.kind === 'error')
        ? file.reason
        : 'not declared at this revision';
}
/**
 * plotViews pairs the plots of both revisions (workspace order first). A plot missing on both
 * sides, or one whose workspace data does not parse or lacks a field, is an ActionError; a plot
 * missing on one side is shown as missing.
 */
function plotViews(base, workspace, options) {
    const ids = [...new Set([...workspace.plots.map((p) => p.id), ...base.plots.map((p) => p.id)])];
    const plots = [];
    const images = [];
    const notes = [];
    const usedNames = new Set();
    const name = (stem, ext) => {
        let candidate = `${stem}.${ext}`;
        for (let i = 2; usedNames.has(candidate); i++)
            candidate = `${stem}-${i}.${ext}`;
        usedNames.add(candidate);
        return candidate;
    };
    for (const id of ids) {
        const wSpec = workspace.plots.find((p) => p.id === id);
        const bSpec = base.plots.find((p) => p.id === id);
        const spec = (wSpec ?? bSpec);
        if (missingEverywhere(spec, base, workspace)) {
            const reasons = spec.files.map((f) => why(workspace.plotFiles.get(f) ?? base.plotFiles.get(f)));
            throw new errors/* ActionError */.lZ(`plot '${id}' has no data in the workspace nor in ${options.baseName}: ${reasons.join('; ')}`, {
                hint: 'Run the pipeline (dvc repro) before the report, push its outputs (dvc push), or fix the plot path in dvc.yaml.',
            });
        }
        for (const file of spec.files) {
            const w = workspace.plotFiles.get(file);
            if (w?.kind === 'error') {
                throw new errors/* ActionError */.lZ(w.reason, {
                    hint: 'Fix the file, or the stage that writes it.',
                    location: w.line === undefined
                        ? { file: `${options.prefix}${file}` }
                        : { file: `${options.prefix}${file}`, line: w.line },
                });
            }
            const b = base.plotFiles.get(file);
            if (b?.kind === 'error')
                notes.push(`At \`${options.baseName}\`: ${b.reason}`);
        }
        if (spec.kind === 'image') {
            const file = spec.files[0];
            const b = bSpec ? base.plotFiles.get(file) : undefined;
            const w = wSpec ? workspace.plotFiles.get(file) : undefined;
            const bBytes = b?.kind === 'image' ? b.bytes : undefined;
            const wBytes = w?.kind === 'image' ? w.bytes : undefined;
            const same = !!bBytes && !!wBytes && bBytes.equals(wBytes);
            const ext = extensionOf(file);
            const wName = wBytes ? name(`${slug(id)}-workspace`, ext) : undefined;
            const bName = bBytes && !same ? name(`${slug(id)}-base`, ext) : undefined;
            if (wName)
                images.push({ name: wName, bytes: wBytes });
            if (bName)
                images.push({ name: bName, bytes: bBytes });
            const view = {
                kind: 'image',
                id,
                title: spec.title,
                base: bBytes ? {} : { note: `missing in ${options.baseName}` },
                workspace: wBytes ? {} : { note: 'missing in the workspace' },
                same,
            };
            if (same)
                view.base = view.workspace;
            plots.push({
                view,
                attach(stored) {
                    const ref = (n, current) => {
                        if (!n)
                            return current;
                        return stored.ok ? { url: stored.urls.get(n) } : { note: stored.reason };
                    };
                    view.workspace = ref(wName, view.workspace);
                    view.base = same ? view.workspace : ref(bName, view.base);
                },
            });
            continue;
        }
        const kind = templateKind(spec.props.template);
        const bContents = bSpec ? contentsOf(base, bSpec) : new Map();
        const wContents = wSpec ? contentsOf(workspace, wSpec) : new Map();
        const compute = (fn, side) => {
            try {
                return fn();
            }
            catch (error) {
                if (!(error instanceof PlotDataError))
                    throw error;
                if (side === 'workspace') {
                    throw new errors/* ActionError */.lZ(error.message, {
                        hint: 'Fix the plot definition in dvc.yaml, or the stage that writes the file.',
                    });
                }
                notes.push(`At \`${options.baseName}\`: ${error.message}`);
                return undefined;
            }
        };
        if (kind === 'confusion' || kind === 'confusion_normalized') {
            const bMatrix = bSpec ? compute(() => confusionMatrix(bSpec, bContents), 'base') : undefined;
            const wMatrix = wSpec
                ? compute(() => confusionMatrix(wSpec, wContents), 'workspace')
                : undefined;
            plots.push({
                view: {
                    kind: 'confusion',
                    id,
                    title: spec.title,
                    normalized: kind === 'confusion_normalized',
                    xLabel: spec.props.x_label ?? (typeof spec.props.x === 'string' ? spec.props.x : 'actual'),
                    yLabel: spec.props.y_label ?? (typeof spec.props.y === 'string' ? spec.props.y : 'predicted'),
                    base: bMatrix,
                    workspace: wMatrix,
                },
                attach() { },
            });
            continue;
        }
        const bData = bSpec ? compute(() => plotData(bSpec, bContents), 'base') : undefined;
        const wData = wSpec ? compute(() => plotData(wSpec, wContents), 'workspace') : undefined;
        const same = !!bData && !!wData && JSON.stringify(bData.series) === JSON.stringify(wData.series);
        const view = {
            kind: 'data',
            id,
            title: spec.title,
            scatter: kind === 'scatter',
            base: bData,
            workspace: wData,
            chart: undefined,
            same,
        };
        let chartName;
        if (options.svg) {
            const svg = kind === 'bar'
                ? barChart(view, options.baseName, bData ?? wData)
                : lineChart(view, options.baseName, wData ?? bData);
            chartName = name(slug(id), 'svg');
            images.push({ name: chartName, bytes: Buffer.from(svg, 'utf8') });
        }
        plots.push({
            view,
            attach(stored) {
                if (!chartName)
                    return;
                view.chart = stored.ok ? { url: stored.urls.get(chartName) } : { note: stored.reason };
            },
        });
    }
    return { plots, images, notes };
}
function lineChart(view, baseName, data) {
    return renderLineChart({
        title: view.title,
        xLabel: data?.xLabel ?? 'step',
        yLabel: data?.yLabel ?? 'y',
        lines: chartLines(view, baseName),
        scatter: view.scatter,
    });
}
function barChart(view, baseName, data) {
    const groups = [];
    const categories = [];
    const add = (d, label, color) => {
        const series = d?.series[0];
        if (!series)
            return;
        const values = new Map();
        for (const p of series.points) {
            const category = String(p.y);
            if (!categories.includes(category))
                categories.push(category);
            values.set(category, Number(p.x));
        }
        groups.push({ label, color, values });
    };
    add(view.workspace, 'workspace', PALETTE[0]);
    add(view.base, baseName, PALETTE[1]);
    return renderBarChart({
        title: view.title,
        xLabel: data?.xLabel ?? 'x',
        yLabel: data?.yLabel ?? 'y',
        categories,
        groups,
    });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ../../packages/core/src/report/read/source.ts
// Reading files as they are at a revision, natively: git objects through one long-lived
// `git cat-file --batch`, the workspace from disk, and DVC-cached outputs from the local DVC cache
// by the hash dvc.lock pins (DVC 3 layout `files/md5/ab/cdef…`, or the legacy `ab/cdef…`).




/**
 * GitObjects reads many blobs through one `git cat-file --batch` process: one spawn for every
 * file of both revisions instead of one per file (core's Git.show), and bytes kept binary-safe.
 */
class GitObjects {
    child;
    buffer = Buffer.alloc(0);
    // Output not yet joined into `buffer`: a big blob arrives in many chunks, joined once.
    pending = [];
    pendingLength = 0;
    needed = 0;
    queue = [];
    failure;
    cwd;
    constructor(cwd) {
        this.cwd = cwd;
    }
    start() {
        if (this.child)
            return this.child;
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], {
            cwd: this.cwd,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (chunk) => {
            this.pending.push(chunk);
            this.pendingLength += chunk.length;
            if (this.buffer.length + this.pendingLength < this.needed)
                return;
            this.buffer = Buffer.concat([this.buffer, ...this.pending]);
            this.pending = [];
            this.pendingLength = 0;
            this.drain();
        });
        const fail = (error) => {
            this.failure = error;
            for (const waiter of this.queue.splice(0))
                waiter.reject(error);
        };
        child.on('error', (e) => fail(new Error(`git cat-file could not start: ${e.message}`)));
        child.on('close', (code) => {
            if (this.queue.length)
                fail(new Error(`git cat-file exited with code ${code}`));
        });
        child.stdin.on('error', () => {
            // Reported through 'close'.
        });
        this.child = child;
        return child;
    }
    drain() {
        this.needed = 0;
        while (this.queue.length) {
            const nl = this.buffer.indexOf(10);
            if (nl < 0)
                return;
            const header = this.buffer.subarray(0, nl).toString('utf8');
            if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
                this.buffer = this.buffer.subarray(nl + 1);
                this.queue.shift().resolve(undefined);
                continue;
            }
            const size = Number(header.split(' ')[2]);
            if (!Number.isFinite(size)) {
                this.queue.shift().reject(new Error(`git cat-file said: ${header}`));
                this.buffer = this.buffer.subarray(nl + 1);
                continue;
            }
            if (this.buffer.length < nl + 1 + size + 1) {
                this.needed = nl + 1 + size + 1;
                return;
            }
            const body = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
            const type = header.split(' ')[1];
            this.buffer = this.buffer.subarray(nl + 1 + size + 1);
            this.queue.shift().resolve(type === 'blob' ? body : undefined);
        }
    }
    /** read returns the blob named by `spec` (`<rev>:<path>` or a SHA), or undefined when absent. */
    read(spec) {
        if (this.failure)
            return Promise.reject(this.failure);
        if (/[\r\n]/.test(spec))
            return Promise.resolve(undefined);
        const child = this.start();
        return new Promise((resolve, reject) => {
            this.queue.push({ resolve, reject });
            child.stdin.write(`${spec}\n`);
        });
    }
    /** close ends the git process. */
    close() {
        this.child?.stdin.end();
        this.child = undefined;
    }
}
/** The local DVC cache: where objects live, and reading one by its md5. */
class DvcCache {
    dir;
    constructor(dir) {
        this.dir = dir;
    }
    /** objectPath is where DVC keeps an object (DVC 3 `files/md5/`, or the legacy layout). */
    objectPath(md5, legacy) {
        const base = legacy ? this.dir : (0,external_node_path_.join)(this.dir, 'files', 'md5');
        return (0,external_node_path_.join)(base, md5.slice(0, 2), md5.slice(2));
    }
    /** read returns an object's bytes, or undefined when it is not in the local cache. */
    async read(md5, legacy) {
        for (const candidate of legacy ? [true, false] : [false, true]) {
            try {
                return await (0,promises_.readFile)(this.objectPath(md5, candidate));
            }
            catch {
                // Try the other layout, then give up.
            }
        }
        return undefined;
    }
}
/** readCacheDir finds the DVC cache folder from .dvc/config(.local), default .dvc/cache. */
async function readCacheDir(dvcRoot) {
    const dvcDir = (0,external_node_path_.join)(dvcRoot, '.dvc');
    let dir;
    for (const name of ['config', 'config.local']) {
        let text;
        try {
            text = await (0,promises_.readFile)((0,external_node_path_.join)(dvcDir, name), 'utf8');
        }
        catch {
            continue;
        }
        let section = '';
        for (const raw of text.split(/\r?\n/)) {
            const line = raw.trim();
            const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
            if (header) {
                section = header[1].replace(/\s+/g, ' ').toLowerCase();
                continue;
            }
            const kv = /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
            if (section === 'cache' && kv && kv[1] === 'dir')
                dir = kv[2].replace(/^['"]|['"]$/g, '');
        }
    }
    if (!dir)
        return (0,external_node_path_.join)(dvcDir, 'cache');
    return (0,external_node_path_.isAbsolute)(dir) ? dir : (0,external_node_path_.join)(dvcDir, dir);
}
/** A DVC-tracked output of one revision, with the listing of a folder output once read. */
class LockedOutputs {
    dirListings = new Map();
    outputs;
    cache;
    constructor(outputs, cache) {
        this.outputs = outputs;
        this.cache = cache;
    }
    owner(path) {
        return this.outputs.find((o) => path === o.path || (o.isDir && path.startsWith(`${o.path}/`)));
    }
    listing(out) {
        let listing = this.dirListings.get(out.path);
        if (!listing) {
            listing = (async () => {
                const bytes = await this.cache.read(out.md5, out.legacy);
                if (!bytes) {
                    return {
                        kind: 'missing',
                        reason: `${out.path} is not in the local DVC cache`,
                        object: { md5: out.md5, legacy: out.legacy },
                    };
                }
                try {
                    const entries = JSON.parse(bytes.toString('utf8'));
                    return entries.map((e) => ({ relpath: e.relpath.split(external_node_path_.sep).join('/'), md5: e.md5 }));
                }
                catch {
                    return {
                        kind: 'missing',
                        reason: `the DVC cache listing of ${out.path} is unreadable`,
                    };
                }
            })();
            this.dirListings.set(out.path, listing);
        }
        return listing;
    }
    /** read returns a tracked path's bytes from the cache, undefined when DVC does not track it. */
    async read(path) {
        const out = this.owner(path);
        if (!out)
            return undefined;
        if (!out.isDir) {
            const bytes = await this.cache.read(out.md5, out.legacy);
            return bytes
                ? { kind: 'found', bytes, via: 'cache' }
                : {
                    kind: 'missing',
                    reason: `${path} is not in the local DVC cache`,
                    object: { md5: out.md5, legacy: out.legacy },
                };
        }
        const listing = await this.listing(out);
        if (!Array.isArray(listing))
            return listing;
        if (path === out.path)
            return { kind: 'missing', reason: `${path} is a folder` };
        const rel = path.slice(out.path.length + 1);
        const entry = listing.find((e) => e.relpath === rel);
        if (!entry)
            return { kind: 'missing', reason: `${path} is not in the DVC-tracked folder ${out.path}` };
        const bytes = await this.cache.read(entry.md5, out.legacy);
        return bytes
            ? { kind: 'found', bytes, via: 'cache' }
            : {
                kind: 'missing',
                reason: `${path} is not in the local DVC cache`,
                object: { md5: out.md5, legacy: out.legacy },
            };
    }
    /** list returns the files of a tracked folder output (or under one), undefined when not tracked. */
    async list(path) {
        const out = this.outputs.find((o) => o.isDir && (o.path === path || path.startsWith(`${o.path}/`)));
        if (!out)
            return undefined;
        const listing = await this.listing(out);
        if (!Array.isArray(listing))
            return undefined;
        const files = listing
            .map((e) => `${out.path}/${e.relpath}`)
            .filter((p) => p.startsWith(`${path}/`));
        return files.length ? files.sort() : undefined;
    }
}
/** GitRevision reads a commit: git-tracked files from its tree, DVC outputs from the cache. */
class GitRevision {
    tree;
    outputs;
    name;
    sha;
    objects;
    gitCwd;
    /** The DVC root's path inside the git repository ('' or 'sub/dir/'). */
    prefix;
    cache;
    constructor(name, sha, objects, gitCwd, prefix, cache) {
        this.name = name;
        this.sha = sha;
        this.objects = objects;
        this.gitCwd = gitCwd;
        this.prefix = prefix;
        this.cache = cache;
    }
    /** setLocked tells the revision which outputs its dvc.lock files pin. */
    setLocked(outputs) {
        this.outputs = new LockedOutputs(outputs, this.cache);
    }
    files() {
        this.tree ??= new src_git/* Git */.T(this.gitCwd)
            .run(['ls-tree', '-r', '-z', '--name-only', '--full-tree', this.sha])
            .then((out) => out
            .split('\0')
            .filter((p) => p !== '' && p.startsWith(this.prefix))
            .map((p) => p.slice(this.prefix.length)));
        return this.tree;
    }
    async read(path) {
        const bytes = await this.objects.read(`${this.sha}:${this.prefix}${path}`);
        if (bytes)
            return { kind: 'found', bytes, via: 'git' };
        const cached = await this.outputs?.read(path);
        if (cached)
            return cached;
        return {
            kind: 'missing',
            reason: `${path} is neither in git nor tracked by DVC at ${this.name}`,
        };
    }
    async list(path) {
        const under = (await this.files()).filter((p) => p.startsWith(`${path}/`));
        const tracked = (await this.outputs?.list(path)) ?? [];
        const all = [...new Set([...under, ...tracked])].sort();
        return all.length ? all : undefined;
    }
    async find(name) {
        return (await this.files()).filter((p) => p === name || p.endsWith(`/${name}`));
    }
}
/** WorkspaceFiles reads the working tree from disk, and DVC outputs absent there from the cache. */
class WorkspaceFiles {
    name = 'workspace';
    outputs;
    root;
    cache;
    prefix;
    /** `prefix` is the DVC root's path inside the git repository, asked from git when not given. */
    constructor(root, cache, prefix) {
        this.root = root;
        this.cache = cache;
        this.prefix = prefix;
    }
    /** setLocked tells the workspace which outputs its dvc.lock files pin. */
    setLocked(outputs) {
        this.outputs = new LockedOutputs(outputs, this.cache);
    }
    async read(path) {
        try {
            return { kind: 'found', bytes: await (0,promises_.readFile)((0,external_node_path_.join)(this.root, path)), via: 'workspace' };
        }
        catch (e) {
            const code = e.code;
            if (code === 'EISDIR')
                return { kind: 'missing', reason: `${path} is a folder` };
            const cached = await this.outputs?.read(path);
            if (cached)
                return cached;
            return { kind: 'missing', reason: `${path} does not exist in the workspace` };
        }
    }
    async list(path) {
        const full = (0,external_node_path_.join)(this.root, path);
        try {
            if (!(await (0,promises_.stat)(full)).isDirectory())
                return undefined;
        }
        catch {
            return this.outputs?.list(path);
        }
        const entries = await (0,promises_.readdir)(full, { recursive: true, withFileTypes: true });
        const files = entries
            .filter((e) => e.isFile())
            .map((e) => (0,external_node_path_.relative)(this.root, (0,external_node_path_.join)(e.parentPath, e.name)).split(external_node_path_.sep).join('/'))
            .sort();
        return files.length ? files : undefined;
    }
    async find(name) {
        const git = new src_git/* Git */.T(this.root);
        const out = await git.run([
            'ls-files',
            '-z',
            '--cached',
            '--others',
            '--exclude-standard',
            '--full-name',
            '--',
            '.',
        ]);
        const prefix = this.prefix ?? (await git.run(['rev-parse', '--show-prefix']));
        const paths = out
            .split('\0')
            .filter((p) => p !== '' && p.startsWith(prefix))
            .map((p) => p.slice(prefix.length))
            .filter((p) => p === name || p.endsWith(`/${name}`));
        const present = [];
        for (const p of [...new Set(paths)]) {
            try {
                if ((await (0,promises_.stat)((0,external_node_path_.join)(this.root, p))).isFile())
                    present.push(p);
            }
            catch {
                // Deleted in the workspace.
            }
        }
        return present.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
    }
}
function depth(path) {
    return external_node_path_.posix.normalize(path).split('/').length;
}

;// CONCATENATED MODULE: ../../packages/core/src/report/build.ts
// The report, end to end: resolve the base, read both revisions natively (fetching only missing
// DVC objects), diff params and metrics, draw plots, publish images, and render the Markdown.












const SAFE_REF = /^(?!-)[^\0\s~^:?*[\\]+$/;
/**
 * resolveBase turns a branch, tag or SHA into a commit, fetching it from the remote when the
 * checkout lacks it (a shallow clone, or one branch only). A missing base is an ActionError.
 */
async function resolveBase(cwd, base, remote = 'origin') {
    if (!SAFE_REF.test(base)) {
        throw new errors/* ActionError */.lZ(`base '${base}' is not a branch, tag or commit name`, {
            hint: 'Set base to a branch, tag or commit SHA, for example main, v1.0 or a 40-character SHA.',
        });
    }
    const git = new src_git/* Git */.T(cwd);
    const candidates = [
        `refs/remotes/${remote}/${base}`,
        `refs/tags/${base}`,
        `refs/heads/${base}`,
        base,
    ];
    for (const candidate of candidates) {
        const sha = await git.revParse(candidate);
        if (sha)
            return sha;
    }
    const hasRemote = (await git.tryRun(['remote', 'get-url', remote])) !== undefined;
    if (hasRemote) {
        const depth = (await git.isShallow()) ? ['--depth=1'] : [];
        const refspecs = [
            `+refs/heads/${base}:refs/remotes/${remote}/${base}`,
            `+refs/tags/${base}:refs/tags/${base}`,
        ];
        if (/^[0-9a-f]{40}$/i.test(base))
            refspecs.push(base);
        for (const refspec of refspecs) {
            const fetched = await git.exec(['fetch', '--no-tags', '--quiet', ...depth, remote, refspec], {
                okCodes: [0, 1, 128],
            });
            if (fetched.exitCode !== 0)
                continue;
            (0,runtime/* info */.pq)(`Fetched ${base} from ${remote}`);
            for (const candidate of candidates) {
                const sha = await git.revParse(candidate);
                if (sha)
                    return sha;
            }
        }
    }
    throw new errors/* ActionError */.lZ(`base '${base}' was found neither in the checkout nor on ${hasRemote ? `the remote '${remote}'` : 'any remote'}`, {
        hint: 'Set base to a branch, tag or commit that exists in the repository.',
    });
}
/** fetchObjects asks DVC for exactly the missing cache objects, through a throwaway .dvc file each. */
async function fetchObjects(cwd, dvc, objects) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(cwd, '.mlops-report-fetch-'));
    try {
        const executable = await dvcPath(dvc);
        const targets = [];
        for (const [i, object] of objects.entries()) {
            const file = (0,external_node_path_.join)(dir, `object-${i}.dvc`);
            const hash = object.legacy ? '' : '  hash: md5\n';
            await (0,promises_.writeFile)(file, `outs:\n- md5: ${object.md5}\n${hash}  path: object-${i}\n`);
            targets.push((0,external_node_path_.relative)(cwd, file));
        }
        await (0,exec/* exec */.m0)(executable, ['fetch', ...targets], {
            cwd,
            silent: true,
            env: { DVC_NO_ANALYTICS: '1' },
            notFoundHint: 'Install DVC (for example with the setup-dvc action), or set fetch to false.',
        });
        return undefined;
    }
    catch (error) {
        return error instanceof exec/* ExecError */.cI ? error.message : error.message;
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
function problemError(problem, prefix) {
    return new errors/* ActionError */.lZ(problem.message, {
        hint: problem.file.endsWith('dvc.yaml')
            ? 'Fix dvc.yaml so that DVC can read it.'
            : 'Fix the file, or the stage that writes it.',
        location: problem.line === undefined
            ? { file: `${prefix}${problem.file}` }
            : { file: `${prefix}${problem.file}`, line: problem.line },
    });
}
function onlyChanged(diff) {
    const changed = new Map();
    for (const { path, key, d } of changedMetrics(diff)) {
        if (!changed.has(path))
            changed.set(path, new Map());
        changed.get(path).set(key, d);
    }
    return diffToJson(changed);
}
/** buildReport reads both revisions and renders the report; it publishes images but no comment. */
async function buildReport(options) {
    const git = new src_git/* Git */.T(options.cwd);
    const [gitRoot = options.cwd, prefix = ''] = (await git.exec(['rev-parse', '--show-toplevel', '--show-prefix'])).stdout.split('\n');
    const baseSha = await (0,runtime/* group */.Os)(`Resolving the base '${options.base}'`, () => resolveBase(options.cwd, options.base, options.remote));
    (0,runtime/* info */.pq)(`Comparing the workspace with ${options.base} (${baseSha})`);
    const cache = new DvcCache(await readCacheDir(options.cwd));
    const objects = new GitObjects(options.cwd);
    let base;
    let workspace;
    try {
        const read = () => Promise.all([
            collectSnapshot(new GitRevision(options.base, baseSha, objects, gitRoot, prefix, cache)),
            collectSnapshot(new WorkspaceFiles(options.cwd, cache, prefix)),
        ]);
        [base, workspace] = await (0,runtime/* group */.Os)(`Reading ${options.base} and the workspace`, read);
        const missing = [...base.missing, ...workspace.missing].filter((m, i, all) => all.findIndex((o) => o.md5 === m.md5) === i);
        if (missing.length > 0 && options.fetch) {
            const failure = await (0,runtime/* group */.Os)(`Fetching ${missing.length} object(s) missing from the DVC cache`, () => fetchObjects(options.cwd, options.dvc, missing));
            if (failure)
                (0,runtime/* warning */.$e)(`Some DVC objects could not be fetched; they are shown as missing: ${failure}`);
            [base, workspace] = await read();
            // `dvc fetch` exits 0 when the remote lacks an object: say so, instead of a silent gap.
            const still = [...base.missing, ...workspace.missing].filter((m) => missing.some((o) => o.md5 === m.md5));
            if (still.length > 0 && !failure) {
                (0,runtime/* warning */.$e)(`${still.length} DVC object(s) are neither in the local cache nor on the DVC remote, so their values are shown as missing (md5 ${still.map((m) => m.md5.slice(0, 8)).join(', ')}): push them with 'dvc push' from where they were made, or check the remote the report reads (.dvc/config)`);
            }
        }
    }
    finally {
        objects.close();
    }
    const first = workspace.problems[0];
    if (first)
        throw problemError(first, prefix);
    for (const problem of base.problems) {
        (0,runtime/* warning */.$e)(`${options.base}: ${problem.message}`, {
            file: `${prefix}${problem.file}`,
            ...(problem.line ? { line: problem.line } : {}),
        });
    }
    const notes = base.problems.map((p) => `At \`${options.base}\`: ${p.message}`);
    // A declared metrics file that could not be read shows as '-' in the table: say why.
    for (const [snapshot, where] of [
        [base, `\`${options.base}\``],
        [workspace, 'the workspace'],
    ]) {
        for (const [path, data] of snapshot.metrics) {
            if (data.kind !== 'missing')
                continue;
            notes.push(`Metrics file \`${path}\` is missing in ${where}: ${data.reason}.`);
            if (snapshot === workspace)
                (0,runtime/* warning */.$e)(`Metrics file ${path} is missing in the workspace: ${data.reason}`);
        }
    }
    let params;
    let metrics;
    if (base.needsDvc || workspace.needsDvc) {
        // Templated dvc.yaml (vars, foreach, matrix) or TOML/Python params: only DVC resolves those.
        [params, metrics] = await (0,runtime/* group */.Os)('Diffing params and metrics with DVC (templated dvc.yaml)', () => Promise.all([
            dvcDiff('params', options.cwd, options.dvc, baseSha),
            dvcDiff('metrics', options.cwd, options.dvc, baseSha),
        ]));
    }
    else {
        params = diffData(base.params, workspace.params, true);
        metrics = diffData(base.metrics, workspace.metrics, true);
    }
    let plots = [];
    if (options.plots) {
        const views = plotViews(base, workspace, { baseName: options.base, svg: options.svg, prefix });
        notes.push(...views.notes);
        plots = views.plots;
        if (views.images.length > 0) {
            let stored = {
                ok: false,
                reason: options.noImagesReason ?? 'images are not stored (image-store: none)',
            };
            if (options.publish) {
                stored = await (0,runtime/* group */.Os)(`Publishing ${views.images.length} image(s)`, () => options.publish(views.images));
                if (!stored.ok) {
                    (0,runtime/* warning */.$e)(`Report images were not published: ${stored.reason}`);
                    stored = { ok: false, reason: `image not published: ${stored.reason}` };
                }
            }
            for (const plot of plots)
                plot.attach(stored);
        }
    }
    const repoUrl = options.repoUrl;
    const model = {
        title: options.title,
        marker: options.marker,
        headSha: options.headSha,
        headUrl: repoUrl && options.headSha ? `${repoUrl}/commit/${options.headSha}` : undefined,
        baseName: options.base,
        baseSha,
        baseUrl: repoUrl ? `${repoUrl}/commit/${baseSha}` : undefined,
        runUrl: options.runUrl,
        params,
        metrics,
        showAll: options.showAll,
        precision: options.precision,
        better: options.better,
        plots: plots.map((p) => p.view),
        notes,
        plotsEnabled: options.plots,
    };
    const sections = renderSections(model);
    return {
        markdown: `${sections.join('\n\n')}\n`,
        sections,
        model,
        baseSha,
        metricsChanged: onlyChanged(metrics),
        warnings: base.problems,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/report/publish/sticky.ts
// The sticky-comment rules, pure: which existing comment is ours, what to do in each mode, and
// which duplicates to delete after a race. The GitHub calls that apply them are in comment.ts.

/** sameLogin compares logins the way GitHub's two APIs spell a bot (`name` vs `name[bot]`). */
function sameLogin(a, b) {
    if (!a || !b)
        return false;
    const norm = (login) => login.toLowerCase().replace(/\[bot\]$/, '');
    return norm(a) === norm(b);
}
/**
 * hasMarker tells whether a body carries the marker as its own hidden line: a line that is, once
 * trimmed, exactly the marker's HTML comment, outside code blocks and block quotes. The whole token
 * must match: `id=report` is not found in `id=report-gpu`, nor `id=Report`, nor in a marker that a
 * person quoted (`> <!-- … -->`) or pasted into a code block. A person's edits elsewhere in the
 * body do not matter; a body whose marker line was removed is no longer the report's.
 */
function hasMarker(body, marker) {
    const wanted = (0,markdown/* hiddenMarker */.z0)(marker);
    let fence;
    for (const raw of (body ?? '').split(/\r?\n/)) {
        const line = raw.trim();
        const opens = /^(`{3,}|~{3,})/.exec(line)?.[1];
        if (fence) {
            if (opens && opens[0] === fence[0] && opens.length >= fence.length)
                fence = undefined;
            continue;
        }
        if (opens) {
            fence = opens;
            continue;
        }
        if (line === wanted)
            return true;
    }
    return false;
}
/** ours lists the comments that carry the marker and were written by `login`, oldest first. */
function ours(comments, marker, login) {
    return comments
        .filter((c) => sameLogin(c.user?.login, login) && hasMarker(c.body, marker))
        .sort((a, b) => a.id - b.id);
}
/**
 * planComment decides, for a mode: update keeps the oldest of ours and edits it (deleting any
 * duplicates), recreate deletes all of ours and posts anew, append posts anew and keeps the rest.
 */
function planComment(mine, mode) {
    if (mode === 'append')
        return { action: 'create', remove: [] };
    if (mode === 'recreate' || mine.length === 0)
        return { action: 'create', remove: mine.map((c) => c.id) };
    const [keep, ...rest] = mine;
    return { action: 'update', id: keep.id, remove: rest.map((c) => c.id) };
}
/**
 * settleRace decides, after posting, what leaves exactly one of ours: keep the oldest, delete the
 * newer ones. `posted` is our comment; when it is not the one kept, the kept one takes our body.
 */
function settleRace(mine, posted) {
    const sorted = [...mine].sort((a, b) => a.id - b.id);
    const keep = sorted[0]?.id ?? posted;
    return {
        keep,
        remove: sorted.slice(1).map((c) => c.id),
        rewriteKept: keep !== posted,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/report/publish/comment.ts

/** PermissionDenied is a 403/404 from GitHub: the token may not read or write comments here. */
class PermissionDenied extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.name = 'PermissionDenied';
        this.status = status;
    }
}
/** httpStatus is the HTTP status of an Octokit RequestError (kept here so this module stays light). */
function httpStatus(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
function denied(error) {
    const status = httpStatus(error);
    return status === 403 || status === 404;
}
async function guard(what, fn) {
    try {
        return await fn();
    }
    catch (error) {
        if (denied(error))
            throw new PermissionDenied(httpStatus(error), `${what}: ${error.message}`);
        throw error;
    }
}
/**
 * whoAmI finds the login the token acts as. GraphQL's `viewer` answers for every kind of token
 * (GITHUB_TOKEN gives `github-actions[bot]`, an app token `<slug>[bot]`, a PAT its user); REST
 * `/user` is the fallback for a PAT; GITHUB_TOKEN's bot is the last resort.
 */
async function whoAmI(client) {
    try {
        const result = await client.graphql('query { viewer { login } }');
        if (result.viewer.login)
            return result.viewer.login;
    }
    catch {
        // Not every server or token answers GraphQL; try REST.
    }
    try {
        const { data } = await client.rest.users.getAuthenticated();
        if (data.login)
            return data.login;
    }
    catch {
        // An app token may not call /user.
    }
    return 'github-actions[bot]';
}
async function listAll(client, owner, repo, issueNumber) {
    return guard('listing the pull request comments', () => client.paginate(client.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
    }));
}
async function remove(client, owner, repo, id) {
    try {
        await client.rest.issues.deleteComment({ owner, repo, comment_id: id });
        return true;
    }
    catch (error) {
        // Another run deleted it first: that is the outcome we wanted.
        if (httpStatus(error) === 404)
            return false;
        if (denied(error))
            throw new PermissionDenied(httpStatus(error), `deleting comment ${id}: ${error.message}`);
        throw error;
    }
}
/**
 * publishSticky writes the report into the pull request's comment marked with `marker`: found
 * among all comments by the token's own identity, then updated, recreated or appended as `mode`
 * says. After posting a new comment it lists again and deletes newer duplicates of ours, so two
 * concurrent runs leave one comment (the oldest, holding the latest body written).
 */
async function publishSticky(client, options) {
    const { owner, repo, issueNumber, marker, body, mode } = options;
    const login = options.login ?? (await whoAmI(client));
    const mine = ours(await listAll(client, owner, repo, issueNumber), marker, login);
    const plan = planComment(mine, mode);
    const deleted = [];
    for (const id of plan.remove)
        if (await remove(client, owner, repo, id))
            deleted.push(id);
    if (plan.action === 'update') {
        try {
            const { data } = await guard('updating the report comment', () => client.rest.issues.updateComment({ owner, repo, comment_id: plan.id, body }));
            return { id: data.id, url: data.html_url, created: false, deleted };
        }
        catch (error) {
            // Deleted since we listed (a concurrent recreate): post a new one below.
            if (!(error instanceof PermissionDenied && error.status === 404))
                throw error;
        }
    }
    const { data: created } = await guard('creating the report comment', () => client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }));
    if (mode === 'append')
        return { id: created.id, url: created.html_url, created: true, deleted };
    // A concurrent run may have posted too: keep the oldest of ours, delete the rest.
    const author = created.user?.login ?? login;
    const after = ours(await listAll(client, owner, repo, issueNumber), marker, author);
    if (!after.some((c) => c.id === created.id))
        after.push({ id: created.id, body, user: { login: author } });
    const settle = settleRace(after, created.id);
    for (const id of settle.remove)
        if (await remove(client, owner, repo, id))
            deleted.push(id);
    if (!settle.rewriteKept)
        return { id: created.id, url: created.html_url, created: true, deleted };
    const kept = after.find((c) => c.id === settle.keep);
    try {
        const { data } = await client.rest.issues.updateComment({
            owner,
            repo,
            comment_id: settle.keep,
            body,
        });
        return { id: data.id, url: data.html_url, created: false, deleted };
    }
    catch (error) {
        if (httpStatus(error) !== 404)
            throw error;
        // The kept one vanished too (a recreate elsewhere): post ours again, once.
        const { data } = await client.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body,
        });
        return { id: data.id, url: data.html_url ?? kept?.html_url ?? '', created: true, deleted };
    }
}
/** publishCommitComment comments on a commit (push events with `target: commit`). */
async function publishCommitComment(client, options) {
    const { data } = await guard('commenting on the commit', () => client.rest.repos.createCommitComment({
        owner: options.owner,
        repo: options.repo,
        commit_sha: options.sha,
        body: options.body,
    }));
    return { id: data.id, url: data.html_url, created: true, deleted: [] };
}

;// CONCATENATED MODULE: ../../packages/core/src/report/publish/destination.ts

/** GitHub's limit on a comment body, in characters. */
const COMMENT_LIMIT = 65_536;
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/**
 * destination decides where the report goes. A pull request from a fork on `pull_request` gets a
 * read-only token, so it gets the job summary only, with a warning naming the missing permission.
 */
function destination(context, target, hasToken) {
    if (target === 'none')
        return { kind: 'none' };
    const pr = context.pullRequest;
    const onPr = PR_EVENTS.has(context.eventName) &&
        pr !== undefined &&
        Number.isInteger(pr.number) &&
        pr.number > 0;
    let chosen;
    if (target === 'commit') {
        chosen = context.headSha
            ? { kind: 'commit', sha: context.headSha }
            : {
                kind: 'none',
                warning: 'target is commit, but the run has no commit SHA (GITHUB_SHA): the report is in the job summary only',
            };
    }
    else if (onPr) {
        chosen = { kind: 'pr', number: pr.number };
    }
    else if (target === 'pr') {
        return {
            kind: 'none',
            warning: `target is pr, but the ${context.eventName || 'unknown'} event is not about a pull request: the report is in the job summary only`,
        };
    }
    else {
        return { kind: 'none' };
    }
    const what = chosen.kind === 'pr' ? 'pull-requests: write' : 'contents: write';
    if (context.eventName === 'pull_request' && pr?.isFork) {
        return {
            kind: 'none',
            warning: `this pull request comes from a fork, whose GITHUB_TOKEN is read-only (no ${what}): ` +
                'the report is in the job summary only',
        };
    }
    if (!hasToken) {
        return {
            kind: 'none',
            warning: `the token input is empty (a token with ${what} is needed): the report is in the job summary only`,
        };
    }
    return chosen;
}
/** deniedWarning explains a 403/404 from GitHub as the permission the token lacks. */
function deniedWarning(kind, status) {
    const what = kind === 'pr' ? 'pull-requests: write' : 'contents: write';
    return (`GitHub refused the report comment (HTTP ${status}): the token lacks ${what}. ` +
        `Give the job \`permissions: { ${what} }\`; the report is in the job summary only`);
}
/** commentBody fits the sections into one comment, cutting at a section boundary with a note. */
function commentBody(sections, runUrl, limit = COMMENT_LIMIT) {
    const where = runUrl ? (0,markdown/* link */.nf)('job summary', runUrl) : 'job summary of this run';
    const note = `> [!NOTE]\n> The report is too long for one comment and is cut here. The full report is in the ${where}.`;
    const { text, cut } = (0,markdown/* fitSections */.WK)(sections, limit, note);
    return { body: text, cut };
}

;// CONCATENATED MODULE: ../../packages/core/src/report/publish/image-branch.ts
// The plan-phase check of the report's image branch: the report commits SVG files to it, so it must
// be a branch of the report's own. The default branch, the pull request's base and head, the run's
// own branch, and any branch holding a commit the report did not make are refused before anything
// is pushed. Reads refs and commits only (a fetch that stores no ref).





const HINT = 'Give the images a branch of their own that only the report writes, such as mlops-report-images (the default), or set image-store: none.';
/**
 * checkImageBranch refuses an image branch that is not the report's own. It returns whether the
 * branch exists on the remote (a new one is created as an orphan on the first publish).
 */
async function checkImageBranch(options) {
    const branch = options.branch.replace(/^refs\/heads\//, '');
    const git = new src_git/* Git */.T(options.cwd);
    if (!branch || (await git.tryRun(['check-ref-format', `refs/heads/${branch}`])) === undefined) {
        throw new errors/* InputError */.dz('image-branch', `is '${options.branch}', which is not a valid branch name`, 'Give a branch name such as mlops-report-images.');
    }
    const own = (what) => {
        throw new errors/* InputError */.dz('image-branch', `is '${branch}', ${what}: the report would commit its images onto it`, HINT);
    };
    if (branch === options.baseRef)
        own("the pull request's base branch");
    if (branch === options.headRef)
        own("the pull request's head branch");
    if (branch === options.defaultBranch)
        own("the repository's default branch");
    if (branch === options.currentBranch)
        own('the branch this run is on');
    const remote = options.remote ?? 'origin';
    const url = (await git.tryRun(['remote', 'get-url', remote])) ?? remote;
    const auth = gitAuth(url, options.token, process.env);
    for (const secret of [options.token, ...auth.secrets])
        if (secret)
            (0,runtime/* setSecret */.Pq)(secret);
    const secrets = [...(options.token ? [options.token] : []), ...auth.secrets];
    const net = new src_git/* Git */.T(options.cwd, auth.env);
    const listed = await net.exec(['ls-remote', '--symref', remote, 'HEAD', `refs/heads/${branch}`], {
        okCodes: [0, 2, 128],
        secrets,
    });
    if (listed.exitCode === 128)
        return false; // The remote cannot be read now: the push will say why.
    const lines = listed.stdout.split('\n');
    const head = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(listed.stdout)?.[1];
    if (!options.defaultBranch && head === branch)
        own("the repository's default branch");
    const tip = lines
        .map((l) => l.split('\t'))
        .find(([, ref]) => ref === `refs/heads/${branch}`)?.[0];
    if (!tip)
        return false;
    // The branch exists: every commit on it must be one the report made.
    await net.exec(['fetch', '--no-tags', '--quiet', '--no-write-fetch-head', remote, `refs/heads/${branch}`], {
        secrets,
    });
    const log = await git.run(['log', '--format=%H%x00%ae%x00%s', '--max-count=100000', tip]);
    for (const line of log.split('\n').filter(Boolean)) {
        const [sha = '', email = '', subject = ''] = line.split('\0');
        if (!isReportImageCommit(email, subject)) {
            own(`a branch with commits the report did not make (${sha.slice(0, 12)} "${subject}" by ${email || 'someone'})`);
        }
    }
    return true;
}
/**
 * isReportImageCommit tells whether a commit is one publishImages makes: GitHub Actions' bot as
 * author, and the subject `Report images for <head sha>`.
 */
function isReportImageCommit(authorEmail, subject) {
    return (authorEmail === message/* GITHUB_ACTIONS_BOT */.iU.email && /^Report images for [0-9a-f]{7,40}$/.test(subject));
}

;// CONCATENATED MODULE: ../../packages/core/src/report/index.ts
// @mlops-actions/core/report: the experiment report of a pull request. Params, metrics and plots of
// the workspace against a base revision, read natively (git objects, the DVC cache) with DVC's
// diff semantics, rendered as Markdown with SVG or Mermaid charts, images kept in the repository,
// and published as one sticky comment.
//
// Layout, each folder importing only from the ones before it:
//   read/     the files DVC reads, as Python-shaped values (parse, on pure/fastyaml and
//             pure/pyvalue), dvc.yaml and dvc.lock (dvcfile), and files at a revision (source: git
//             objects, workspace, DVC cache)
//   diff/     params and metrics diffs with DVC's semantics (data), or asked of DVC itself (dvc)
//   charts/   plot files as series (plot-data), drawn as SVG (svg) or Mermaid (mermaid)
//   render/   the Markdown sections (sections) and number formatting (format)
//   publish/  where the report goes and its body (destination) and the sticky rules (sticky), both
//             pure; the GitHub calls (comment); images on their branch (images, image-branch)
// and on top, composing them: collect.ts (one revision's inputs), plot-views.ts (plots of both
// revisions side by side, with the images they need) and build.ts (the report end to end).
// This index exports what callers use; tests import the modules themselves.







;// CONCATENATED MODULE: ./src/run.ts





// The job summary takes at most 1 MiB per step.
const SUMMARY_LIMIT = 1_000_000;
/**
 * dvcOnDemand finds DVC on PATH, or installs it with the extras the project's remote needs into
 * the tool cache as dvc-repro does, the first time the report needs it (issue 18): a report job
 * whose metrics and plots are in git needs no Python set-up at all.
 */
function dvcOnDemand(projectDir) {
    let found;
    return () => {
        found ??= Promise.all(/* import() */[__webpack_require__.e(483), __webpack_require__.e(542)]).then(__webpack_require__.bind(__webpack_require__, 1542))
            .then(({ setupDvc }) => setupDvc({ projectDir }))
            .then((cli) => cli.executable);
        return found;
    };
}
/** reportMarker is the hidden text that finds this workflow's report comment again. */
function reportMarker(workflow, reportId) {
    return `mlops-actions/report workflow=${workflow.replace(/--|[\r\n]/g, ' ')} id=${reportId}`;
}
/** reportStep builds the report, writes it to a file and the job summary, and publishes it. */
async function reportStep(inputs, context, workflow) {
    const marker = reportMarker(workflow, inputs.reportId);
    const where = destination(context, inputs.target, inputs.token !== '');
    const fork = context.eventName === 'pull_request' && context.pullRequest?.isFork === true;
    let noImagesReason;
    if (inputs.imageStore === 'none')
        noImagesReason = 'images are not published (image-store: none)';
    else if (fork)
        noImagesReason =
            'images are not published: the token of a fork pull request is read-only (no contents: write)';
    else if (!inputs.token)
        noImagesReason = 'images are not published: the token input is empty';
    else if (!context.headSha)
        noImagesReason = 'images are not published: the run has no commit SHA (GITHUB_SHA)';
    const repository = context.owner && context.repo
        ? `${context.serverUrl}/${context.owner}/${context.repo}`
        : undefined;
    // The plan phase for the images: the branch they go to must be the report's own, checked before
    // anything is pushed (issue 17).
    if (noImagesReason === undefined) {
        await checkImageBranch({
            cwd: inputs.workingDirectory,
            branch: inputs.imageBranch,
            ...(context.defaultBranch ? { defaultBranch: context.defaultBranch } : {}),
            ...(context.pullRequest?.baseRef ? { baseRef: context.pullRequest.baseRef } : {}),
            ...(context.pullRequest?.headRef ? { headRef: context.pullRequest.headRef } : {}),
            ...(context.branch ? { currentBranch: context.branch } : {}),
            token: inputs.token,
        });
    }
    const built = await buildReport({
        cwd: inputs.workingDirectory,
        base: inputs.base ?? context.pullRequest?.baseRef ?? context.defaultBranch ?? 'main',
        title: inputs.title,
        marker,
        headSha: context.headSha,
        repoUrl: repository,
        runUrl: context.runUrl,
        showAll: inputs.showAll,
        precision: inputs.precision,
        better: parseBetterRules(inputs.metricsBetter),
        plots: inputs.plots,
        fetch: inputs.fetch,
        dvc: dvcOnDemand(inputs.workingDirectory),
        svg: noImagesReason === undefined,
        publish: noImagesReason === undefined
            ? (images) => publishImages({
                cwd: inputs.workingDirectory,
                branch: inputs.imageBranch,
                headSha: context.headSha,
                serverUrl: context.serverUrl,
                owner: context.owner,
                repo: context.repo,
                token: inputs.token,
            }, images)
            : undefined,
        ...(noImagesReason ? { noImagesReason } : {}),
    });
    const reportPath = inputs.reportPath ??
        (0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), `mlops-report-${inputs.reportId}.md`);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(reportPath), { recursive: true });
    // Written whole or not at all: a temporary file beside it, then a rename.
    const partial = `${reportPath}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(partial, built.markdown);
    await (0,promises_.rename)(partial, reportPath);
    (0,src/* setOutput */.uH)('report-path', reportPath);
    (0,src/* setOutput */.uH)('metrics-changed', JSON.stringify(built.metricsChanged));
    const summary = (0,src/* fitSections */.WK)(built.sections, SUMMARY_LIMIT, '> [!NOTE]\n> The report is too long for the job summary; the whole of it is in the report-path file.');
    (0,src/* appendSummary */.fe)(summary.text);
    let comment;
    if (where.kind === 'none') {
        if (where.warning)
            (0,src/* warning */.$e)(where.warning);
    }
    else {
        const { body, cut } = commentBody(built.sections, context.runUrl);
        if (cut)
            (0,src/* info */.pq)('The report is longer than a comment allows; the comment is cut at a section and links the job summary.');
        const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(876), __webpack_require__.e(644)]).then(__webpack_require__.bind(__webpack_require__, 8644));
        const client = getOctokit(inputs.token, { apiUrl: context.apiUrl });
        try {
            comment = await (0,src/* group */.Os)(`Publishing the report on ${where.kind === 'pr' ? `pull request #${where.number}` : `commit ${where.sha.slice(0, 12)}`}`, () => where.kind === 'pr'
                ? publishSticky(client, {
                    owner: context.owner,
                    repo: context.repo,
                    issueNumber: where.number,
                    marker,
                    body,
                    mode: inputs.mode,
                })
                : publishCommitComment(client, {
                    owner: context.owner,
                    repo: context.repo,
                    sha: where.sha,
                    body,
                }));
            (0,src/* info */.pq)(`Report comment: ${comment.url}`);
        }
        catch (error) {
            if (!(error instanceof PermissionDenied))
                throw error;
            (0,src/* warning */.$e)(deniedWarning(where.kind, error.status));
        }
    }
    (0,src/* setOutput */.uH)('comment-id', comment ? String(comment.id) : '');
    (0,src/* setOutput */.uH)('comment-url', comment?.url ?? '');
}


/***/ }),

/***/ 9954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iU: () => (/* binding */ GITHUB_ACTIONS_BOT),
/* harmony export */   kw: () => (/* binding */ splitMessage)
/* harmony export */ });
/* unused harmony exports parseIdentity, formatIdentity, describeFiles, defaultMessage */
/* harmony import */ var _pure_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5327);
// Identities and messages of the commits the commit action makes. Pure.

/** The identity GitHub shows as github-actions[bot], with its own avatar. */
const GITHUB_ACTIONS_BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
/** parseIdentity reads `Name <email>` strictly; anything else is an InputError that shows the form. */
function parseIdentity(input, value) {
    const m = /^([^<>\n]*?)\s*<([^<>\s]+@[^<>\s]+|[^<>\s@]+)>$/.exec(value.trim());
    const name = m?.[1]?.trim();
    if (!m || !name) {
        throw new InputError(input, `is '${value}', which is not an identity`, 'Write it as Name <email>, for example: Jane Doe <jane@example.com>.');
    }
    return { name, email: m[2] };
}
/** formatIdentity writes an identity the way git shows it. */
function formatIdentity(identity) {
    return `${identity.name} <${identity.email}>`;
}
/** describeFiles names up to three files and counts the rest: "a, b and 3 more files". */
function describeFiles(paths) {
    if (paths.length === 0)
        return 'no files';
    if (paths.length <= 3) {
        return paths.length === 1 ? paths[0] : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)}`;
    }
    const rest = paths.length - 2;
    return `${paths.slice(0, 2).join(', ')} and ${rest} more files`;
}
/** defaultMessage is the commit message when none is given: the files, and `[skip ci]`. */
function defaultMessage(paths) {
    return `Update ${describeFiles(paths)} [skip ci]`;
}
/** splitMessage cuts a message into the headline and body that GitHub's commit API takes. */
function splitMessage(message) {
    const text = message.replace(/\r\n/g, '\n').trim();
    const nl = text.indexOf('\n');
    if (nl < 0)
        return { headline: text };
    const body = text.slice(nl + 1).replace(/^\n+/, '');
    return body
        ? { headline: text.slice(0, nl).trim(), body }
        : { headline: text.slice(0, nl).trim() };
}


/***/ }),

/***/ 65:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ fastYaml)
/* harmony export */ });
/* unused harmony export resolvePlain */
/* harmony import */ var _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8370);
// A fast path for the plain block YAML that DVC writes and people mostly write (dvc.lock,
// dvc.yaml, params.yaml): nested mappings, sequences, plain and simply quoted scalars. It returns
// undefined for anything else (anchors, tags, flow collections, block scalars, multi-line
// scalars, duplicate keys...), and the full YAML parser takes over. One-line flow sequences of
// scalars (`[64, 32]`) are read too. The tests check both give the same tree.
// It pays for itself even with `yaml` imported lazily (parse.ts loads it only when this defers):
// reading the example project's dvc.yaml, params.yaml and dvc.lock at two revisions takes 2 ms
// instead of 27 ms, and the whole process 48 ms instead of 75 ms (medians of 21 fresh processes,
// three runs; actions/report/bench/fastyaml.mjs).

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_START = /^[&*!|>[\]{}@`%,?]/;
/** resolvePlain applies YAML 1.2's core schema to a plain scalar, as the full parser does. */
function resolvePlain(text) {
    if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL')
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.none();
    if (text === 'true' || text === 'True' || text === 'TRUE')
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.bool(true);
    if (text === 'false' || text === 'False' || text === 'FALSE')
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.bool(false);
    if (INT.test(text))
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.int(Number(text));
    if (OCT.test(text))
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.int(Number.parseInt(text.slice(2), 8));
    if (HEX.test(text))
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.int(Number.parseInt(text.slice(2), 16));
    if (FLOAT.test(text))
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.float(Number(text));
    if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text))
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.float(text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    if (/^\.(?:nan|NaN|NAN)$/.test(text))
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.float(Number.NaN);
    return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.str(text);
}
/** A one-line flow sequence of scalars (`[64, 32]`, `[train_loss, val_loss]`), or undefined. */
function flowSequence(text) {
    const inner = text.slice(1, -1).trim();
    if (inner === '')
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.list([]);
    const items = [];
    for (const part of inner.split(',')) {
        const item = part.trim();
        if (item === '' || /[[\]{}#]/.test(item) || /:(\s|$)/.test(item))
            return undefined;
        const value = scalar(item);
        if (!value)
            return undefined;
        items.push(value);
    }
    return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.list(items);
}
function value(text) {
    if (text.startsWith('[') && text.endsWith(']'))
        return flowSequence(text);
    return scalar(text);
}
function scalar(text) {
    if (text.startsWith("'")) {
        if (text.length < 2 || !text.endsWith("'"))
            return undefined;
        const inner = text.slice(1, -1);
        if (/'(?!')/.test(inner.replace(/''/g, '')))
            return undefined;
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.str(inner.replace(/''/g, "'"));
    }
    if (text.startsWith('"')) {
        if (text.length < 2 || !text.endsWith('"'))
            return undefined;
        const inner = text.slice(1, -1);
        if (/["\\]/.test(inner))
            return undefined;
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.str(inner);
    }
    if (SPECIAL_START.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #'))
        return undefined;
    if (text.startsWith('- ') || text === '-')
        return undefined;
    return resolvePlain(text);
}
function splitLines(text) {
    const lines = [];
    for (const raw of text.split(/\r?\n/)) {
        const indent = raw.length - raw.trimStart().length;
        if (/\t/.test(raw.slice(0, indent)))
            return undefined;
        let content = raw.slice(indent);
        if (content.startsWith('#') || content.trim() === '')
            continue;
        const hash = content.search(/\s#/);
        if (hash >= 0) {
            // A quote before the comment could hold the '#': leave such lines to the full parser.
            if (/['"]/.test(content.slice(0, hash)))
                return undefined;
            content = content.slice(0, hash);
        }
        content = content.trimEnd();
        if (/^(---|\.\.\.)(\s|$)/.test(content) || content.startsWith('%'))
            return undefined;
        lines.push({ indent, text: content });
    }
    return lines;
}
const isItem = (text) => text === '-' || text.startsWith('- ');
class BlockParser {
    pos = 0;
    lines;
    constructor(lines) {
        this.lines = lines;
    }
    document() {
        if (this.lines.length === 0)
            return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.map([]);
        const node = this.node(this.lines[0].indent);
        return node && this.pos === this.lines.length ? node : undefined;
    }
    node(indent) {
        const line = this.lines[this.pos];
        if (!line || line.indent !== indent)
            return undefined;
        return isItem(line.text) ? this.sequence(indent) : this.mapping(indent);
    }
    /** The value after `key:` or `-` with nothing on its line: a nested block, or null. */
    nested(indent, allowSameIndentSequence) {
        const next = this.lines[this.pos];
        if (!next)
            return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.none();
        if (next.indent > indent)
            return this.node(next.indent);
        if (allowSameIndentSequence && next.indent === indent && isItem(next.text))
            return this.sequence(indent);
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.none();
    }
    sequence(indent) {
        const items = [];
        for (;;) {
            const line = this.lines[this.pos];
            if (!line || line.indent !== indent || !isItem(line.text))
                break;
            const rest = line.text === '-' ? '' : line.text.slice(2).trimStart();
            if (rest === '') {
                this.pos++;
                const child = this.nested(indent, false);
                if (!child)
                    return undefined;
                items.push(child);
                continue;
            }
            const column = indent + (line.text.length - rest.length);
            if (isItem(rest) || mappingKey(rest) !== undefined) {
                // A compact block inside the item (`- path: x` or `- - a`): parse it at its own column.
                this.lines[this.pos] = { indent: column, text: rest };
                const child = this.node(column);
                if (!child)
                    return undefined;
                items.push(child);
                continue;
            }
            const item = value(rest);
            if (!item)
                return undefined;
            items.push(item);
            this.pos++;
        }
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.list(items);
    }
    mapping(indent) {
        const entries = [];
        const seen = new Set();
        for (;;) {
            const line = this.lines[this.pos];
            if (!line || line.indent !== indent || isItem(line.text))
                break;
            const split = mappingKey(line.text);
            if (!split)
                return undefined;
            const key = scalar(split.key);
            if (!key || key.t === 'null')
                return undefined;
            const name = `${key.t}:${(0,_pyvalue_js__WEBPACK_IMPORTED_MODULE_0__/* .pyStr */ .rD)(key)}`;
            if (seen.has(name) || split.key === '<<')
                return undefined;
            seen.add(name);
            this.pos++;
            const child = split.value === '' ? this.nested(indent, true) : value(split.value);
            if (!child)
                return undefined;
            entries.push([key, child]);
        }
        const after = this.lines[this.pos];
        if (after && after.indent > indent)
            return undefined;
        return _pyvalue_js__WEBPACK_IMPORTED_MODULE_0__.py.map(entries);
    }
}
function mappingKey(text) {
    let end;
    if (text.startsWith("'") || text.startsWith('"')) {
        const close = text.indexOf(text[0], 1);
        if (close < 0)
            return undefined;
        end = close + 1;
        if (text[end] !== ':')
            return undefined;
    }
    else {
        const match = /:(\s|$)/.exec(text);
        if (!match)
            return undefined;
        end = match.index;
    }
    const key = text.slice(0, end).trim();
    const value = text.slice(end + 1).trim();
    if (key === '')
        return undefined;
    return { key, value };
}
/** fastYaml parses plain block YAML into a Python-shaped tree, or returns undefined to defer. */
function fastYaml(text) {
    const lines = splitLines(text.replace(/^\uFEFF/, ''));
    if (!lines)
        return undefined;
    return new BlockParser(lines).document();
}


/***/ }),

/***/ 8370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PU: () => (/* binding */ pyEquals),
/* harmony export */   Ul: () => (/* binding */ toPlain),
/* harmony export */   XO: () => (/* binding */ pyFloatRepr),
/* harmony export */   ZX: () => (/* binding */ mapGet),
/* harmony export */   jn: () => (/* binding */ isScalar),
/* harmony export */   n3: () => (/* binding */ pyRepr),
/* harmony export */   py: () => (/* binding */ py),
/* harmony export */   rD: () => (/* binding */ pyStr),
/* harmony export */   sH: () => (/* binding */ numeric)
/* harmony export */ });
/* unused harmony exports pyStringRepr, toJson */
// Values as DVC (Python) sees them. DVC's params and metrics diffs compare Python objects: lists
// become their Python repr ("[64, 32]"), 1 == 1.0 == True, and a float prints as "1e-05". To agree
// with `dvc params diff --json` to the byte, files are parsed into this small tree that keeps the
// difference between ints and floats, and the Python rules are applied to it.
/** Shorthands that build nodes (used by the parsers and in tests). */
const py = {
    str: (v) => ({ t: 'str', v }),
    int: (v) => ({ t: 'int', v }),
    float: (v) => ({ t: 'float', v }),
    bool: (v) => ({ t: 'bool', v }),
    none: () => ({ t: 'null' }),
    list: (items) => ({ t: 'list', items }),
    map: (entries) => ({ t: 'map', entries }),
};
/** isScalar tells a leaf from a map or a list. */
function isScalar(node) {
    return node.t !== 'map' && node.t !== 'list';
}
/** pyFloatRepr formats a double as Python's repr() does: 0.1, 1.0, 1e-05, 1.5e+16, inf, nan. */
function pyFloatRepr(value) {
    if (Number.isNaN(value))
        return 'nan';
    if (value === Number.POSITIVE_INFINITY)
        return 'inf';
    if (value === Number.NEGATIVE_INFINITY)
        return '-inf';
    if (value === 0)
        return Object.is(value, -0) ? '-0.0' : '0.0';
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
    if (exponent < 0)
        return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1);
    return `${sign}${whole}.${fraction || '0'}`;
}
/** pyStringRepr quotes a string as Python's repr() does. */
function pyStringRepr(value) {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = quote;
    for (const ch of value) {
        const code = ch.codePointAt(0) ?? 0;
        if (ch === '\\')
            out += '\\\\';
        else if (ch === quote)
            out += `\\${quote}`;
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\t')
            out += '\\t';
        else if (code < 0x20 || code === 0x7f)
            out += `\\x${code.toString(16).padStart(2, '0')}`;
        else if (code >= 0x80 && code < 0xa0)
            out += `\\x${code.toString(16)}`;
        else
            out += ch;
    }
    return out + quote;
}
/** pyRepr renders a node as Python's repr() of the parsed object. */
function pyRepr(node) {
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
function pyStr(node) {
    return node.t === 'str' ? node.v : pyRepr(node);
}
/** numeric returns the number Python arithmetic would use (True is 1), or undefined. */
function numeric(node) {
    if (!node)
        return undefined;
    if (node.t === 'int' || node.t === 'float')
        return node.v;
    if (node.t === 'bool')
        return node.v ? 1 : 0;
    return undefined;
}
/** pyEquals compares two leaves with Python's `==` (1 == 1.0 == True; "1" != 1). */
function pyEquals(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    const na = numeric(a);
    const nb = numeric(b);
    if (na !== undefined || nb !== undefined)
        return na === nb;
    if (a.t === 'null' || b.t === 'null')
        return a.t === b.t;
    return a.t === 'str' && b.t === 'str' && a.v === b.v;
}
/** toJson converts a leaf to the JSON value DVC prints for it. */
function toJson(node) {
    if (!node)
        return null;
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
function toPlain(node, keyOf = pyStr) {
    switch (node.t) {
        case 'map': {
            const out = {};
            for (const [k, v] of node.entries)
                out[keyOf(k)] = toPlain(v, keyOf);
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
function mapGet(node, key) {
    if (node?.t !== 'map')
        return undefined;
    for (let i = node.entries.length - 1; i >= 0; i--) {
        const entry = node.entries[i];
        if (pyStr(entry[0]) === key)
            return entry[1];
    }
    return undefined;
}


/***/ }),

/***/ 2192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ backoffDelay),
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/** backoffDelay is the "full jitter" exponential delay before retry number `attempt` (1-based). */
function backoffDelay(attempt, baseMs, maxMs, random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** retry calls `fn` until it succeeds, the error is not retryable, or the attempts run out. */
async function retry(fn, options) {
    const { attempts, baseMs = 1000, maxMs = 30_000, retryable = () => true, onRetry, sleep = (ms) => new Promise((r) => setTimeout(r, ms)), random = Math.random, } = options;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= attempts || !retryable(error))
                throw error;
            const delay = backoffDelay(attempt, baseMs, maxMs, random);
            onRetry?.(error, attempt, delay);
            await sleep(delay);
        }
    }
}


/***/ })

};

//# sourceMappingURL=17.index.js.map