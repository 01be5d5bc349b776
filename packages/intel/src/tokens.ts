import { createRequire } from 'node:module';

type O200k = typeof import('gpt-tokenizer/encoding/o200k_base');
const require = createRequire(import.meta.url);
let o200k: O200k | undefined;

/**
 * The tokenizer, loaded on first use: its tables cost about 70 MB of memory, which a server without
 * an AI model configured never needs (the compendium's `estimated_tokens` is an estimate without it).
 */
function tokenizer(): O200k {
  o200k ??= require('gpt-tokenizer/encoding/o200k_base') as O200k;
  return o200k;
}

/** Tokens of a text with o200k_base, the tokenizer `packages/formats` also uses (same library, same encoding). */
export function tokenCount(text: string): number {
  return text.length === 0 ? 0 : tokenizer().countTokens(text);
}

/**
 * A prefix of `text` that fits in `budget` tokens (whole tokens): the longest one, unless the text averages more
 * than 16 characters a token, which running text never does (about 4).
 */
export function truncateToTokens(text: string, budget: number): string {
  if (budget <= 0) return '';
  // Encoding only this head keeps a 100,000-character compendium from being tokenised whole for a 6,000-token prompt.
  const { encode, decode } = tokenizer();
  const tokens = encode(text.slice(0, budget * 16));
  if (tokens.length <= budget && text.length <= budget * 16) return text;
  if (tokens.length <= budget) return text.slice(0, budget * 16);
  return decode(tokens.slice(0, budget)).replace(/\uFFFD+$/, '');
}
