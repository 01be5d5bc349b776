import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';
import { pythonLiteral, shellQuote, snippet } from '../src/snippets.ts';
import type { SnippetRequest } from '../src/snippets.ts';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const BASE = 'http://127.0.0.1:8080';
const site: SnippetRequest = {
  type: 'spiderSite',
  payload: { url: "https://o'brien.test/?a=1&b=2", mode: 'compendium', max_pages: 5, crawl_strategy: 'bfs', compendium: { cleanup_level: 'fit' } },
};
const maps: SnippetRequest = { type: 'spiderMaps', payload: { search_query: 'plumbers in Austin, TX', max_results: 20, lang: 'en' } };

describe('shellQuote round-trips through a real shell', () => {
  it.each(['plain', 'two words', "it's", 'https://a.test/?x=1&y=$HOME', '`whoami`', '', 'a\nb', '"double"'])('%j', (word) => {
    const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(word)}`], { encoding: 'utf8' });
    expect(echoed).toBe(word);
  });
});

describe('snippets', () => {
  it.each([
    ['site', site, `spideriq site 'https://o'\\''brien.test/?a=1&b=2' --mode compendium --max-pages 5 --strategy bfs --compendium fit --api-url ${BASE} --format md`],
    ['maps', maps, `spideriq maps 'plumbers in Austin, TX' --max-results 20 --lang en --api-url ${BASE} --format md`],
  ])('the CLI snippet of a %s job uses the CLI flags', (_name, request, line) => {
    expect(snippet('cli', BASE, request).split('\n').at(-1)).toBe(line);
  });

  it('the JS snippet goes through @spideriq/client with the same payload', () => {
    const js = snippet('js', BASE, maps);
    expect(js).toContain("import { createClient } from '@spideriq/client';");
    expect(js).toContain('client.submitMaps({');
    expect(js).toContain('"search_query": "plumbers in Austin, TX"');
    expect(js).toContain("waitForResults(job.job_id, { via: 'sse' })");
  });

  it('carries webhook_url in the submit body of the curl, Python and JS snippets', () => {
    const hooked: SnippetRequest = { ...maps, webhook_url: 'https://crm.example.com/hooks/spideriq' };
    const curl = snippet('curl', BASE, hooked);
    const body = JSON.parse(/-d '(.*)'$/m.exec(curl)![1]!) as Record<string, unknown>;
    expect(body).toEqual({ payload: maps.payload, webhook_url: hooked.webhook_url });
    expect(snippet('python', BASE, hooked)).toContain('"webhook_url": "https://crm.example.com/hooks/spideriq"');
    expect(snippet('js', BASE, hooked)).toContain('webhook_url: "https://crm.example.com/hooks/spideriq"');
    expect(snippet('cli', BASE, hooked)).toContain('for a webhook, use the curl');
    expect(snippet('curl', BASE, maps)).not.toContain('webhook_url');
  });

  it.each(['curl', 'python', 'js', 'cli'] as const)('the %s snippet never contains a token, only $SPIDERIQ_TOKEN', (language) => {
    expect(snippet(language, BASE, site)).toContain('SPIDERIQ_TOKEN');
  });

  it.each([
    [{ a: true, b: false, c: null }, '{\n    "a": True,\n    "b": False,\n    "c": None,\n}'],
    [{ s: 'null true' }, '{\n    "s": "null true",\n}'],
    [[], '[]'],
  ])('pythonLiteral(%j)', (value, want) => {
    expect(pythonLiteral(value, '')).toBe(want);
  });

  it.skipIf(!has('python3'))('the Python snippet is valid Python', () => {
    const source = snippet('python', BASE, site);
    const result = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe.skipIf(!has('curl'))('the curl snippet, run for real against a server on 127.0.0.1', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(registerTestEngines);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('submits the job it shows', async () => {
    const request: SnippetRequest = { type: 'spiderSite', payload: { url: "https://ok.test/o'brien", max_pages: 3 } };
    const submit = snippet('curl', server.url, request).split('\n# then')[0] ?? '';
    // Asynchronous: the server answers from this same process.
    const { stdout } = await promisify(execFile)('sh', ['-c', submit], { encoding: 'utf8', env: { ...process.env, SPIDERIQ_TOKEN: server.tokens[0] } });
    const job = JSON.parse(stdout) as { job_id: string; status: string };
    expect(job.status).toBe('queued');
    const status = (await (await server.api(`/api/v1/jobs/${job.job_id}/status`)).json()) as { job_id: string };
    expect(status.job_id).toBe(job.job_id);
  });
});
