/** One window of a long text, and whether anything lies beyond it. */
export interface TextSlice {
  text: string;
  offset: number;
  total: number;
  truncated: boolean;
  nextOffset: number | null;
}

/**
 * Cuts `text` to at most `maxChars` characters starting at `offset`, without splitting a UTF-16 surrogate
 * pair (an emoji cut in half is not valid text for the model or for JSON).
 */
export function sliceText(text: string, offset: number, maxChars: number): TextSlice {
  const start = Math.min(Math.max(0, offset), text.length);
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length && end > start && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  const truncated = end < text.length;
  return { text: text.slice(start, end), offset: start, total: text.length, truncated, nextOffset: truncated ? end : null };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
