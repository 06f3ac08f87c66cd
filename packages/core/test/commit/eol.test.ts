import { describe, expect, test } from 'vitest';
import {
  eolStyle,
  isBinary,
  matchEolStyle,
  sameIgnoringEol,
  toCrlf,
  toLf,
} from '../../src/commit/index.ts';

const b = (s: string) => Buffer.from(s, 'binary');

describe('line endings', () => {
  test.each([
    ['a\nb\n', 'lf'],
    ['a\r\nb\r\n', 'crlf'],
    ['a\r\nb\n', 'mixed'],
    ['no newline', 'none'],
    ['lone\rcarriage', 'none'],
  ])('eolStyle of %j is %s', (text, style) => {
    expect(eolStyle(b(text))).toBe(style);
  });

  test.each([
    ['a\r\nb\r\n', 'a\nb\n'],
    ['a\rb\r\n', 'a\rb\n'],
    ['', ''],
  ])('toLf turns %j into %j', (text, want) => {
    expect(toLf(b(text)).toString('binary')).toBe(want);
  });

  test.each([
    ['a\nb\n', 'a\r\nb\r\n'],
    ['a\r\nb\n', 'a\r\nb\r\n'],
    ['\n', '\r\n'],
  ])('toCrlf turns %j into %j', (text, want) => {
    expect(toCrlf(b(text)).toString('binary')).toBe(want);
  });

  test('a NUL byte in the first 8000 bytes makes a file binary, as git decides', () => {
    expect(isBinary(b('text\0more'))).toBe(true);
    expect(isBinary(Buffer.concat([Buffer.alloc(8000, 'a'), Buffer.from([0])]))).toBe(false);
  });

  test.each([
    ['CRLF against LF', 'a\r\nb\r\n', 'a\nb\n', true],
    ['a changed line', 'a\nc\n', 'a\nb\n', false],
    ['a missing final newline', 'a\nb', 'a\nb\n', false],
    ['binaries that differ only where a CR would be', 'x\0\r\n', 'x\0\n', false],
  ])('sameIgnoringEol: %s', (_name, a, c, want) => {
    expect(sameIgnoringEol(b(a), b(c))).toBe(want);
  });

  test.each([
    ['CRLF text replacing an LF file becomes LF', 'x\r\ny\r\n', 'x\n', 'x\ny\n'],
    ['LF text replacing a CRLF file becomes CRLF', 'x\ny\n', 'x\r\n', 'x\r\ny\r\n'],
    ['a file replacing a mixed one is kept', 'x\r\ny\n', 'a\r\nb\n', 'x\r\ny\n'],
    ['a new file is kept', 'x\r\n', undefined, 'x\r\n'],
    ['a binary is kept', 'x\0\r\n', 'x\n', 'x\0\r\n'],
  ])('matchEolStyle: %s', (_name, next, previous, want) => {
    expect(
      matchEolStyle(b(next), previous === undefined ? undefined : b(previous)).toString('binary'),
    ).toBe(want);
  });
});
