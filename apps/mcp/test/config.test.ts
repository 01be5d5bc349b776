import { describe, expect, it } from 'vitest';
import { loadMcpConfig, McpConfigError } from '../src/config.js';

describe('loadMcpConfig', () => {
  it('reads the API URL (trailing slash dropped) and the token', () => {
    expect(loadMcpConfig({ SPIDERIQ_API_URL: 'http://127.0.0.1:9000/', SPIDERIQ_TOKEN: 'cli_a:sk_b:secret_c' })).toEqual({
      apiUrl: 'http://127.0.0.1:9000',
      token: 'cli_a:sk_b:secret_c',
    });
  });

  it('defaults the API URL to the local server', () => {
    expect(loadMcpConfig({ SPIDERIQ_TOKEN: 'cli_a:sk_b:secret_c' }).apiUrl).toBe('http://127.0.0.1:8080');
  });

  it.each([
    ['no token', {}, /SPIDERIQ_TOKEN/],
    ['a two-part token', { SPIDERIQ_TOKEN: 'a:b' }, /SPIDERIQ_TOKEN: must be the three-part token/],
    ['a non-http URL', { SPIDERIQ_TOKEN: 'a:b:c', SPIDERIQ_API_URL: 'ftp://x' }, /SPIDERIQ_API_URL/],
  ])('refuses %s, naming the variable', (_name, env, message) => {
    expect(() => loadMcpConfig(env)).toThrow(McpConfigError);
    expect(() => loadMcpConfig(env)).toThrow(message);
  });
});
