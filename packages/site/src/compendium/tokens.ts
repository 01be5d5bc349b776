import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** Tokens of a text with the o200k tokenizer (GPT-4o family), the figure `estimated_tokens` reports. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : countTokens(text);
}
