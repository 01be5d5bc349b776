/** The localStorage key of the API token; one token per browser profile, like the CLI's config file. */
export const TOKEN_KEY = 'spideriq.token';

/** The part of `Storage` the token needs, so tests can pass a Map-backed fake. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The saved token, or an empty string. Storage that throws (private mode, disabled) reads as empty. */
export function loadToken(storage: TokenStorage): string {
  try {
    return storage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Saves the token (trimmed); an empty token removes the entry. Returns what was saved. */
export function saveToken(storage: TokenStorage, token: string): string {
  const value = token.trim();
  try {
    if (value === '') storage.removeItem(TOKEN_KEY);
    else storage.setItem(TOKEN_KEY, value);
  } catch {
    // Storage refused: the token still works for this page, it is only not remembered.
  }
  return value;
}
