import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFilePath, DEFAULT_API_URL, resolveConnection, writeConfigFile, type CliEnv, type ConnectionFlags, type StoredConfig } from '../src/config.ts';

describe('configFilePath', () => {
  it.each<[string, CliEnv, string]>([
    ['SPIDERIQ_CONFIG wins', { SPIDERIQ_CONFIG: '/etc/siq.json', XDG_CONFIG_HOME: '/xdg' }, '/etc/siq.json'],
    ['then XDG_CONFIG_HOME', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/spideriq/config.json'],
    ['then ~/.config', {}, '/home/ana/.config/spideriq/config.json'],
    ['empty values count as unset', { SPIDERIQ_CONFIG: '', XDG_CONFIG_HOME: ' ' }, '/home/ana/.config/spideriq/config.json'],
  ])('%s', (_name, env, want) => {
    expect(configFilePath(env, '/home/ana')).toBe(want);
  });
});

describe('resolveConnection', () => {
  const file: StoredConfig = { api_url: 'http://file.local:1', token: 'file-token' };
  const env: CliEnv = { SPIDERIQ_API_URL: 'http://env.local:2/', SPIDERIQ_TOKEN: 'env-token' };
  const flags: ConnectionFlags = { apiUrl: 'http://flag.local:3', token: 'flag-token' };
  it.each<[string, ConnectionFlags, CliEnv, StoredConfig, [string, string | null, string, string]]>([
    ['flags beat everything', flags, env, file, ['http://flag.local:3', 'flag-token', 'flag', 'flag']],
    ['the environment beats the file (trailing slash dropped)', {}, env, file, ['http://env.local:2', 'env-token', 'env', 'env']],
    ['the file is the last resort', {}, {}, file, ['http://file.local:1', 'file-token', 'config', 'config']],
    ['nothing: the default URL and no token', {}, {}, {}, [DEFAULT_API_URL, null, 'default', 'none']],
    ['each setting is weighed on its own', { token: 'flag-token' }, { SPIDERIQ_API_URL: 'http://env.local:2' }, file, ['http://env.local:2', 'flag-token', 'env', 'flag']],
    ['blank values are skipped', { apiUrl: ' ', token: '' }, { SPIDERIQ_TOKEN: '  ' }, file, ['http://file.local:1', 'file-token', 'config', 'config']],
  ])('%s', (_name, f, e, s, [apiUrl, token, apiUrlSource, tokenSource]) => {
    expect(resolveConnection(f, e, s, '/cfg.json')).toEqual({ apiUrl, token, apiUrlSource, tokenSource, configPath: '/cfg.json' });
  });

  it.each([
    ['SPIDERIQ_API_URL', {}, { SPIDERIQ_API_URL: 'localhost:8080' }, /SPIDERIQ_API_URL: "localhost:8080" must be an http/],
    ['--api-url', { apiUrl: 'nope' }, {}, /--api-url: "nope" is not a URL/],
  ])('names %s when the URL is bad', (_name, f, e, message) => {
    expect(() => resolveConnection(f, e, {}, '/cfg.json')).toThrow(message);
  });
});

describe('writeConfigFile', () => {
  it('creates the file 0600 and narrows an existing, wider one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'siq-cfg-')), 'config.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o644);
    await writeConfigFile(path, { api_url: 'http://127.0.0.1:8080', token: 't' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ api_url: 'http://127.0.0.1:8080', token: 't' });
  });
});
