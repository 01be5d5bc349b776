import { describe, expect, it } from 'vitest';
import { loadToken, saveToken, TOKEN_KEY } from '../src/token-store.ts';
import type { TokenStorage } from '../src/token-store.ts';

function memoryStorage(): TokenStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const broken: TokenStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('token storage', () => {
  it('saves trimmed, loads back, and removes on empty', () => {
    const storage = memoryStorage();
    expect(loadToken(storage)).toBe('');
    expect(saveToken(storage, '  a:b:c \n')).toBe('a:b:c');
    expect(storage.data.get(TOKEN_KEY)).toBe('a:b:c');
    expect(loadToken(storage)).toBe('a:b:c');
    saveToken(storage, '   ');
    expect(storage.data.has(TOKEN_KEY)).toBe(false);
  });

  it('still works for the page when storage refuses', () => {
    expect(loadToken(broken)).toBe('');
    expect(saveToken(broken, 'a:b:c')).toBe('a:b:c');
  });
});
