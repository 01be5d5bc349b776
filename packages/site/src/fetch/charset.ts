/** Where the charset of a document came from, in WHATWG precedence order. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'default';

/** The decoder label chosen for a body and why. */
export interface CharsetDecision {
  /** A WHATWG encoding name as `TextDecoder#encoding` reports it, e.g. `utf-8`, `windows-1252`. */
  charset: string;
  source: CharsetSource;
}

const META_SCAN_BYTES = 4096;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/i;
const HEADER_CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9_:.+-]+)"?/i;

function normalise(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * Picks the charset the way browsers do (WHATWG "encoding sniffing", simplified): a byte-order mark
 * wins, then the Content-Type header's charset, then a `<meta charset>` / `http-equiv` declaration in
 * the first bytes, then UTF-8. Unknown labels are ignored rather than trusted.
 */
export function detectCharset(contentType: string | undefined, bytes: Uint8Array): CharsetDecision {
  const bom = bomCharset(bytes);
  if (bom) return { charset: bom, source: 'bom' };
  const fromHeader = normalise(contentType ? HEADER_CHARSET.exec(contentType)?.[1] : undefined);
  if (fromHeader) return { charset: fromHeader, source: 'header' };
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString('latin1');
  let fromMeta = normalise(META_CHARSET.exec(head)?.[1]);
  // A page served as bytes cannot really be UTF-16 if its ASCII meta tag was readable (HTML spec rule).
  if (fromMeta === 'utf-16le' || fromMeta === 'utf-16be') fromMeta = 'utf-8';
  if (fromMeta) return { charset: fromMeta, source: 'meta' };
  return { charset: 'utf-8', source: 'default' };
}

/** Decodes a body to text with the charset `detectCharset` picks; invalid bytes become U+FFFD. */
export function decodeBody(contentType: string | undefined, bytes: Uint8Array): { text: string; charset: CharsetDecision } {
  const charset = detectCharset(contentType, bytes);
  // TextDecoder strips a matching BOM itself (ignoreBOM defaults to false).
  const text = new TextDecoder(charset.charset).decode(bytes);
  return { text, charset };
}
