// Reading a BentoML model archive without BentoML: its model.yaml tells the model's tag and
// identity, so the action checks archives and compares them with the store before BentoML is set
// up, and imports each archive once (the plain `bentoml models import` it replaces does no more).
// The formats are those `bentoml models export` writes, chosen by the file's extension as BentoML's
// `guess_format` does: tar.xz (.bentomodel, .xz, anything else), tar.gz (.gz), tar (.tar), zip.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { crc32, createGunzip, inflateRawSync } from 'node:zlib';
import { parse } from 'yaml';
import { ActionError } from '../pure/errors.ts';

/** The model an archive holds, as its model.yaml says. */
export interface ArchivedModel {
  /** `name:version`, lower-cased as BentoML stores it. */
  tag: string;
  /** model.yaml, parsed (the same document `bentoml models get -o json` prints once imported). */
  info: Record<string, unknown>;
}

/** The archive formats BentoML imports, by extension. */
export type ArchiveFormat = 'xz' | 'gz' | 'bz2' | 'tar' | 'zip';

const MODEL_YAML = 'model.yaml';
// model.yaml is a few hundred bytes; anything near this is not one.
const MAX_MODEL_YAML = 1024 * 1024;
const MAGIC: Record<Exclude<ArchiveFormat, 'tar'>, number[]> = {
  xz: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
  gz: [0x1f, 0x8b],
  bz2: [0x42, 0x5a, 0x68],
  zip: [0x50, 0x4b, 0x03, 0x04],
};
const FORMAT_TEXT: Record<ArchiveFormat, string> = {
  xz: 'an xz-compressed tar file',
  gz: 'a gzip-compressed tar file',
  bz2: 'a bzip2-compressed tar file',
  tar: 'a tar file',
  zip: 'a zip file',
};
// BentoML's tag grammar (bentoml/_internal/tag.py): lower case, at most 63 characters.
const TAG_PART = /^[a-z0-9](?:[-._a-z0-9]*[a-z0-9])?$/;

/** archiveFormat is the format BentoML reads a model archive in, from its file name. */
export function archiveFormat(path: string): ArchiveFormat {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  if (ext === 'gz' || ext === 'bz2' || ext === 'tar' || ext === 'zip' || ext === 'xz') return ext;
  return 'xz';
}

/** Why a file is not a model archive, for the caller to word with the file's name. */
export class ArchiveProblem extends Error {}

function readHead(path: string, length: number): Buffer {
  const head = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, head, 0, length, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** looksLikePointer tells whether the start of a file is a Git LFS or DVC pointer, not data. */
function looksLikePointer(head: Buffer): boolean {
  const text = head.toString('latin1');
  return /^version https:\/\/git-lfs\.github\.com\/spec\//.test(text) || /^outs:\s*$/m.test(text);
}

/**
 * readModelArchive reads model.yaml from a model archive and returns the model's tag and info.
 * It throws ArchiveProblem when the file is not an archive BentoML can import.
 */
export async function readModelArchive(path: string): Promise<ArchivedModel> {
  const format = archiveFormat(path);
  const size = statSync(path).size;
  if (size === 0) throw new ArchiveProblem('it is empty');
  const head = readHead(path, 512);
  if (looksLikePointer(head)) {
    throw new ArchiveProblem(
      'it is a Git LFS or DVC pointer file, not the archive it points to (fetch the real file first)',
    );
  }
  if (format !== 'tar') {
    const magic = MAGIC[format];
    if (head.length < magic.length || magic.some((b, i) => head[i] !== b)) {
      throw new ArchiveProblem(
        `its name says ${FORMAT_TEXT[format]} (BentoML reads the format from the extension), but it is not one`,
      );
    }
  }
  if (format === 'xz') checkXzFooter(path, size);
  if (format === 'bz2') {
    throw new ArchiveProblem(
      'this action does not read .bz2 model archives; export the model with `bentoml models export` to a .bentomodel file',
    );
  }
  const yamlText =
    format === 'zip' ? readZipEntry(path, size, MODEL_YAML) : await readTarEntry(path, format);
  if (yamlText === undefined) {
    throw new ArchiveProblem(
      `it has no ${MODEL_YAML} at its top (a model export has one; is this a Bento or another archive?)`,
    );
  }
  return modelFromYaml(yamlText);
}

/** modelFromYaml reads model.yaml as BentoML does (YAML 1.1, a mapping with name and version). */
export function modelFromYaml(text: string): ArchivedModel {
  let info: unknown;
  try {
    info = parse(text, { version: '1.1' });
  } catch (error) {
    throw new ArchiveProblem(
      `its ${MODEL_YAML} is not valid YAML (${String((error as Error).message).split('\n')[0]})`,
    );
  }
  if (!info || typeof info !== 'object' || Array.isArray(info)) {
    throw new ArchiveProblem(`its ${MODEL_YAML} is not a mapping`);
  }
  const record = info as Record<string, unknown>;
  const name = record['name'];
  const version = record['version'];
  if (typeof name !== 'string' || typeof version !== 'string') {
    throw new ArchiveProblem(`its ${MODEL_YAML} has no name and version`);
  }
  for (const part of [name.toLowerCase(), version.toLowerCase()]) {
    if (part.length > 63 || !TAG_PART.test(part)) {
      throw new ArchiveProblem(
        `its ${MODEL_YAML} names the model '${name}:${version}', which is not a valid BentoML tag`,
      );
    }
  }
  return { tag: `${name.toLowerCase()}:${version.toLowerCase()}`, info: record };
}

/**
 * checkXzFooter checks the 12-byte stream footer at the end of an xz file (CRC32 of the backward
 * size and flags, then the magic `YZ`): a cut-off download has none.
 */
function checkXzFooter(path: string, size: number): void {
  const footer = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    if (size < 32 || readSync(fd, footer, 0, 12, size - 12) !== 12) {
      throw new ArchiveProblem('it is truncated (too short to be an xz file)');
    }
  } finally {
    closeSync(fd);
  }
  const magic = footer[10] === 0x59 && footer[11] === 0x5a;
  if (!magic || crc32(footer.subarray(4, 10)) !== footer.readUInt32LE(0)) {
    throw new ArchiveProblem('it is truncated or damaged (its xz stream has no valid end)');
  }
}

/** tarStream returns the decompressed bytes of a tar archive, as a stream. */
async function tarStream(path: string, format: ArchiveFormat): Promise<AsyncIterable<Uint8Array>> {
  const file = createReadStream(path);
  if (format === 'gz') return file.pipe(createGunzip());
  if (format === 'xz') {
    // Loaded only here: the decoder is WebAssembly, about 25 kB.
    type XzModule = {
      XzReadableStream: new (s: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;
    };
    const loaded = (await import('xz-decompress')) as unknown as XzModule & { default?: XzModule };
    const XzReadableStream = loaded.XzReadableStream ?? loaded.default!.XzReadableStream;
    return new XzReadableStream(Readable.toWeb(file) as ReadableStream<Uint8Array>);
  }
  return file;
}

/** normalizeName turns a tar or zip member name into a path without `./` or a trailing `/`. */
function normalizeName(name: string): string {
  return name
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
}

function octal(field: Buffer): number {
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (!text) return 0;
  if (!/^[0-7]+$/.test(text)) throw new ArchiveProblem('it is not a tar archive inside');
  return Number.parseInt(text, 8);
}

function cString(field: Buffer): string {
  const nul = field.indexOf(0);
  return field.subarray(0, nul === -1 ? field.length : nul).toString('utf8');
}

/** paxPath reads the `path` record of a pax extended header. */
function paxPath(data: Buffer): string | undefined {
  let offset = 0;
  let path: string | undefined;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number(data.subarray(offset, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    if (record.startsWith('path=')) path = record.slice(5);
    offset += length;
  }
  return path;
}

/**
 * readTarEntry streams a (compressed) tar archive to its end and returns model.yaml's text when
 * the archive has it at its top.
 */
async function readTarEntry(path: string, format: ArchiveFormat): Promise<string | undefined> {
  let source: AsyncIterable<Uint8Array>;
  try {
    source = await tarStream(path, format);
  } catch (error) {
    throw new ArchiveProblem(`it cannot be read (${(error as Error).message})`);
  }
  let buffer = Buffer.alloc(0);
  // The member being read: its name, whether it is kept, its size, and the bytes still to come.
  let pending: { name: string; keep: boolean; size: number; remaining: number } | undefined;
  let collected: Buffer[] = [];
  let nextName: string | undefined;
  let sawHeader = false;
  let ended = false;
  let found: string | undefined;
  // A gzip or plain tar archive is read to its end (zlib checks the gzip trailer), so a truncated
  // download is found here, before BentoML is set up. An xz archive is read only up to model.yaml
  // (its decoder is slower, and a model can be gigabytes): its stream footer, checked before,
  // finds a truncated one.
  const complete = format !== 'xz';
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let step: IteratorResult<Uint8Array>;
      try {
        step = await iterator.next();
      } catch (error) {
        throw new ArchiveProblem(
          `it is damaged or truncated (${FORMAT_TEXT[format]} that cannot be decompressed: ${(error as Error).message})`,
        );
      }
      if (step.done) break;
      if (ended) continue;
      buffer = buffer.length ? Buffer.concat([buffer, step.value]) : Buffer.from(step.value);
      for (;;) {
        if (pending) {
          const take = Math.min(pending.remaining, buffer.length);
          if (pending.keep) collected.push(buffer.subarray(0, take));
          pending.remaining -= take;
          buffer = buffer.subarray(take);
          if (pending.remaining > 0) break;
          const data = Buffer.concat(collected);
          collected = [];
          const done = pending;
          pending = undefined;
          const body = data.subarray(0, done.size);
          if (done.name === '\0pax') nextName = paxPath(body) ?? nextName;
          else if (done.name === '\0gnu') nextName = cString(body) || nextName;
          else if (done.keep) {
            found = body.toString('utf8');
            if (!complete) return found;
          }
          continue;
        }
        if (buffer.length < 512) break;
        const header = buffer.subarray(0, 512);
        buffer = buffer.subarray(512);
        if (header.every((b) => b === 0)) {
          ended = true;
          buffer = Buffer.alloc(0);
          break;
        }
        const checksum = octal(header.subarray(148, 156));
        let sum = 0;
        for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
        if (sum !== checksum) {
          throw new ArchiveProblem(
            sawHeader
              ? 'its tar data is damaged'
              : format === 'tar'
                ? 'it is not a tar file'
                : 'it is compressed, but not a tar archive inside',
          );
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
        const isModelYaml =
          (typeflag === '0' || typeflag === '\0') && normalizeName(name) === MODEL_YAML;
        if (isModelYaml && size > MAX_MODEL_YAML) {
          throw new ArchiveProblem(`its ${MODEL_YAML} is ${size} bytes, too large to be one`);
        }
        pending = { name, keep: isModelYaml, size, remaining: padded };
      }
    }
  } finally {
    await iterator.return?.();
  }
  if (!sawHeader) throw new ArchiveProblem('it is not a tar archive inside');
  if (pending || (!ended && buffer.length > 0)) {
    throw new ArchiveProblem('it is truncated (the tar archive ends inside a file)');
  }
  return found;
}

/** readZipEntry reads one top-level member of a zip file (stored or deflated). */
function readZipEntry(path: string, size: number, wanted: string): string | undefined {
  const fd = openSync(path, 'r');
  const read = (position: number, length: number): Buffer => {
    const out = Buffer.alloc(length);
    const got = readSync(fd, out, 0, length, position);
    if (got !== length) throw new ArchiveProblem('it is a damaged zip file');
    return out;
  };
  try {
    const tailLength = Math.min(size, 65_557);
    const tail = read(size - tailLength, tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd === -1) throw new ArchiveProblem('it is a damaged or truncated zip file');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size) throw new ArchiveProblem('it is a damaged zip file');
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
      if (normalizeName(name) !== wanted) continue;
      if (compressed > MAX_MODEL_YAML) {
        throw new ArchiveProblem(`its ${MODEL_YAML} is too large to be one`);
      }
      const header = read(local, 30);
      const dataStart = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const data = read(dataStart, compressed);
      if (method === 0) return data.toString('utf8');
      if (method === 8) return inflateRawSync(data).toString('utf8');
      throw new ArchiveProblem(`its ${MODEL_YAML} is compressed with zip method ${method}`);
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** archiveError words a failed archive read as one error about the `model` input. */
export function archiveError(shown: string, error: unknown): ActionError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ActionError(`'${shown}' is not a BentoML model archive: ${reason}`, {
    hint: "Point 'model' at the file `bentoml models export` wrote (a .bentomodel)",
    cause: error,
  });
}
