/** The o200k tokenizer module, loaded on first use so importing this package stays cheap in browsers. */
type Tokenizer = typeof import('gpt-tokenizer/encoding/o200k_base');

let tokenizer: Promise<Tokenizer> | undefined;

/** Loads the o200k_base encoding (about a second the first time); later calls reuse it. */
export function loadTokenizer(): Promise<Tokenizer> {
  tokenizer ??= import('gpt-tokenizer/encoding/o200k_base');
  return tokenizer;
}

/**
 * Counts tokens with o200k_base, the encoding of GPT-4o and later models, so the savings we publish are
 * the ones an agent pays for. Asynchronous because the encoding is loaded lazily.
 */
export async function countTokens(text: string): Promise<number> {
  const { countTokens: count } = await loadTokenizer();
  return count(text);
}
