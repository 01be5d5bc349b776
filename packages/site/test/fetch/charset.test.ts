import { describe, expect, it } from 'vitest';
import { decodeBody, detectCharset } from '../../src/fetch/charset.js';
import { parseRetryAfter } from '@spideriq/schema/http';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const sjis = Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]); // テスト in Shift_JIS

describe('charset detection', () => {
  it.each([
    ['header charset', 'text/html; charset=ISO-8859-1', latin1('<p>Café</p>'), 'windows-1252', 'header', 'Café'],
    ['quoted header charset', 'text/html; charset="shift_jis"', sjis, 'shift_jis', 'header', 'テスト'],
    ['meta charset', 'text/html', latin1('<meta charset="windows-1252"><p>Straße</p>'), 'windows-1252', 'meta', 'Straße'],
    [
      'http-equiv meta',
      undefined,
      latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>€</p>'.replace('€', '\xa4')),
      'iso-8859-15',
      'meta',
      '€',
    ],
    ['UTF-8 BOM beats the header', 'text/html; charset=iso-8859-1', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Ünïcödé</p>')]), 'utf-8', 'bom', 'Ünïcödé'],
    ['UTF-16LE BOM', undefined, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hé</p>', 'utf16le')]), 'utf-16le', 'bom', 'hé'],
    ['unknown label falls through to default', 'text/html; charset=klingon', Buffer.from('<p>ok ✓</p>'), 'utf-8', 'default', 'ok ✓'],
    ['meta claiming utf-16 means utf-8', undefined, Buffer.from('<meta charset="utf-16"><p>ß</p>'), 'utf-8', 'meta', 'ß'],
  ])('%s', (_name, contentType, bytes, charset, source, expected) => {
    expect(detectCharset(contentType, bytes)).toEqual({ charset, source });
    const { text } = decodeBody(contentType, bytes);
    expect(text).toContain(expected);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', null],
    [undefined, null],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
