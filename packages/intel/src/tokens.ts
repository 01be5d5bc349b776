import { countTokens, decode, encode } from 'gpt-tokenizer/encoding/o200k_base';

/**
 * Tokens of a text with o200k_base, the tokenizer `packages/site` and `packages/formats` already use
 * (same library, same encoding), so prompt budgets and `estimated_tokens` count alike.
 */
export function tokenCount(text: string): number {
  return text.length === 0 ? 0 : countTokens(text);
}

/** The longest prefix of `text` that fits in `budget` tokens (whole tokens, never a split character). */
export function truncateToTokens(text: string, budget: number): string {
  if (budget <= 0) return '';
  const tokens = encode(text);
  if (tokens.length <= budget) return text;
  return decode(tokens.slice(0, budget)).replace(/\uFFFD+$/, '');
}
