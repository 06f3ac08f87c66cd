// Line endings: a file that differs from its last version only in CRLF against LF is not a change,
// and a changed text file keeps the line-ending style of the version it replaces, so a diff shows
// the lines that changed and not every line of the file. Pure: bytes in, bytes out.

const NUL = 0;
const CR = 13;
const LF = 10;

/** The line endings a text has: only LF, only CRLF, both, or no line break at all. */
export type EolStyle = 'lf' | 'crlf' | 'mixed' | 'none';

/** isBinary tells binary from text the way git does: a NUL byte in the first 8000 bytes. */
export function isBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === NUL) return true;
  return false;
}

/** eolStyle says which line endings a text uses. */
export function eolStyle(bytes: Uint8Array): EolStyle {
  let lf = 0;
  let crlf = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== LF) continue;
    if (i > 0 && bytes[i - 1] === CR) crlf++;
    else lf++;
  }
  if (lf && crlf) return 'mixed';
  if (crlf) return 'crlf';
  return lf ? 'lf' : 'none';
}

/** toLf turns every CRLF into LF (a lone CR is left alone). */
export function toLf(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === CR && bytes[i + 1] === LF) continue;
    out[n++] = bytes[i]!;
  }
  return out.subarray(0, n);
}

/** toCrlf turns every bare LF into CRLF (existing CRLFs stay as they are). */
export function toCrlf(bytes: Uint8Array): Buffer {
  let bare = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF && bytes[i - 1] !== CR) bare++;
  const out = Buffer.allocUnsafe(bytes.length + bare);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === LF && bytes[i - 1] !== CR) out[n++] = CR;
    out[n++] = bytes[i]!;
  }
  return out;
}

/** sameIgnoringEol tells whether two texts differ only in line endings (never true for binaries). */
export function sameIgnoringEol(a: Uint8Array, b: Uint8Array): boolean {
  if (isBinary(a) || isBinary(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
  return toLf(a).equals(toLf(b));
}

/**
 * matchEolStyle rewrites the line endings of a new text to those of the version it replaces, when
 * that version used one style throughout; binaries, mixed files and new files are left as they are.
 */
export function matchEolStyle(next: Uint8Array, previous: Uint8Array | undefined): Buffer {
  const bytes = Buffer.from(next);
  if (!previous || isBinary(next) || isBinary(previous)) return bytes;
  const want = eolStyle(previous);
  const have = eolStyle(next);
  if (want === 'lf' && (have === 'crlf' || have === 'mixed')) return toLf(bytes);
  if (want === 'crlf' && (have === 'lf' || have === 'mixed')) return toCrlf(bytes);
  return bytes;
}
