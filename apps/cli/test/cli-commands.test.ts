import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYaml, render } from '@spideriq/formats';
import { HealthResponseSchema, JobResultsSchema } from '@spideriq/schema';
import { startTestServer, waitForStatus, type TestServer } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';
import { ESC, hasScript, runCli, runInTerminal, type CliRun } from './support/run-cli.ts';

let server: TestServer;
let connection: string[];
beforeAll(async () => {
  server = await startTestServer(registerTestEngines);
  connection = ['--api-url', server.url, '--token', server.tokens[0]!];
});
afterAll(() => server.close());

const cli = (...args: string[]) => runCli([...args, ...connection]);
const json = (run: CliRun) => JSON.parse(run.stdout) as Record<string, any>;
const submittedId = (run: CliRun) => String(json(run)['job_id']);

describe('spideriq site', () => {
  it.each([
    ['json', (out: string) => JSON.parse(out)],
    ['yaml', (out: string) => parseYaml(out, JobResultsSchema)],
  ])('crawls and prints the completed results as %s on stdout', async (format, parse) => {
    const run = await cli('site', `https://ok.test/${format}`, '--format', format, '--mode', 'contacts', '--max-pages', '3');
    expect(run.code, run.stderr).toBe(0);
    const results = parse(run.stdout) as Record<string, any>;
    expect(results).toMatchObject({ success: true, type: 'spiderSite', status: 'completed', data: { url: `https://ok.test/${format}`, emails: ['contact@example.org'] } });
    expect(run.stderr).toMatch(/Submitted spiderSite job [0-9a-f-]{36}/);
  });

  it('prints Markdown with --format md, rendered by @spideriq/formats', async () => {
    const run = await cli('site', 'https://ok.test/md', '--format', 'md');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^# spiderSite completed$/m);
    expect(run.stdout).toContain('contact@example.org');
    const id = /job ([0-9a-f-]{36})/.exec(run.stderr)?.[1];
    const body: unknown = await (await server.api(`/api/v1/jobs/${id}/results`)).json();
    const rendered = render(body, 'md', JobResultsSchema);
    expect(run.stdout).toBe(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
  });

  it('sends --mode, --max-pages, --strategy and --compendium in the payload', async () => {
    const run = await cli('site', 'https://ok.test/flags', '--mode', 'compendium', '--max-pages', '7', '--strategy', 'bfs', '--compendium', 'citations', '--no-wait');
    expect(run.code, run.stderr).toBe(0);
    const job = await server.runtime.store.getJob(submittedId(run));
    expect(job?.payload).toMatchObject({ url: 'https://ok.test/flags', mode: 'compendium', max_pages: 7, crawl_strategy: 'bfs', compendium: { enabled: true, cleanup_level: 'citations' } });
  });

  it('writes the results to --out and keeps stdout empty', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'siq-out-')), 'results.yaml');
    const run = await cli('site', 'https://ok.test/out', '--format', 'yaml', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(parseYaml(readFileSync(out, 'utf8'), JobResultsSchema)).toMatchObject({ status: 'completed', data: { url: 'https://ok.test/out' } });
    expect(run.stderr).toContain(`Wrote ${out} (application/yaml`);
  });

  it('shows plain progress lines on stderr, and no ANSI codes or spinner, when not on a TTY', async () => {
    const run = await cli('site', 'https://slow.test/?ms=600', '--fresh');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^processing · \d+\/12 pages · \d+\.\ds · https:\/\/slow\.test\/page-\d+$/m);
    expect(run.stderr + run.stdout).not.toContain(ESC);
    expect(run.stderr).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|\r/);
    expect(json(run)['data']).toMatchObject({ pages_crawled: 12 });
  });

  it.skipIf(!hasScript())('shows a live spinner line with pages and elapsed time on a terminal', async () => {
    const run = await runInTerminal(['site', 'https://slow.test/?ms=1200&tty', ...connection]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] processing · \d+\/24 pages · \d+\.\ds · https:\/\/slow\.test\/page-\d+/);
    // The line is cleared before the results, which follow as plain JSON.
    const results = run.stdout.slice(run.stdout.lastIndexOf('\u001b[2K') + 4).replaceAll('\r\n', '\n');
    expect(JSON.parse(results)).toMatchObject({ status: 'completed', data: { pages_crawled: 24 } });
  });

  it('prints nothing but the results with --quiet', async () => {
    const run = await cli('site', 'https://ok.test/quiet', '--quiet');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(json(run)['status']).toBe('completed');
  });
});

describe('spideriq maps', () => {
  it('searches with --max-results and --lang and prints the listings', async () => {
    const run = await cli('maps', 'plumbers in Austin, TX', '--max-results', '5', '--lang', 'pt-BR');
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({
      type: 'spiderMaps',
      status: 'completed',
      data: { query: 'plumbers in Austin, TX', results_count: 1, businesses: [{ name: 'Result for plumbers in Austin, TX' }], metadata: { max_results: 5, language: 'pt-BR' } },
    });
  });

  it('renders listings as Markdown', async () => {
    const run = await cli('maps', 'bakeries in Porto', '--format', 'md');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Result for bakeries in Porto');
  });
});

describe('spideriq jobs', () => {
  it('--no-wait prints the job id, and `jobs results` fetches the results later', async () => {
    const submitted = await cli('site', 'https://ok.test/later', '--no-wait');
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(json(submitted)).toMatchObject({ type: 'spiderSite', from_cache: false });
    const id = submittedId(submitted);
    await waitForStatus(server, id, ['completed']);
    const results = await cli('jobs', 'results', id, '--format', 'yaml');
    expect(results.code, results.stderr).toBe(0);
    expect(parseYaml(results.stdout, JobResultsSchema)).toMatchObject({ job_id: id, status: 'completed', data: { url: 'https://ok.test/later' } });
  });

  it('`jobs results` on a running job prints its state and says how to wait', async () => {
    const id = submittedId(await cli('site', 'https://slow.test/?ms=3000&pending', '--no-wait'));
    const run = await cli('jobs', 'results', id);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ job_id: id, data: null });
    expect(['queued', 'processing']).toContain(json(run)['status']);
    expect(run.stderr).toContain(`spideriq jobs watch ${id}`);
  });

  it('`jobs status` shows the state and `jobs list` lists the job, with filters', async () => {
    const id = submittedId(await cli('maps', 'roofers in Leeds', '--no-wait'));
    await waitForStatus(server, id, ['completed']);
    const status = await cli('jobs', 'status', id);
    expect(status.code, status.stderr).toBe(0);
    expect(json(status)).toMatchObject({ job_id: id, type: 'spiderMaps', status: 'completed' });

    const list = await cli('jobs', 'list', '--type', 'spiderMaps', '--status', 'completed', '--page-size', '100');
    expect(list.code, list.stderr).toBe(0);
    const page = json(list) as { jobs: { job_id: string; type: string; status: string }[]; page_size: number };
    expect(page.page_size).toBe(100);
    expect(page.jobs.map((job) => job.job_id)).toContain(id);
    expect(new Set(page.jobs.map((job) => `${job.type}/${job.status}`))).toEqual(new Set(['spiderMaps/completed']));

    const md = await cli('jobs', 'list', '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(id);
  });

  it('`jobs cancel` cancels a running job', async () => {
    const id = submittedId(await cli('site', 'https://hang.test/cancel-me', '--no-wait'));
    const run = await cli('jobs', 'cancel', id);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run)).toMatchObject({ success: true, job_id: id, status: 'cancelled' });
    expect((await server.runtime.store.getJob(id))?.status).toBe('cancelled');
  });

  it('`jobs watch` waits with progress and prints the results', async () => {
    const id = submittedId(await cli('site', 'https://slow.test/?ms=2500&watch', '--no-wait'));
    const run = await cli('jobs', 'watch', id, '--format', 'yaml');
    expect(run.code, run.stderr).toBe(0);
    expect(parseYaml(run.stdout, JobResultsSchema)).toMatchObject({ job_id: id, status: 'completed', data: { pages_crawled: 50 } });
    expect(run.stderr).toMatch(/^processing · \d+\/50 pages/m);
    expect(run.stderr).not.toContain(ESC);
  });
});

describe('spideriq health', () => {
  it.each([
    ['json', (out: string) => JSON.parse(out)],
    ['yaml', (out: string) => parseYaml(out, HealthResponseSchema)],
  ])('reports the server health as %s without a token', async (format, parse) => {
    const run = await runCli(['health', '--api-url', server.url, '--format', format]);
    expect(run.code, run.stderr).toBe(0);
    expect(parse(run.stdout)).toMatchObject({ status: 'healthy', services: { database: 'up' } });
  });

  it('reports the server health as md', async () => {
    const run = await runCli(['health', '--api-url', server.url, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/healthy/);
    expect(run.stdout).not.toMatch(/^\{/);
  });
});

describe('--help', () => {
  it.concurrent.each([[[]], [['site']], [['maps']], [['jobs', 'list']], [['login']]])('shows examples for %j', async (path) => {
    const run = await runCli([...path, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('$ spideriq');
  });

  it('documents every exit code', async () => {
    const run = await runCli(['--help']);
    for (const code of [0, 1, 2, 3, 4, 5, 6, 7]) expect(run.stdout).toMatch(new RegExp(`^ {2}${code} `, 'm'));
  });
});
