import { countTokens, decode, encode } from 'gpt-tokenizer/encoding/o200k_base';

/**
 * Tokens of a text with o200k_base, the tokenizer `packages/site` and `packages/formats` already use
 * (same library, same encoding), so prompt budgets and `estimated_tokens` count alike.
 */
export function tokenCount(text: string): number {
  return text.length === 0 ? 0 : countTokens(text);
}

/**
 * A prefix of `text` that fits in `budget` tokens (whole tokens): the longest one, unless the text averages more
 * than 16 characters a token, which running text never does (about 4).
 */
export function truncateToTokens(text: string, budget: number): string {
  if (budget <= 0) return '';
  // Encoding only this head keeps a 100,000-character compendium from being tokenised whole for a 6,000-token prompt.
  const tokens = encode(text.slice(0, budget * 16));
  if (tokens.length <= budget && text.length <= budget * 16) return text;
  if (tokens.length <= budget) return text.slice(0, budget * 16);
  return decode(tokens.slice(0, budget)).replace(/\uFFFD+$/, '');
}
