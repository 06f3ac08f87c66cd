export const id = 195;
export const ids = [195];
export const modules = {

/***/ 4195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ArchiveProblem: () => (/* reexport */ ArchiveProblem),
  BACKENDS: () => (/* reexport */ BACKENDS),
  DEFAULT_RETRY: () => (/* reexport */ DEFAULT_RETRY),
  GENERATED_TAG_KINDS: () => (/* reexport */ GENERATED_TAG_KINDS),
  LOGIN_STATE: () => (/* reexport */ LOGIN_STATE),
  MAX_NAME_LENGTH: () => (/* reexport */ MAX_NAME_LENGTH),
  PushError: () => (/* reexport */ PushError),
  SHORT_SHA_LENGTH: () => (/* reexport */ SHORT_SHA_LENGTH),
  applyModel: () => (/* reexport */ applyModel),
  archiveError: () => (/* reexport */ archiveError),
  archiveFormat: () => (/* reexport */ archiveFormat),
  backendInstallHint: () => (/* reexport */ backendInstallHint),
  backendTool: () => (/* reexport */ backendTool),
  bentofileProblem: () => (/* reexport */ bentofileProblem),
  bentofilePython: () => (/* reexport */ bentofilePython),
  bentomlEnv: () => (/* reexport */ bentomlEnv),
  bentomlFailure: () => (/* reexport */ bentomlFailure),
  buildArgs: () => (/* reexport */ buildArgs),
  buildBento: () => (/* reexport */ buildBento),
  checkBackend: () => (/* reexport */ checkBackend),
  checkBentomlSource: () => (/* reexport */ checkBentomlSource),
  checkBuildInputs: () => (/* reexport */ checkBuildInputs),
  checkModelArchive: () => (/* reexport */ checkModelArchive),
  checkStore: () => (/* reexport */ checkStore),
  classifyPushFailure: () => (/* reexport */ classifyPushFailure),
  containerize: () => (/* reexport */ containerize),
  containerizeArgs: () => (/* reexport */ containerizeArgs),
  deleteBentosArgs: () => (/* reexport */ deleteBentosArgs),
  deleteModel: () => (/* reexport */ deleteModel),
  displayPath: () => (/* reexport */ displayPath),
  generatedTags: () => (/* reexport */ generatedTags),
  isBentomlRequirement: () => (/* reexport */ isBentomlRequirement),
  isValidTag: () => (/* reexport */ isValidTag),
  login: () => (/* reexport */ login),
  loginCommand: () => (/* reexport */ loginCommand),
  logoutCommand: () => (/* reexport */ logoutCommand),
  modelFromYaml: () => (/* reexport */ modelFromYaml),
  modelInfo: () => (/* reexport */ modelInfo),
  modelsDeleteArgs: () => (/* reexport */ modelsDeleteArgs),
  modelsGetArgs: () => (/* reexport */ modelsGetArgs),
  modelsImportArgs: () => (/* reexport */ modelsImportArgs),
  modelsListArgs: () => (/* reexport */ modelsListArgs),
  normalizeRepository: () => (/* reexport */ normalizeRepository),
  parseBuildTag: () => (/* reexport */ parseBuildTag),
  parseDockerPushDigest: () => (/* reexport */ parseDockerPushDigest),
  parseJsonOutput: () => (/* reexport */ parseJsonOutput),
  parseModelInUse: () => (/* reexport */ parseModelInUse),
  parseModelList: () => (/* reexport */ parseModelList),
  parseReference: () => (/* reexport */ parseReference),
  planImages: () => (/* reexport */ planImages),
  planModels: () => (/* reexport */ planModels),
  pushAll: () => (/* reexport */ pushAll),
  pushCommand: () => (/* reexport */ pushCommand),
  pushFailureReason: () => (/* reexport */ pushFailureReason),
  readModelArchive: () => (/* reexport */ readModelArchive),
  registryOf: () => (/* reexport */ registryOf),
  requirementLines: () => (/* reexport */ requirementLines),
  resolveBentoml: () => (/* reexport */ resolveBentoml),
  runBentoPipeline: () => (/* reexport */ runBentoPipeline),
  runBentoml: () => (/* reexport */ runBentoml),
  sameModelInfo: () => (/* reexport */ sameModelInfo),
  sanitizeTag: () => (/* reexport */ sanitizeTag),
  servicePackages: () => (/* reexport */ servicePackages),
  splitDomain: () => (/* reexport */ splitDomain),
  storeModelDir: () => (/* reexport */ storeModelDir),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  yamlLocation: () => (/* reexport */ yamlLocation)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(3483);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
;// CONCATENATED MODULE: ../../packages/core/src/bentoml/archive.ts
// Reading a BentoML model archive without BentoML: its model.yaml tells the model's tag and
// identity, so the action checks archives and compares them with the store before BentoML is set
// up, and imports each archive once (the plain `bentoml models import` it replaces does no more).
// The formats are those `bentoml models export` writes, chosen by the file's extension as BentoML's
// `guess_format` does: tar.xz (.bentomodel, .xz, anything else), tar.gz (.gz), tar (.tar), zip.





const MODEL_YAML = 'model.yaml';
// model.yaml is a few hundred bytes; anything near this is not one.
const MAX_MODEL_YAML = 1024 * 1024;
const MAGIC = {
    xz: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    gz: [0x1f, 0x8b],
    bz2: [0x42, 0x5a, 0x68],
    zip: [0x50, 0x4b, 0x03, 0x04],
};
const FORMAT_TEXT = {
    xz: 'an xz-compressed tar file',
    gz: 'a gzip-compressed tar file',
    bz2: 'a bzip2-compressed tar file',
    tar: 'a tar file',
    zip: 'a zip file',
};
// BentoML's tag grammar (bentoml/_internal/tag.py): lower case, at most 63 characters.
const TAG_PART = /^[a-z0-9](?:[-._a-z0-9]*[a-z0-9])?$/;
/** archiveFormat is the format BentoML reads a model archive in, from its file name. */
function archiveFormat(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    const ext = dot > 0 ? base.slice(dot + 1) : '';
    if (ext === 'gz' || ext === 'bz2' || ext === 'tar' || ext === 'zip' || ext === 'xz')
        return ext;
    return 'xz';
}
/** Why a file is not a model archive, for the caller to word with the file's name. */
class ArchiveProblem extends Error {
}
function readHead(path, length) {
    const head = Buffer.alloc(length);
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const read = (0,external_node_fs_.readSync)(fd, head, 0, length, 0);
        return head.subarray(0, read);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** looksLikePointer tells whether the start of a file is a Git LFS or DVC pointer, not data. */
function looksLikePointer(head) {
    const text = head.toString('latin1');
    return /^version https:\/\/git-lfs\.github\.com\/spec\//.test(text) || /^outs:\s*$/m.test(text);
}
/**
 * readModelArchive reads model.yaml from a model archive and returns the model's tag and info.
 * It throws ArchiveProblem when the file is not an archive BentoML can import.
 */
async function readModelArchive(path) {
    const format = archiveFormat(path);
    const size = (0,external_node_fs_.statSync)(path).size;
    if (size === 0)
        throw new ArchiveProblem('it is empty');
    const head = readHead(path, 512);
    if (looksLikePointer(head)) {
        throw new ArchiveProblem('it is a Git LFS or DVC pointer file, not the archive it points to (fetch the real file first)');
    }
    if (format !== 'tar') {
        const magic = MAGIC[format];
        if (head.length < magic.length || magic.some((b, i) => head[i] !== b)) {
            throw new ArchiveProblem(`its name says ${FORMAT_TEXT[format]} (BentoML reads the format from the extension), but it is not one`);
        }
    }
    if (format === 'xz')
        checkXzFooter(path, size);
    if (format === 'bz2') {
        throw new ArchiveProblem('this action does not read .bz2 model archives; export the model with `bentoml models export` to a .bentomodel file');
    }
    const yamlText = format === 'zip' ? readZipEntry(path, size, MODEL_YAML) : await readTarEntry(path, format);
    if (yamlText === undefined) {
        throw new ArchiveProblem(`it has no ${MODEL_YAML} at its top (a model export has one; is this a Bento or another archive?)`);
    }
    return modelFromYaml(yamlText);
}
/** modelFromYaml reads model.yaml as BentoML does (YAML 1.1, a mapping with name and version). */
function modelFromYaml(text) {
    let info;
    try {
        info = (0,dist/* parse */.qg)(text, { version: '1.1' });
    }
    catch (error) {
        throw new ArchiveProblem(`its ${MODEL_YAML} is not valid YAML (${String(error.message).split('\n')[0]})`);
    }
    if (!info || typeof info !== 'object' || Array.isArray(info)) {
        throw new ArchiveProblem(`its ${MODEL_YAML} is not a mapping`);
    }
    const record = info;
    const name = record['name'];
    const version = record['version'];
    if (typeof name !== 'string' || typeof version !== 'string') {
        throw new ArchiveProblem(`its ${MODEL_YAML} has no name and version`);
    }
    for (const part of [name.toLowerCase(), version.toLowerCase()]) {
        if (part.length > 63 || !TAG_PART.test(part)) {
            throw new ArchiveProblem(`its ${MODEL_YAML} names the model '${name}:${version}', which is not a valid BentoML tag`);
        }
    }
    return { tag: `${name.toLowerCase()}:${version.toLowerCase()}`, info: record };
}
/**
 * checkXzFooter checks the 12-byte stream footer at the end of an xz file (CRC32 of the backward
 * size and flags, then the magic `YZ`): a cut-off download has none.
 */
function checkXzFooter(path, size) {
    const footer = Buffer.alloc(12);
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        if (size < 32 || (0,external_node_fs_.readSync)(fd, footer, 0, 12, size - 12) !== 12) {
            throw new ArchiveProblem('it is truncated (too short to be an xz file)');
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    const magic = footer[10] === 0x59 && footer[11] === 0x5a;
    if (!magic || (0,external_node_zlib_.crc32)(footer.subarray(4, 10)) !== footer.readUInt32LE(0)) {
        throw new ArchiveProblem('it is truncated or damaged (its xz stream has no valid end)');
    }
}
/** tarStream returns the decompressed bytes of a tar archive, as a stream. */
async function tarStream(path, format) {
    const file = (0,external_node_fs_.createReadStream)(path);
    if (format === 'gz')
        return file.pipe((0,external_node_zlib_.createGunzip)());
    if (format === 'xz') {
        const loaded = (await __webpack_require__.e(/* import() */ 238).then(__webpack_require__.t.bind(__webpack_require__, 7238, 23)));
        const XzReadableStream = loaded.XzReadableStream ?? loaded.default.XzReadableStream;
        return new XzReadableStream(external_node_stream_.Readable.toWeb(file));
    }
    return file;
}
/** normalizeName turns a tar or zip member name into a path without `./` or a trailing `/`. */
function normalizeName(name) {
    return name
        .replace(/^(?:\.\/)+/, '')
        .replace(/^\/+/, '')
        .replace(/\/+$/, '');
}
function octal(field) {
    const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
    if (!text)
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new ArchiveProblem('it is not a tar archive inside');
    return Number.parseInt(text, 8);
}
function cString(field) {
    const nul = field.indexOf(0);
    return field.subarray(0, nul === -1 ? field.length : nul).toString('utf8');
}
/** paxPath reads the `path` record of a pax extended header. */
function paxPath(data) {
    let offset = 0;
    let path;
    while (offset < data.length) {
        const space = data.indexOf(0x20, offset);
        if (space === -1)
            break;
        const length = Number(data.subarray(offset, space).toString('latin1'));
        if (!Number.isInteger(length) || length <= 0)
            break;
        const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
        if (record.startsWith('path='))
            path = record.slice(5);
        offset += length;
    }
    return path;
}
/**
 * readTarEntry streams a (compressed) tar archive to its end and returns model.yaml's text when
 * the archive has it at its top.
 */
async function readTarEntry(path, format) {
    let source;
    try {
        source = await tarStream(path, format);
    }
    catch (error) {
        throw new ArchiveProblem(`it cannot be read (${error.message})`);
    }
    let buffer = Buffer.alloc(0);
    // The member being read: its name, whether it is kept, its size, and the bytes still to come.
    let pending;
    let collected = [];
    let nextName;
    let sawHeader = false;
    let ended = false;
    let found;
    // A gzip or plain tar archive is read to its end (zlib checks the gzip trailer), so a truncated
    // download is found here, before BentoML is set up. An xz archive is read only up to model.yaml
    // (its decoder is slower, and a model can be gigabytes): its stream footer, checked before,
    // finds a truncated one.
    const complete = format !== 'xz';
    const iterator = source[Symbol.asyncIterator]();
    try {
        for (;;) {
            let step;
            try {
                step = await iterator.next();
            }
            catch (error) {
                throw new ArchiveProblem(`it is damaged or truncated (${FORMAT_TEXT[format]} that cannot be decompressed: ${error.message})`);
            }
            if (step.done)
                break;
            if (ended)
                continue;
            buffer = buffer.length ? Buffer.concat([buffer, step.value]) : Buffer.from(step.value);
            for (;;) {
                if (pending) {
                    const take = Math.min(pending.remaining, buffer.length);
                    if (pending.keep)
                        collected.push(buffer.subarray(0, take));
                    pending.remaining -= take;
                    buffer = buffer.subarray(take);
                    if (pending.remaining > 0)
                        break;
                    const data = Buffer.concat(collected);
                    collected = [];
                    const done = pending;
                    pending = undefined;
                    const body = data.subarray(0, done.size);
                    if (done.name === '\0pax')
                        nextName = paxPath(body) ?? nextName;
                    else if (done.name === '\0gnu')
                        nextName = cString(body) || nextName;
                    else if (done.keep) {
                        found = body.toString('utf8');
                        if (!complete)
                            return found;
                    }
                    continue;
                }
                if (buffer.length < 512)
                    break;
                const header = buffer.subarray(0, 512);
                buffer = buffer.subarray(512);
                if (header.every((b) => b === 0)) {
                    ended = true;
                    buffer = Buffer.alloc(0);
                    break;
                }
                const checksum = octal(header.subarray(148, 156));
                let sum = 0;
                for (let i = 0; i < 512; i++)
                    sum += i >= 148 && i < 156 ? 0x20 : header[i];
                if (sum !== checksum) {
                    throw new ArchiveProblem(sawHeader
                        ? 'its tar data is damaged'
                        : format === 'tar'
                            ? 'it is not a tar file'
                            : 'it is compressed, but not a tar archive inside');
                }
                sawHeader = true;
                const size = octal(header.subarray(124, 136));
                const padded = Math.ceil(size / 512) * 512;
                const typeflag = String.fromCharCode(header[156] ?? 0x30);
                const prefix = header.toString('latin1', 257, 263).startsWith('ustar')
                    ? cString(header.subarray(345, 500))
                    : '';
                const base = cString(header.subarray(0, 100));
                const name = nextName ?? (prefix ? `${prefix}/${base}` : base);
                if (typeflag === 'x' || typeflag === 'L') {
                    pending = {
                        name: typeflag === 'x' ? '\0pax' : '\0gnu',
                        keep: true,
                        size,
                        remaining: padded,
                    };
                    continue;
                }
                nextName = undefined;
                const isModelYaml = (typeflag === '0' || typeflag === '\0') && normalizeName(name) === MODEL_YAML;
                if (isModelYaml && size > MAX_MODEL_YAML) {
                    throw new ArchiveProblem(`its ${MODEL_YAML} is ${size} bytes, too large to be one`);
                }
                pending = { name, keep: isModelYaml, size, remaining: padded };
            }
        }
    }
    finally {
        await iterator.return?.();
    }
    if (!sawHeader)
        throw new ArchiveProblem('it is not a tar archive inside');
    if (pending || (!ended && buffer.length > 0)) {
        throw new ArchiveProblem('it is truncated (the tar archive ends inside a file)');
    }
    return found;
}
/** readZipEntry reads one top-level member of a zip file (stored or deflated). */
function readZipEntry(path, size, wanted) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    const read = (position, length) => {
        const out = Buffer.alloc(length);
        const got = (0,external_node_fs_.readSync)(fd, out, 0, length, position);
        if (got !== length)
            throw new ArchiveProblem('it is a damaged zip file');
        return out;
    };
    try {
        const tailLength = Math.min(size, 65_557);
        const tail = read(size - tailLength, tailLength);
        const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
        if (eocd === -1)
            throw new ArchiveProblem('it is a damaged or truncated zip file');
        const count = tail.readUInt16LE(eocd + 10);
        const dirSize = tail.readUInt32LE(eocd + 12);
        const dirOffset = tail.readUInt32LE(eocd + 16);
        if (dirOffset + dirSize > size)
            throw new ArchiveProblem('it is a damaged zip file');
        const dir = read(dirOffset, dirSize);
        let offset = 0;
        for (let i = 0; i < count; i++) {
            if (dir.readUInt32LE(offset) !== 0x02014b50) {
                throw new ArchiveProblem('it is a damaged zip file');
            }
            const method = dir.readUInt16LE(offset + 10);
            const compressed = dir.readUInt32LE(offset + 20);
            const nameLength = dir.readUInt16LE(offset + 28);
            const extraLength = dir.readUInt16LE(offset + 30);
            const commentLength = dir.readUInt16LE(offset + 32);
            const local = dir.readUInt32LE(offset + 42);
            const name = dir.toString('utf8', offset + 46, offset + 46 + nameLength);
            offset += 46 + nameLength + extraLength + commentLength;
            if (normalizeName(name) !== wanted)
                continue;
            if (compressed > MAX_MODEL_YAML) {
                throw new ArchiveProblem(`its ${MODEL_YAML} is too large to be one`);
            }
            const header = read(local, 30);
            const dataStart = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
            const data = read(dataStart, compressed);
            if (method === 0)
                return data.toString('utf8');
            if (method === 8)
                return (0,external_node_zlib_.inflateRawSync)(data).toString('utf8');
            throw new ArchiveProblem(`its ${MODEL_YAML} is compressed with zip method ${method}`);
        }
        return undefined;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** archiveError words a failed archive read as one error about the `model` input. */
function archiveError(shown, error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new errors/* ActionError */.lZ(`'${shown}' is not a BentoML model archive: ${reason}`, {
        hint: "Point 'model' at the file `bentoml models export` wrote (a .bentomodel)",
        cause: error,
    });
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/bentofile.ts
// What a bentofile says about the service's Python packages. Pure: YAML text in, package list out.

/** bentofilePython reads `python.packages` and `python.requirements_txt`; a bad file gives none. */
function bentofilePython(text) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch {
        // bentoml build reports a broken bentofile with its own message.
        return { packages: [], requirementsTxt: undefined };
    }
    const python = doc && typeof doc === 'object' ? doc['python'] : undefined;
    if (!python || typeof python !== 'object')
        return { packages: [], requirementsTxt: undefined };
    const { packages, requirements_txt: requirementsTxt } = python;
    return {
        packages: Array.isArray(packages)
            ? packages
                .filter((p) => typeof p === 'string' && p.trim() !== '')
                .map((p) => p.trim())
            : [],
        requirementsTxt: typeof requirementsTxt === 'string' && requirementsTxt.trim()
            ? requirementsTxt.trim()
            : undefined,
    };
}
/** requirementLines keeps the requirement specifiers of a requirements.txt (no comments or options). */
function requirementLines(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
        .filter((l) => l && !l.startsWith('-'));
}
/** isBentomlRequirement tells whether a requirement names BentoML itself (the action pins that one). */
function isBentomlRequirement(requirement) {
    return /^bentoml(?:\s*(?:\[[^\]]*\])?\s*(?:[=<>!~;@].*)?)?$/i.test(requirement.trim());
}
// The keys BentoML 1.4's bentofile schema allows (BentoBuildConfig, PythonOptions, DockerOptions
// and CondaOptions forbid any other); BentoML itself checks the values' finer rules at build time.
const TOP_KEYS = [
    'service',
    'name',
    'description',
    'labels',
    'include',
    'exclude',
    'docker',
    'python',
    'conda',
    'models',
    'envs',
    'args',
];
const SECTION_KEYS = {
    python: [
        'requirements_txt',
        'packages',
        'lock_packages',
        'pack_git_packages',
        'index_url',
        'no_index',
        'trusted_host',
        'find_links',
        'extra_index_url',
        'pip_args',
        'wheels',
    ],
    docker: [
        'distro',
        'python_version',
        'cuda_version',
        'env',
        'system_packages',
        'setup_script',
        'base_image',
        'dockerfile_template',
    ],
    conda: ['environment_yml', 'channels', 'dependencies', 'pip'],
};
const STRING_LISTS = [
    ['include', undefined],
    ['exclude', undefined],
    ['python', 'packages'],
    ['python', 'trusted_host'],
    ['python', 'find_links'],
    ['python', 'extra_index_url'],
    ['python', 'wheels'],
    ['docker', 'system_packages'],
];
// Files a bentofile names, relative to the build context: they must exist for the build.
const FILE_KEYS = [
    ['python', 'requirements_txt'],
    ['docker', 'setup_script'],
    ['docker', 'dockerfile_template'],
    ['conda', 'environment_yml'],
];
/**
 * bentofileProblem checks a bentofile as far as can be done without BentoML: YAML syntax, the
 * keys BentoML's schema allows, `service` as `module:Service`, lists of strings where lists are
 * expected, and the files it names (`exists` answers for paths relative to the build context).
 */
function bentofileProblem(text, exists) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const syntax = doc.errors[0];
    if (syntax) {
        const at = syntax.pos?.[0];
        // An error found at the end of the text (an unclosed bracket) points at the last line that
        // has text, not at the empty line after it.
        const lastLine = text.replace(/\s+$/, '').split('\n').length;
        return {
            reason: `invalid YAML, ${syntax.message.split('\n')[0]}`,
            line: at === undefined ? undefined : Math.min(lineCounter.linePos(at).line, lastLine),
        };
    }
    const lineOf = (node) => {
        const range = node?.range;
        return range ? lineCounter.linePos(range[0]).line : undefined;
    };
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root))
        return { reason: 'it is not a mapping of bentofile keys', line: 1 };
    const keyLine = (path) => {
        let node = root;
        let line;
        for (const key of path) {
            if (!(0,dist/* isMap */.jh)(node))
                break;
            const pair = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
            if (!pair)
                break;
            line = lineOf(pair.key);
            node = pair.value;
        }
        return line;
    };
    const value = doc.toJS();
    for (const key of Object.keys(value)) {
        if (!TOP_KEYS.includes(key)) {
            return {
                reason: `'${key}' is not a bentofile key (BentoML accepts ${TOP_KEYS.join(', ')})`,
                line: keyLine([key]),
            };
        }
    }
    for (const [section, keys] of Object.entries(SECTION_KEYS)) {
        const body = value[section];
        if (body === undefined || body === null)
            continue;
        if (typeof body !== 'object' || Array.isArray(body)) {
            return { reason: `'${section}' must be a mapping`, line: keyLine([section]) };
        }
        for (const key of Object.keys(body)) {
            if (!keys.includes(key)) {
                return {
                    reason: `'${section}.${key}' is not a bentofile key (under '${section}' BentoML accepts ${keys.join(', ')})`,
                    line: keyLine([section, key]),
                };
            }
        }
    }
    const service = value['service'];
    if (typeof service !== 'string' || !/^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*$/.test(service.trim())) {
        return {
            reason: service === undefined
                ? "it has no 'service' (the service to build, such as src.service:MyService)"
                : `'service' is '${String(service)}', not module:Service (such as src.service:MyService)`,
            line: keyLine(['service']) ?? 1,
        };
    }
    for (const [section, key] of STRING_LISTS) {
        const parent = key ? value[section] : value;
        const item = key ? parent?.[key] : value[section];
        if (item === undefined || item === null)
            continue;
        if (!Array.isArray(item) || item.some((x) => typeof x !== 'string')) {
            const name = key ? `${section}.${key}` : section;
            return {
                reason: `'${name}' must be a list of strings`,
                line: keyLine(key ? [section, key] : [section]),
            };
        }
    }
    if (value['labels'] !== undefined && value['labels'] !== null) {
        const labels = value['labels'];
        if (typeof labels !== 'object' || Array.isArray(labels)) {
            return { reason: "'labels' must be a mapping of names to values", line: keyLine(['labels']) };
        }
    }
    for (const [section, key] of FILE_KEYS) {
        const file = value[section]?.[key];
        if (file === undefined || file === null)
            continue;
        if (typeof file !== 'string' || !file.trim()) {
            return { reason: `'${section}.${key}' must be a file name`, line: keyLine([section, key]) };
        }
        if (!exists(file.trim())) {
            return {
                reason: `'${section}.${key}' names '${file.trim()}', which is not in the build context`,
                line: keyLine([section, key]),
            };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/commands.ts
// The argv of every BentoML and container-tool command the bentoml action runs. Pure, so the
// exact commands are tested without the tools, and the adapters only run what these return.
/** The image builders `bentoml containerize --backend` accepts that this action can also push with. */
const BACKENDS = ['docker', 'buildx', 'buildah', 'podman'];
/** backendTool is the program a backend builds, logs in and pushes with. */
function backendTool(backend) {
    return backend === 'buildx' ? 'docker' : backend;
}
/** backendInstallHint says how to get a missing backend onto the runner. */
function backendInstallHint(backend) {
    switch (backend) {
        case 'docker':
            return 'Run on a runner with Docker (GitHub-hosted Ubuntu runners have it), install Docker Engine on the self-hosted runner, or set backend: buildah or podman';
        case 'buildx':
            return 'Add docker/setup-buildx-action before this step, or set backend: docker';
        case 'buildah':
            return 'Install buildah on the runner (Debian and Ubuntu: apt-get install buildah)';
        case 'podman':
            return 'Install podman on the runner (Debian and Ubuntu: apt-get install podman)';
    }
}
/** modelsImportArgs imports one model archive into the BentoML store (the path must be absolute). */
function modelsImportArgs(archive) {
    return ['models', 'import', archive];
}
/** modelsGetArgs prints one model's details as JSON. */
function modelsGetArgs(tag) {
    return ['models', 'get', tag, '--output', 'json'];
}
/** modelsListArgs lists the models in the store as JSON. */
function modelsListArgs() {
    return ['models', 'list', '--output', 'json'];
}
/** modelsDeleteArgs deletes one model from the store without asking. */
function modelsDeleteArgs(tag) {
    return ['models', 'delete', tag, '--yes'];
}
/** deleteBentosArgs deletes Bentos from the store without asking. */
function deleteBentosArgs(tags) {
    return ['delete', ...tags, '--yes'];
}
/** buildArgs builds a Bento and prints only its tag (`__tag__:name:version`). */
function buildArgs(bentofile, context) {
    return ['build', '--bentofile', bentofile, '--output', 'tag', context];
}
/** containerizeArgs builds the Bento's image with every reference as a tag. */
function containerizeArgs(options) {
    return [
        'containerize',
        options.bentoTag,
        '--backend',
        options.backend,
        ...options.references.flatMap((r) => ['--image-tag', r]),
        ...(options.platform ? ['--platform', options.platform] : []),
    ];
}
/**
 * pushCommand pushes one reference. buildah and podman write the pushed digest to `digestFile`;
 * buildah's own retries are turned off so the action's retry (with its log lines) is the only one.
 */
function pushCommand(backend, reference, digestFile) {
    switch (backend) {
        case 'buildah':
            return {
                command: 'buildah',
                args: [
                    'push',
                    '--retry',
                    '0',
                    '--digestfile',
                    digestFile,
                    reference,
                    `docker://${reference}`,
                ],
            };
        case 'podman':
            return {
                command: 'podman',
                args: ['push', '--digestfile', digestFile, reference, `docker://${reference}`],
            };
        default:
            return { command: 'docker', args: ['push', reference] };
    }
}
/** loginCommand logs in to a registry; the password goes on stdin, never into argv. */
function loginCommand(backend, registry, username) {
    return {
        command: backendTool(backend),
        args: ['login', '--username', username, '--password-stdin', registry],
    };
}
/** logoutCommand removes the credentials loginCommand stored. */
function logoutCommand(backend, registry) {
    return { command: backendTool(backend), args: ['logout', registry] };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/exec.ts
var exec = __webpack_require__(8018);
// EXTERNAL MODULE: ../../packages/core/src/pure/retry.ts
var retry = __webpack_require__(2192);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
// EXTERNAL MODULE: ../../packages/core/src/tools/which.ts
var which = __webpack_require__(5062);
;// CONCATENATED MODULE: ../../packages/core/src/bentoml/messages.ts
// Reading what BentoML and the container tools say when they fail. Pure: text in, facts out.
const TRACEBACK_FRAME = /^\s*[|+]?\s*(File ".*", line \d+|\^+|Traceback \(most recent call last\):)/;
// An exception line: `pkg.module.SomeError: message`, possibly inside an exception group's box.
const EXCEPTION_LINE = /^[\s|+-]*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit)): (.+)$/;
/** stripBox removes the `| ` and `+-` frame that Python draws around an exception group. */
function stripBox(line) {
    return line.replace(/^[\s|+-]*(?:-+ \d+ -+)?/, '').trim();
}
/**
 * cleanExceptionText shortens an exception's text: attrs validators raise with a tuple whose first
 * item is the sentence worth showing; the rest is a long repr of the attribute.
 */
function cleanExceptionText(text) {
    const tuple = /^\((["'])(.+?)\1, [A-Z]\w*\(/.exec(text);
    return (tuple?.[2] ?? text).trim();
}
/**
 * bentomlFailure reads the output of a failed `bentoml` command: its `Error: …` line when it
 * printed one, otherwise the innermost exception of the traceback, and any YAML position.
 */
function bentomlFailure(output) {
    const lines = output.split(/\r?\n/);
    const location = yamlLocation(output);
    const invalidBentofile = /BentoBuildConfig|build_config\.py|yaml\.(?:parser|scanner|constructor|composer)\.\w+Error|\b(?:Parser|Scanner)Error\b/.test(output);
    // BentoML's CLI prints handled failures as `Error: [group] `command` failed: message`.
    const cliError = lines.findIndex((l) => /^Error: /.test(l));
    if (cliError !== -1) {
        const rest = lines
            .slice(cliError + 1)
            .map((l) => l.trim())
            .filter(Boolean);
        const first = lines[cliError].replace(/^Error: (?:\[\w+\] `[^`]+` failed: )?/, '').trim();
        return { message: [first, ...rest].join(' ').trim(), location, invalidBentofile };
    }
    // `ERROR: …` is how BentoML logs a YAML error, followed by the parser's explanation.
    const logged = lines.findIndex((l) => /^ERROR: /.test(l));
    if (logged !== -1) {
        const message = [lines[logged].replace(/^ERROR: /, '').trim()];
        for (const l of lines.slice(logged + 1)) {
            if (!l.trim() || TRACEBACK_FRAME.test(l))
                break;
            message.push(l.trim());
        }
        return { message: message.join(' '), location, invalidBentofile };
    }
    // Otherwise the innermost exception: the last exception line that is not a wrapper group.
    const exceptions = [];
    for (const [i, line] of lines.entries()) {
        const m = EXCEPTION_LINE.exec(line);
        if (!m || TRACEBACK_FRAME.test(line))
            continue;
        let text = `${m[1].split('.').pop()}: ${cleanExceptionText(m[2])}`;
        // A note cattrs adds under the exception ("Structuring class … @ attribute python").
        const next = stripBox(lines[i + 1] ?? '');
        if (/^Structuring class \S+ @ attribute \S+/.test(next)) {
            text += ` (in '${next.replace(/^.* @ attribute /, '')}')`;
        }
        exceptions.push(text);
    }
    const inner = exceptions.filter((e) => !/^(?:ClassValidationError|ExceptionGroup|BaseExceptionGroup):/.test(e));
    const message = inner.at(-1) ?? exceptions.at(-1) ?? lastMeaningfulLine(lines);
    return { message, location, invalidBentofile };
}
function lastMeaningfulLine(lines) {
    const kept = lines.map((l) => l.trim()).filter((l) => l && !TRACEBACK_FRAME.test(l));
    return kept.at(-1) ?? 'no output';
}
/** yamlLocation finds PyYAML's `line N, column M` position in an error message. */
function yamlLocation(output) {
    const m = /\bline (\d+), column (\d+)/.exec(output);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}
/** parseBuildTag reads the Bento tag from `bentoml build --output tag` (`__tag__:name:version`). */
function parseBuildTag(stdout) {
    const m = /^__tag__:(\S+:\S+)\s*$/m.exec(stdout);
    return m?.[1];
}
/** parseModelList reads `bentoml models list -o json`. */
function parseModelList(stdout) {
    const value = parseJsonOutput(stdout);
    if (!Array.isArray(value))
        throw new Error('`bentoml models list -o json` did not print a JSON list');
    return value.filter((m) => !!m && typeof m === 'object' && typeof m.tag === 'string');
}
/** parseJsonOutput reads a JSON document that a CLI printed, ignoring lines before it. */
function parseJsonOutput(stdout) {
    const start = stdout.search(/^[[{]/m);
    if (start === -1)
        throw new Error('the command printed no JSON');
    return JSON.parse(stdout.slice(start));
}
// What makes a model the same one: its tag, when and by which framework it was saved, and what
// it says about itself. Fields BentoML fills in or rewrites on import (signatures, context,
// api_version) are left out, so the archive's model.yaml compares equal to the imported model.
const IDENTITY_FIELDS = ['name', 'version', 'module', 'creation_time', 'labels', 'metadata'];
/**
 * sameModelInfo tells whether two model documents (an archive's model.yaml, or
 * `bentoml models get -o json`) describe the same model: the same tag, module, creation time,
 * labels and metadata.
 */
function sameModelInfo(a, b) {
    const identity = (info) => canonicalJson(IDENTITY_FIELDS.map((field) => {
        const value = info[field];
        if (field === 'name' || field === 'version')
            return String(value ?? '').toLowerCase();
        if (field === 'labels' || field === 'metadata')
            return value ?? {};
        return value ?? null;
    }));
    return identity(a) === identity(b);
}
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value).sort(([x], [y]) => x < y ? -1 : x > y ? 1 : 0);
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
const AUTH_PATTERNS = [
    /\bunauthorized\b/i,
    /authentication required/i,
    /requested access to the resource is denied/i,
    /\bdenied: /i,
    /\bDENIED\b/,
    /\binsufficient_scope\b/i,
    /\b(?:status|code|HTTP)[:\s]*40[13]\b/i,
    /\b40[13] (?:Unauthorized|Forbidden)\b/i,
    /invalid username\/password/i,
    /no basic auth credentials/i,
];
const TRANSIENT_PATTERNS = [
    /\b5\d\d \(?(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/i,
    /status code (?:from registry )?5\d\d\b/i,
    /\b(?:status(?: code)?|HTTP(?: status)?|code)[:\s]*5\d\d\b/i,
    /received unexpected HTTP status: 5\d\d/i,
    /\b429\b|too many requests|toomanyrequests/i,
    /connection reset/i,
    /\bECONNRESET\b/,
    /broken pipe/i,
    /unexpected EOF/i,
    /\btime(?:d)? ?out\b/i,
    /deadline exceeded/i,
    /\bEOF\b/,
];
/**
 * classifyPushFailure sorts a failed push by what its tool printed: auth errors are never retried,
 * server errors (5xx), rate limits, resets and time-outs are, anything else is not.
 */
function classifyPushFailure(output) {
    if (AUTH_PATTERNS.some((p) => p.test(output)))
        return 'auth';
    if (TRANSIENT_PATTERNS.some((p) => p.test(output)))
        return 'transient';
    return 'other';
}
/** parseDockerPushDigest reads the digest from `docker push` output (`tag: digest: sha256:… size: N`). */
function parseDockerPushDigest(output) {
    const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
    return matches.at(-1)?.[1];
}
const TLS_HINT = "Trust the registry's certificate on the runner, or mark a plain-HTTP registry insecure (README: 'Plain-HTTP and self-signed registries')";
/**
 * pushFailureReason sums up what a failed `buildah`/`podman`/`docker` push or login printed in one
 * short phrase (the whole output is in the step's log): the HTTP status the registry answered, a
 * refused connection, an untrusted certificate, or else the tool's last error line, shortened.
 */
function pushFailureReason(output) {
    const text = output.replace(/\s+/g, ' ');
    if (/x509:|certificate signed by unknown authority|certificate is not (?:valid|trusted)/i.test(text)) {
        return { reason: "the registry's TLS certificate is not trusted", hint: TLS_HINT };
    }
    if (/server gave HTTP response to HTTPS client/i.test(text)) {
        return { reason: 'the registry speaks plain HTTP, not HTTPS', hint: TLS_HINT };
    }
    const refused = /dial tcp ([^\s:]+:\d+|\[[^\]]+\]:\d+): connect: connection refused/i.exec(text);
    if (refused || /connection refused/i.test(text)) {
        return {
            reason: `nothing answered at ${refused?.[1] ?? 'the registry'} (connection refused)`,
            hint: 'Check the registry host and port in the image name, and that the registry is up',
        };
    }
    const status = /(?:unexpected HTTP status|status code|HTTP status|response status)[:\s]+(\d{3})(?: ([A-Z][A-Za-z ]*?))?(?=[;,)]|$| \()/i.exec(text) ??
        /\b(\d{3}) (Unauthorized|Forbidden|Not Found|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Too Many Requests)\b/.exec(text);
    if (status) {
        return {
            reason: `the registry answered HTTP ${status[1]}${status[2] ? ` ${status[2].trim()}` : ''}`,
            hint: undefined,
        };
    }
    if (/invalid username\/password|unauthorized|authentication required/i.test(text)) {
        return { reason: 'the registry refused the credentials', hint: undefined };
    }
    const lines = output
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    const last = [...lines].reverse().find((l) => /\berror\b/i.test(l)) ?? lines.at(-1) ?? 'no output';
    // Errors of the Go tools chain their causes with ": "; the last two say what went wrong.
    const parts = last.replace(/^(?:Error|error):\s*/, '').split(': ');
    const short = parts.slice(-2).join(': ');
    return { reason: short.length > 160 ? `${short.slice(0, 157)}...` : short, hint: undefined };
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/reference.ts
// Image references: the distribution reference grammar, and tags generated from the event in the
// style of docker/metadata-action. Pure: plain values in, plain values out.
// Grammar: https://github.com/distribution/reference/blob/main/reference.go

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[_.]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const DOMAIN_RE = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** The longest repository name (domain and path) registries accept. */
const MAX_NAME_LENGTH = 255;
/** isValidTag tells whether `tag` is a valid image tag: a word character, then up to 127 of `\w.-`. */
function isValidTag(tag) {
    return TAG_RE.test(tag);
}
/**
 * splitDomain separates a registry host from the repository path as Docker does: the first
 * component is a domain when it holds a `.` or a `:`, is `localhost`, or has upper-case letters.
 */
function splitDomain(name) {
    const slash = name.indexOf('/');
    if (slash === -1)
        return { domain: undefined, path: name };
    const first = name.slice(0, slash);
    const isDomain = /[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first;
    return isDomain
        ? { domain: first, path: name.slice(slash + 1) }
        : { domain: undefined, path: name };
}
/** parseReference reads an image reference, or says in one sentence why it is not one. */
function parseReference(reference) {
    if (!reference)
        return { ok: false, reason: 'it is empty' };
    if (/\s/.test(reference))
        return { ok: false, reason: 'it contains white space' };
    let rest = reference;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST_RE.test(digest)) {
            return { ok: false, reason: `'${digest}' is not a digest (algorithm:hex, such as sha256:…)` };
        }
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag)) {
            return {
                ok: false,
                reason: `the tag '${tag}' is not valid (a letter, digit or _, then up to 127 of letters, digits, _ . -)`,
            };
        }
    }
    if (!rest)
        return { ok: false, reason: 'the repository name is empty' };
    if (rest.length > MAX_NAME_LENGTH) {
        return {
            ok: false,
            reason: `the repository name is longer than ${MAX_NAME_LENGTH} characters`,
        };
    }
    const { domain, path } = splitDomain(rest);
    if (domain !== undefined && !DOMAIN_RE.test(domain)) {
        return { ok: false, reason: `'${domain}' is not a valid registry host[:port]` };
    }
    if (!PATH_RE.test(path)) {
        const upper = path.toLowerCase() !== path;
        return {
            ok: false,
            reason: upper
                ? `the repository '${path}' has upper-case letters, which registries reject`
                : `the repository '${path}' is not valid (lower-case letters and digits, separated by . _ __ - or /)`,
        };
    }
    return { ok: true, value: { domain, path, tag, digest } };
}
/** registryOf returns the registry host an image is pushed to (`docker.io` when none is named). */
function registryOf(repository) {
    return splitDomain(repository).domain ?? 'docker.io';
}
/**
 * normalizeRepository lowercases one `images` entry (registries reject upper case) and checks it
 * is a repository without a tag or digest; the error names the input and says what to change.
 */
function normalizeRepository(input, entry) {
    const lowered = entry.toLowerCase();
    const parsed = parseReference(lowered);
    const where = `input '${input}' has '${entry}', which`;
    if (!parsed.ok) {
        throw new errors/* ActionError */.lZ(`${where} is not an image repository: ${parsed.reason}`, {
            hint: 'Write one repository per line, such as ghcr.io/owner/app or registry.example.com:5000/team/app',
        });
    }
    if (parsed.value.tag !== undefined || parsed.value.digest !== undefined) {
        throw new errors/* ActionError */.lZ(`${where} has a tag or digest`, {
            hint: `List repositories without a tag in '${input}', and put tags in 'tags'`,
        });
    }
    return lowered;
}
/** sanitizeTag turns a branch name into a tag: runs of other characters become '-', cut to 128. */
function sanitizeTag(value) {
    return value
        .replace(/[^\w.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 128)
        .replace(/[.-]+$/, '');
}
/** The kinds of tag generated from the event. */
const GENERATED_TAG_KINDS = ['sha', 'short-sha', 'branch', 'latest'];
/** The length of a short commit SHA, as `git rev-parse --short` and docker/metadata-action give it. */
const SHORT_SHA_LENGTH = 7;
/** generatedTags makes the tags of `kinds` for the event, skipping those it cannot make. */
function generatedTags(kinds, context) {
    const tags = [];
    const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(context.headSha)
        ? context.headSha.toLowerCase()
        : '';
    for (const kind of kinds) {
        if (kind === 'sha' && sha)
            tags.push(sha);
        if (kind === 'short-sha' && sha)
            tags.push(sha.slice(0, SHORT_SHA_LENGTH));
        if (kind === 'branch' && context.branch) {
            const tag = sanitizeTag(context.branch);
            if (tag)
                tags.push(tag);
        }
        if (kind === 'latest' &&
            !context.isPullRequest &&
            context.branch !== undefined &&
            context.branch === context.defaultBranch) {
            tags.push('latest');
        }
    }
    return tags;
}
/**
 * planImages combines explicit tags (first, in order) with generated ones, drops duplicates,
 * and validates every full reference before anything is built.
 */
function planImages(options) {
    for (const tag of options.explicitTags) {
        if (!isValidTag(tag)) {
            throw new errors/* ActionError */.lZ(`input 'tags' has '${tag}', which is not a valid image tag (a letter, digit or _, then up to 127 of letters, digits, _ . -)`, { hint: 'Write one tag per line without the repository, such as v1.2.0' });
        }
    }
    const tags = [...new Set([...options.explicitTags, ...options.generated])];
    const repositories = [...new Set(options.repositories)];
    if (repositories.length > 0 && tags.length === 0) {
        throw new errors/* ActionError */.lZ('there is no tag to give the image', {
            hint: "Set 'tags', or run in a workflow where the commit SHA or branch is known",
        });
    }
    const references = [];
    for (const repository of repositories) {
        for (const tag of tags) {
            const reference = `${repository}:${tag}`;
            const parsed = parseReference(reference);
            if (!parsed.ok) {
                throw new errors/* ActionError */.lZ(`the image reference '${reference}' is not valid: ${parsed.reason}`, {
                    hint: "Fix the repository in 'images' or the tag in 'tags'",
                });
            }
            references.push(reference);
        }
    }
    return { repositories, tags, references };
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/store.ts
// The BentoML CLI adapter: import model archives into the store and build the Bento. Every call
// goes through core's exec with an argv array; results come from BentoML's machine-readable output.










/** The environment every bentoml call gets: no usage tracking, and lines rich never wraps. */
function bentomlEnv(extra = {}) {
    // rich wraps what BentoML prints at the terminal width (80 without a terminal), which would break
    // long paths and JSON strings across lines.
    return { BENTOML_DO_NOT_TRACK: 'true', COLUMNS: '100000', ...extra };
}
/** runBentoml runs one `bentoml` command. */
function runBentoml(cli, args, options = {}) {
    return (0,exec/* exec */.m0)(cli.executable, args, {
        // Every bentoml call but the store look-ups runs inside a phase's log group.
        inGroup: true,
        ...options,
        env: bentomlEnv({ ...cli.env, ...options.env }),
        notFoundHint: 'Install BentoML on the runner, or set the bentoml-version input so the action installs it',
    });
}
/** displayPath shows a path relative to the workspace when it is inside it. */
function displayPath(path, workspace) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    return rel && !rel.startsWith('..') ? rel : path;
}
/** checkModelArchive fails with a clear message when a model path is missing or not a file. */
function checkModelArchive(path, workspace) {
    const shown = displayPath(path, workspace);
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new errors/* ActionError */.lZ(`the model file '${shown}' does not exist`, {
            hint: "Produce it first (for example with dvc pull or dvc repro), or fix the path in 'model'",
        });
    }
    if (!(0,external_node_fs_.statSync)(path).isFile()) {
        throw new errors/* ActionError */.lZ(`the model path '${shown}' is not a file`, {
            hint: "Point 'model' at a .bentomodel archive made by bentoml models export",
        });
    }
}
/**
 * planModels reads every archive's model.yaml (no BentoML needed): each must be an archive
 * BentoML can import, and two archives that hold different models under one tag are an error.
 */
async function planModels(paths, workspace) {
    const planned = [];
    for (const path of paths) {
        const file = displayPath(path, workspace);
        checkModelArchive(path, workspace);
        let model;
        try {
            model = await readModelArchive(path);
        }
        catch (error) {
            if (error instanceof ArchiveProblem)
                throw archiveError(file, error);
            throw error;
        }
        const twin = planned.find((p) => p.tag === model.tag);
        if (twin && !sameModelInfo(twin.info, model.info)) {
            throw new errors/* ActionError */.lZ(`'${twin.file}' and '${file}' hold different models under the same tag ${model.tag}`, { hint: "Save one of them under another version, or list only one of them in 'model'" });
        }
        if (!twin)
            planned.push({ path, file, tag: model.tag, info: model.info });
    }
    return planned;
}
/**
 * storeModelDir is where BentoML keeps a model: `$BENTOML_HOME/models/<name>/<version>`
 * (BentoML's default home is ~/bentoml).
 */
function storeModelDir(cli, tag) {
    const home = cli.env?.['BENTOML_HOME'] || process.env['BENTOML_HOME'] || (0,external_node_path_.join)((0,external_node_os_.homedir)(), 'bentoml');
    const [name, version] = tag.split(':');
    return (0,external_node_path_.join)(home, 'models', name, version);
}
function conflict(model, existing) {
    return new errors/* ActionError */.lZ(`the BentoML store already has a different model under the tag ${model.tag} (created ${String(existing['creation_time'])}; '${model.file}' was created ${String(model.info['creation_time'])})`, {
        hint: 'Save the new model under a new version, or set overwrite: true to replace the one in the store',
    });
}
/**
 * compareWithStore decides, for one model the store already has, whether it is the same model
 * (skip), a different one to replace (`overwrite`), or a conflict.
 */
async function compareWithStore(cli, model, overwrite) {
    const existing = await modelInfo(cli, model.tag);
    if (!existing)
        return undefined;
    if (sameModelInfo(existing, model.info))
        return 'skip';
    if (!overwrite)
        throw conflict(model, existing);
    return 'replace';
}
/**
 * checkStore looks each model up in the store before anything is imported, so a conflict on the
 * last archive stops the run before the first is imported. A model whose folder the store lacks
 * is imported without asking BentoML (the fast path: one `bentoml models import`, as by hand).
 */
async function checkStore(cli, models, overwrite) {
    const steps = [];
    for (const model of models) {
        const action = (0,external_node_fs_.existsSync)(storeModelDir(cli, model.tag))
            ? ((await compareWithStore(cli, model, overwrite)) ?? 'import')
            : 'import';
        steps.push({ ...model, action });
    }
    return steps;
}
/** The Bentos `bentoml models delete` says are built from a model (so it will not delete it). */
function parseModelInUse(output) {
    const at = output.search(/is being used by the following bentos and can't be deleted:/);
    if (at === -1)
        return undefined;
    const tags = [];
    for (const line of output.slice(at).split(/\r?\n/).slice(1)) {
        const tag = line.trim();
        if (!/^[a-z0-9][-._a-z0-9]*:[a-z0-9][-._a-z0-9]*$/.test(tag))
            break;
        tags.push(tag);
    }
    return tags;
}
/**
 * deleteModel removes a model from the store; the Bentos built from it are deleted first (BentoML
 * refuses to delete a model a Bento uses). Returns the deleted Bentos.
 */
async function deleteModel(cli, tag) {
    const first = await runBentoml(cli, modelsDeleteArgs(tag), { okCodes: [0, 1] });
    if (first.exitCode === 0)
        return [];
    const output = `${first.stderr}\n${first.stdout}`;
    const bentos = parseModelInUse(output)?.sort();
    if (!bentos || bentos.length === 0) {
        throw new errors/* ActionError */.lZ(`\`bentoml models delete ${tag}\` failed: ${bentomlFailure(output).message}`, {
            hint: 'The log group above shows the whole output; delete the model by hand, or do not set overwrite',
        });
    }
    (0,runtime/* info */.pq)(`Deleting the Bentos built from the old ${tag}: ${bentos.join(', ')}`);
    await runBentoml(cli, deleteBentosArgs(bentos));
    await runBentoml(cli, modelsDeleteArgs(tag));
    return bentos;
}
/** importArchive runs `bentoml models import`; a failure says which archive and why. */
async function importArchive(cli, model) {
    const result = await runBentoml(cli, modelsImportArgs(model.path), { okCodes: [0, 1] });
    if (result.exitCode === 0)
        return 'imported';
    const output = `${result.stderr}\n${result.stdout}`;
    if (/Item '[^']+' already exists in the store/.test(output))
        return 'exists';
    throw new errors/* ActionError */.lZ(`\`bentoml models import\` of '${model.file}' failed: ${bentomlFailure(output).message}`, {
        hint: "The log group above shows BentoML's whole output; re-export the model with bentoml models export",
    });
}
/**
 * applyModel carries out one step: import, skip (with a notice), or replace (delete the old model
 * and the Bentos built from it, then import).
 */
async function applyModel(cli, step, overwrite) {
    const { file, tag } = step;
    if (step.action === 'import') {
        if ((await importArchive(cli, step)) === 'imported')
            return { file, tag, outcome: 'imported' };
        // The store is not where storeModelDir looked (a custom home): compare now, as checkStore would.
        const action = await compareWithStore(cli, step, overwrite);
        if (action === 'replace')
            return applyModel(cli, { ...step, action }, overwrite);
        step = { ...step, action: 'skip' };
    }
    if (step.action === 'skip') {
        (0,runtime/* notice */.lm)(`The model ${tag} from ${file} is already in the BentoML store; skipped its import.`);
        return { file, tag, outcome: 'skipped' };
    }
    const removedBentos = await deleteModel(cli, tag);
    if (removedBentos.length > 0) {
        (0,runtime/* notice */.lm)(`overwrite: replaced the model ${tag} with the one from ${file}, and deleted the ${removedBentos.length} Bento(s) built from the old one: ${removedBentos.join(', ')}.`);
    }
    await importArchive(cli, step);
    return { file, tag, outcome: 'replaced', removedBentos };
}
/** modelInfo returns `bentoml models get <tag> -o json`, or undefined when the store lacks it. */
async function modelInfo(cli, tag) {
    const result = await runBentoml(cli, modelsGetArgs(tag), { silent: true, okCodes: [0, 1] });
    if (result.exitCode !== 0) {
        if (/not found/i.test(result.stderr + result.stdout))
            return undefined;
        throw new errors/* ActionError */.lZ(`\`bentoml models get ${tag}\` failed: ${bentomlFailure(result.stderr + result.stdout).message}`);
    }
    const info = parseJsonOutput(result.stdout);
    if (!info || typeof info !== 'object' || Array.isArray(info)) {
        throw new errors/* ActionError */.lZ(`\`bentoml models get ${tag} --output json\` printed no JSON object`);
    }
    return info;
}
/**
 * checkBuildInputs checks the build context and the bentofile without BentoML: the folder exists,
 * and the bentofile parses and keeps to BentoML's schema (an annotation points at the line).
 */
function checkBuildInputs(options) {
    const shown = displayPath(options.bentofile, options.workspace);
    if (!(0,external_node_fs_.existsSync)(options.context) || !(0,external_node_fs_.statSync)(options.context).isDirectory()) {
        throw new errors/* ActionError */.lZ(`the build context '${displayPath(options.context, options.workspace)}' is not a folder`, { hint: "Set 'build-context' to the folder that holds the service's code" });
    }
    if (!(0,external_node_fs_.existsSync)(options.bentofile) || !(0,external_node_fs_.statSync)(options.bentofile).isFile()) {
        throw new errors/* ActionError */.lZ(`the bentofile '${shown}' does not exist`, {
            hint: "Set 'bentofile' (relative to the workspace) or 'build-context' to where bentofile.yaml is",
        });
    }
    const problem = bentofileProblem((0,external_node_fs_.readFileSync)(options.bentofile, 'utf8'), (file) => (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(options.context, file)));
    if (problem) {
        throw new errors/* ActionError */.lZ(`the bentofile '${shown}' is not valid: ${problem.reason}`, {
            hint: 'Fix it (reference: https://docs.bentoml.com/en/latest/reference/bentoml/bento-build-options.html)',
            location: { file: shown, ...(problem.line ? { line: problem.line } : {}) },
        });
    }
}
/**
 * buildBento runs `bentoml build` and returns the Bento tag from `--output tag`. An invalid
 * bentofile fails with BentoML's message and an annotation on the file.
 */
async function buildBento(cli, options) {
    const shown = displayPath(options.bentofile, options.workspace);
    checkBuildInputs(options);
    let stdout;
    try {
        ({ stdout } = await runBentoml(cli, buildArgs(options.bentofile, options.context), {
            cwd: options.context,
        }));
    }
    catch (error) {
        if (!(error instanceof exec/* ExecError */.cI))
            throw error;
        const failure = bentomlFailure(`${error.stderr}\n${error.stdout}`);
        if (failure.invalidBentofile) {
            throw new errors/* ActionError */.lZ(`the bentofile '${shown}' is not valid: ${failure.message}`, {
                hint: 'Fix it as BentoML says (reference: https://docs.bentoml.com/en/latest/reference/bentoml/bento-build-options.html)',
                location: {
                    file: shown,
                    ...(failure.location
                        ? { line: failure.location.line, column: failure.location.column }
                        : {}),
                },
                cause: error,
            });
        }
        const missingModel = /Model '?[^'\s]+'? (?:is not found|could not be found)/i.test(failure.message);
        throw new errors/* ActionError */.lZ(`\`bentoml build\` of '${shown}' failed: ${failure.message}`, {
            hint: missingModel
                ? "Import the model the service loads with the 'model' input (a .bentomodel archive)"
                : 'Run bentoml build locally with the same bentofile to see the whole error',
            cause: error,
        });
    }
    const tag = parseBuildTag(stdout);
    if (!tag) {
        throw new errors/* ActionError */.lZ(`\`bentoml build --output tag\` printed no Bento tag (got '${stdout.trim().slice(0, 200)}')`, {
            hint: 'Use BentoML 1.2 or newer, which prints __tag__:<name>:<version>',
        });
    }
    return tag;
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/image.ts
// Containerize the Bento with the chosen backend, log in to the registry, and push each tag with
// retry and backoff on transient registry errors (never on auth errors).












/** checkBackend fails before any work when the backend's program is not on PATH. */
async function checkBackend(backend, pathValue = process.env['PATH'] ?? '') {
    const tool = backendTool(backend);
    const found = (0,which/* findOnPath */.a)(tool, pathValue);
    if (!found) {
        throw new errors/* ActionError */.lZ(`the ${backend} backend needs \`${tool}\`, which is not on PATH`, {
            hint: backendInstallHint(backend),
        });
    }
    if (backend === 'buildx') {
        await (0,exec/* exec */.m0)(found, ['buildx', 'version'], { silent: true }).catch((error) => {
            throw new errors/* ActionError */.lZ('the buildx backend needs the Docker Buildx plugin, which `docker buildx version` did not find', {
                hint: backendInstallHint(backend),
                cause: error,
            });
        });
    }
    return found;
}
/** containerize builds the Bento's image with every reference as a tag. */
async function containerize(cli, options) {
    try {
        await runBentoml(cli, containerizeArgs(options));
    }
    catch (error) {
        if (!(error instanceof exec/* ExecError */.cI))
            throw error;
        const message = bentomlFailure(`${error.stderr}\n${error.stdout}`).message;
        throw new errors/* ActionError */.lZ(`\`bentoml containerize ${options.bentoTag}\` with the ${options.backend} backend failed: ${message.length > 300 ? `${message.slice(0, 297)}...` : message}`, {
            hint: "The log group 'Containerize' shows the builder's output; the base image and the bento's packages must be reachable from the builder",
            cause: error,
        });
    }
}
/**
 * A push or login that failed: what kind of failure its output shows, and why in a few words.
 * The message is that short reason; the tool's whole command and output are in the log above.
 */
class PushError extends errors/* ActionError */.lZ {
    kind;
    reference;
    reasonHint;
    constructor(reference, cause) {
        const output = `${cause.stderr}\n${cause.stdout}`;
        const { reason, hint } = pushFailureReason(output);
        super(reason, { cause });
        this.name = 'PushError';
        this.kind = classifyPushFailure(output);
        this.reference = reference;
        this.reasonHint = hint;
    }
}
/** The default push retry: four tries, about 2 s, 4 s and 8 s apart (with jitter). */
const DEFAULT_RETRY = { attempts: 4, baseMs: 2000, maxMs: 30_000 };
function retryOptions(policy, what) {
    return {
        attempts: policy.attempts,
        baseMs: policy.baseMs,
        maxMs: policy.maxMs,
        retryable: (error) => error instanceof PushError && error.kind === 'transient',
        onRetry: (error, attempt, delayMs) => (0,runtime/* warning */.$e)(`${what} failed with a transient registry error (try ${attempt} of ${policy.attempts}): ${error instanceof Error ? error.message : String(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s.`),
    };
}
function credentialText(registry, credentials) {
    return credentials && credentials.registry === registry
        ? `as '${credentials.username}' (the 'username' and 'password' inputs)`
        : "without credentials from this action (set 'registry', 'username' and 'password', or log in before this step)";
}
/** login logs in to a registry with the password on stdin; transient failures are retried. */
async function login(backend, credentials, policy = DEFAULT_RETRY) {
    const { command, args } = loginCommand(backend, credentials.registry, credentials.username);
    try {
        await (0,retry/* retry */.L)(async () => {
            try {
                await (0,exec/* exec */.m0)(command, args, {
                    input: `${credentials.password}\n`,
                    secrets: [credentials.password],
                    // Inside the 'Log in' group: a failure's command and output are written there.
                    inGroup: true,
                });
            }
            catch (error) {
                if (!(error instanceof exec/* ExecError */.cI))
                    throw error;
                throw new PushError(credentials.registry, error);
            }
        }, retryOptions(policy, `Login to ${credentials.registry}`));
    }
    catch (error) {
        if (!(error instanceof PushError))
            throw error;
        if (error.kind === 'auth') {
            throw new errors/* ActionError */.lZ(`${credentials.registry} rejected the login as '${credentials.username}': ${error.message}`, {
                hint: "Check 'username' and 'password' (a token with permission to push to the repository)",
                cause: error,
            });
        }
        const tries = error.kind === 'transient' ? ` after ${policy.attempts} tries` : '';
        throw new errors/* ActionError */.lZ(`the login to ${credentials.registry} as '${credentials.username}' failed${tries}: ${error.message}`, {
            hint: error.reasonHint ?? "The log group 'Log in' above shows the tool's whole output",
            cause: error,
        });
    }
}
/** pushReference pushes one reference once and returns its digest. */
async function pushReference(backend, reference, secrets) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'bentoml-push-'));
    const digestFile = (0,external_node_path_.join)(dir, 'digest');
    try {
        const { command, args } = pushCommand(backend, reference, digestFile);
        let output;
        try {
            // Inside the 'Push' group: a failure's command and output are written there, above the
            // one-line warning or error.
            const result = await (0,exec/* exec */.m0)(command, args, { secrets, inGroup: true });
            output = `${result.stdout}\n${result.stderr}`;
        }
        catch (error) {
            if (!(error instanceof exec/* ExecError */.cI))
                throw error;
            throw new PushError(reference, error);
        }
        const digest = (0,external_node_fs_.existsSync)(digestFile)
            ? (0,external_node_fs_.readFileSync)(digestFile, 'utf8').trim()
            : parseDockerPushDigest(output);
        if (!digest)
            throw new errors/* ActionError */.lZ(`\`${command} push ${reference}\` did not report the pushed digest`);
        return digest;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/**
 * pushAll pushes each reference in turn, retrying transient registry errors with backoff; an
 * auth error stops at once and names the registry and the credential used.
 */
async function pushAll(backend, references, options) {
    const policy = options.policy ?? DEFAULT_RETRY;
    const secrets = options.credentials ? [options.credentials.password] : [];
    const pushed = [];
    for (const reference of references) {
        try {
            const digest = await (0,retry/* retry */.L)(() => pushReference(backend, reference, secrets), retryOptions(policy, `Push of ${reference}`));
            pushed.push({ reference, digest });
        }
        catch (error) {
            if (!(error instanceof PushError))
                throw error;
            const registry = registryOf(reference);
            if (error.kind === 'auth') {
                throw new errors/* ActionError */.lZ(`${registry} denied the push of ${reference} ${credentialText(registry, options.credentials)}: ${error.message}`, {
                    hint: `Give the credential push access to ${reference.slice(0, reference.lastIndexOf(':'))}, or fix 'registry', 'username' and 'password'`,
                    cause: error,
                });
            }
            const tries = error.kind === 'transient' ? ` after ${policy.attempts} tries` : '';
            throw new errors/* ActionError */.lZ(`the push of ${reference} to ${registry} failed${tries}: ${error.message}`, {
                hint: error.reasonHint ??
                    (error.kind === 'transient'
                        ? 'The registry kept failing; try again later (the log above shows each try)'
                        : "The log group 'Push' above shows the push tool's whole output"),
                cause: error,
            });
        }
    }
    return pushed;
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/install.ts
// Finding BentoML, or installing a pinned one into a venv in the tool cache when it is missing.






/**
 * servicePackages lists what the installed BentoML needs besides itself: `bentoml build` imports
 * the service, so the bentofile's Python packages must be importable next to BentoML.
 */
function servicePackages(bentofile, buildContext = (0,external_node_path_.dirname)(bentofile)) {
    if (!(0,external_node_fs_.existsSync)(bentofile))
        return [];
    const python = bentofilePython((0,external_node_fs_.readFileSync)(bentofile, 'utf8'));
    const packages = [...python.packages];
    if (python.requirementsTxt) {
        const file = (0,external_node_path_.resolve)(buildContext, python.requirementsTxt);
        if ((0,external_node_fs_.existsSync)(file))
            packages.push(...requirementLines((0,external_node_fs_.readFileSync)(file, 'utf8')));
    }
    return packages.filter((p) => !isBentomlRequirement(p));
}
/**
 * checkBentomlSource fails before any work when BentoML is neither on PATH nor installable: the
 * version to install must be a release number pip understands.
 */
function checkBentomlSource(version, pathValue = process.env['PATH'] ?? '') {
    if ((0,which/* findOnPath */.a)('bentoml', pathValue))
        return;
    if (!version) {
        throw new errors/* ActionError */.lZ('`bentoml` is not on PATH and bentoml-version is empty', {
            hint: 'Install BentoML in an earlier step, or set bentoml-version (such as 1.4.40) so the action installs it',
        });
    }
    if (!/^\d+(?:\.\d+){0,3}(?:(?:a|b|rc)\d+)?(?:\.post\d+)?(?:\.dev\d+)?$/.test(version)) {
        throw new errors/* ActionError */.lZ(`input 'bentoml-version' is '${version}', which is not a BentoML release number`, { hint: 'Set it to a release such as 1.4.40 (https://pypi.org/project/bentoml/#history)' });
    }
}
/**
 * resolveBentoml returns the `bentoml` on PATH, or installs `bentoml==<version>` together with the
 * bentofile's packages into a cached venv (core's tools installer) and returns that one.
 */
async function resolveBentoml(version, bentofile, buildContext, pathValue = process.env['PATH'] ?? '') {
    const found = (0,which/* findOnPath */.a)('bentoml', pathValue);
    if (found) {
        (0,runtime/* info */.pq)(`Using ${found}`);
        return { executable: found, installed: false, version: undefined };
    }
    if (!version) {
        throw new errors/* ActionError */.lZ('`bentoml` is not on PATH and bentoml-version is empty', {
            hint: 'Install BentoML in an earlier step, or set bentoml-version (such as 1.4.40) so the action installs it',
        });
    }
    const { ensurePythonTool } = await __webpack_require__.e(/* import() */ 269).then(__webpack_require__.bind(__webpack_require__, 8269));
    const packages = [`bentoml==${version}`, ...servicePackages(bentofile, buildContext)];
    const tool = await ensurePythonTool({ tool: 'bentoml', version, packages });
    return { executable: tool.executable, installed: true, version };
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/pipeline.ts
// The bentoml action's whole run: import models, build the Bento, containerize, log in, push.





/** The state key under which the post step finds the logout command (JSON `{command, args}`). */
const LOGIN_STATE = 'bentoml-login';
/** runBentoPipeline runs the action's steps in order, one log group each, and returns what they made. */
async function runBentoPipeline(options) {
    const buildImage = options.plan.references.length > 0;
    // The plan: every input and file is checked before BentoML is set up (an install on a fresh
    // runner), before the login and before anything is imported, built or pushed.
    checkBuildInputs({
        bentofile: options.bentofile,
        context: options.buildContext,
        workspace: options.workspace,
    });
    const planned = await planModels(options.models, options.workspace);
    checkBentomlSource(options.bentomlVersion);
    if (buildImage)
        await checkBackend(options.backend);
    // Log in first, as docker/login-action does before a build: wrong credentials fail in seconds.
    const credentials = buildImage && options.push ? options.credentials : undefined;
    if (credentials) {
        await (0,runtime/* group */.Os)(`Log in to ${credentials.registry}`, () => login(options.backend, credentials, options.retry));
        (0,runtime/* saveState */.LZ)(LOGIN_STATE, JSON.stringify(logoutCommand(options.backend, credentials.registry)));
    }
    const bentoml = await (0,runtime/* group */.Os)('Set up BentoML', () => resolveBentoml(options.bentomlVersion, options.bentofile, options.buildContext));
    const cli = { executable: bentoml.executable };
    // Every model is looked up in the store before the first import: a conflict stops the run
    // with the store as it was.
    const steps = await checkStore(cli, planned, options.overwrite);
    const models = [];
    for (const step of steps) {
        models.push(await (0,runtime/* group */.Os)(`Import ${step.file}`, () => applyModel(cli, step, options.overwrite)));
    }
    const bentoTag = await (0,runtime/* group */.Os)('Build the Bento', () => buildBento(cli, {
        bentofile: options.bentofile,
        context: options.buildContext,
        workspace: options.workspace,
    }));
    (0,runtime/* info */.pq)(`Built the Bento ${bentoTag}`);
    const result = {
        models,
        bentoTag,
        references: options.plan.references,
        backend: options.backend,
        pushed: [],
        bentoml,
    };
    if (!buildImage)
        return result;
    await (0,runtime/* group */.Os)(`Containerize ${bentoTag} (${options.backend})`, () => containerize(cli, {
        bentoTag,
        backend: options.backend,
        references: options.plan.references,
        platform: options.platform,
    }));
    if (!options.push)
        return result;
    result.pushed = await (0,runtime/* group */.Os)(`Push ${options.plan.references.length} image tags`, () => pushAll(options.backend, options.plan.references, {
        credentials,
        ...(options.retry ? { policy: options.retry } : {}),
    }));
    return result;
}

;// CONCATENATED MODULE: ../../packages/core/src/pure/markdown.ts
/** escapeCell makes text safe inside a Markdown table cell (pipes, newlines, HTML). */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
/** table renders a GitHub-flavoured Markdown table; `align` takes 'l', 'r' or 'c' per column. */
function table(header, rows, align = []) {
    const sep = header.map((_, i) => {
        const a = align[i];
        return a === 'r' ? '---:' : a === 'c' ? ':---:' : '---';
    });
    const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
    return [line(header), `| ${sep.join(' | ')} |`, ...rows.map(line)].join('\n');
}
/** details wraps Markdown in a collapsible <details> block. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}>\n<summary>${escapeCell(summary)}</summary>\n\n${body}\n\n</details>`;
}
/** codeBlock fences text, choosing a fence longer than any backtick run inside it. */
function codeBlock(text, lang = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}
/** link renders a Markdown link with its text escaped. */
function markdown_link(text, url) {
    return `[${text.replace(/([[\]\\])/g, '\\$1')}](${url.replace(/\)/g, '%29').replace(/ /g, '%20')})`;
}
/** hiddenMarker is an HTML comment that finds a bot's comment again without showing anything. */
function hiddenMarker(id) {
    return `<!-- ${id.replace(/--/g, '-')} -->`;
}
/**
 * fitSections joins Markdown sections and, if they exceed `limit` characters, keeps whole sections
 * from the start and ends with `note` (which should say where the full text is).
 */
function fitSections(sections, limit, note) {
    const whole = sections.join('\n\n');
    if (whole.length <= limit)
        return { text: whole, cut: false };
    const kept = [];
    let length = 0;
    for (const section of sections) {
        const add = (kept.length ? 2 : 0) + section.length;
        if (length + add + 2 + note.length > limit)
            break;
        kept.push(section);
        length += add;
    }
    const text = [...kept, note].join('\n\n');
    return { text: text.length <= limit ? text : note.slice(0, limit), cut: true };
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/summary.ts
// The job summary of the bentoml action. Pure: the run's result in, Markdown out.

const OUTCOME_TEXT = {
    imported: 'imported',
    skipped: 'already in the store (skipped)',
    replaced: 'replaced (overwrite)',
};
/** summaryMarkdown renders the job summary: models, the Bento, and the images with their digests. */
function summaryMarkdown(result) {
    const sections = ['### BentoML', `Bento **\`${result.bentoTag}\`**`];
    if (result.models.length > 0) {
        sections.push(table(['Model archive', 'Model tag', 'Import'], result.models.map((m) => [m.file, m.tag, OUTCOME_TEXT[m.outcome]])));
        for (const m of result.models) {
            if (m.removedBentos?.length) {
                sections.push(`\`${m.tag}\`: \`overwrite\` deleted the Bentos built from the old model: ${m.removedBentos.join(', ')}`);
            }
        }
    }
    if (result.references.length > 0) {
        const digests = new Map(result.pushed.map((p) => [p.reference, p.digest]));
        sections.push(table(['Image', 'Pushed digest'], result.references.map((r) => [r, digests.get(r) ?? 'not pushed'])));
        const first = result.pushed[0];
        if (first) {
            const repository = first.reference.slice(0, first.reference.lastIndexOf(':'));
            sections.push(`Pull it by digest:\n\n${codeBlock(`${repository}@${first.digest}`)}`);
        }
        sections.push(`Built with the \`${result.backend}\` backend.`);
    }
    else {
        sections.push('No image was built (no `images` given).');
    }
    if (result.bentoml.installed) {
        sections.push(`BentoML ${result.bentoml.version ?? ''} was installed into the tool cache for this run.`.replace('  ', ' '));
    }
    return sections.join('\n\n');
}

;// CONCATENATED MODULE: ../../packages/core/src/bentoml/index.ts
// @mlops-actions/core/bentoml: import BentoML models, build Bentos, containerize and push them.
// The pure parts (references, commands, messages, summary) are safe to import at an action's start.












/***/ }),

/***/ 2192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/* unused harmony export backoffDelay */
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

//# sourceMappingURL=195.index.js.map