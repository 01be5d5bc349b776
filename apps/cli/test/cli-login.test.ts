import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';
import { hasScript, runCli, runInTerminal } from './support/run-cli.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(registerTestEngines);
});
afterAll(() => server.close());

const freshConfig = () => join(mkdtempSync(join(tmpdir(), 'siq-login-')), 'nested', 'config.json');
const mode = (path: string) => statSync(path).mode & 0o777;

describe('spideriq login', () => {
  it('checks the token, writes a 0600 config, and later commands use it', async () => {
    const config = freshConfig();
    const env = { SPIDERIQ_CONFIG: config };
    const login = await runCli(['login', '--api-url', server.url, '--token', server.tokens[0]!], { env });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toContain(`Saved the token for ${server.url} to ${config} (mode 0600).`);
    expect(mode(config)).toBe(0o600);
    expect(mode(join(config, '..'))).toBe(0o700);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ api_url: server.url, token: server.tokens[0] });

    // No flags and no SPIDERIQ_* variables: the file supplies both.
    const submitted = await runCli(['maps', 'dentists in Bristol'], { env });
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(JSON.parse(submitted.stdout)).toMatchObject({ status: 'completed', type: 'spiderMaps' });
    const list = await runCli(['jobs', 'list'], { env });
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { total: number }).total).toBeGreaterThanOrEqual(1);
  });

  it('reads the token from stdin when it is piped, and finds the file under XDG_CONFIG_HOME', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'siq-xdg-'));
    const env = { SPIDERIQ_CONFIG: '', XDG_CONFIG_HOME: xdg, SPIDERIQ_API_URL: server.url };
    const login = await runCli(['login'], { env, input: `\n${server.tokens[1]}\n` });
    expect(login.code, login.stderr).toBe(0);
    const config = join(xdg, 'spideriq', 'config.json');
    expect(mode(config)).toBe(0o600);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ api_url: server.url, token: server.tokens[1] });
    expect((await runCli(['jobs', 'list'], { env: { SPIDERIQ_CONFIG: '', XDG_CONFIG_HOME: xdg } })).code).toBe(0);
  });

  it.skipIf(!hasScript())('prompts for the token on a terminal without echoing it', async () => {
    const config = freshConfig();
    const token = server.tokens[0]!;
    const run = await runInTerminal(['login', '--api-url', server.url], { SPIDERIQ_CONFIG: config }, { when: /API token \(input hidden\): /, text: token });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).not.toContain(token);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ api_url: server.url, token });
  });

  it('refuses a bad token with exit code 3 and writes nothing', async () => {
    const config = freshConfig();
    const run = await runCli(['login', '--api-url', server.url, '--token', 'cli_abcdefgh12345678:sk_0123456789abcdef0123:secret_0123456789abcdef0123'], { env: { SPIDERIQ_CONFIG: config } });
    expect(run.code).toBe(3);
    expect(() => statSync(config)).toThrow(/ENOENT/);
  });

  it('refuses an empty token with exit code 2', async () => {
    const run = await runCli(['login', '--api-url', server.url], { input: '\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No token given/);
  });

  it('lets the environment and then the flags override the file', async () => {
    const config = freshConfig();
    expect((await runCli(['login', '--api-url', server.url, '--token', server.tokens[0]!], { env: { SPIDERIQ_CONFIG: config } })).code).toBe(0);
    const bad = 'not-a-token';
    expect((await runCli(['jobs', 'list'], { env: { SPIDERIQ_CONFIG: config, SPIDERIQ_TOKEN: bad } })).code).toBe(3);
    expect((await runCli(['jobs', 'list', '--token', server.tokens[0]!], { env: { SPIDERIQ_CONFIG: config, SPIDERIQ_TOKEN: bad } })).code).toBe(0);
  });

  it('names the file when it is not valid JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siq-broken-'));
    const config = join(dir, 'config.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(config, '{ nope'));
    const run = await runCli(['jobs', 'list'], { env: { SPIDERIQ_CONFIG: config } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The config file ${config} is not valid JSON`);
  });
});
