import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitForStatus, type TestServer } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';
import { ESC, runCli } from './support/run-cli.ts';

let server: TestServer;
let limited: TestServer;
let closedPort = 0;
beforeAll(async () => {
  // A port that was just free: connecting to it is refused, without leaving 127.0.0.1.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  [server, limited] = await Promise.all([
    startTestServer(registerTestEngines, {}, 3),
    startTestServer(registerTestEngines, { SPIDERIQ_RATE_LIMIT_BURST: '1', SPIDERIQ_RATE_LIMIT_PER_MINUTE: '1' }),
  ]);
});
afterAll(() => Promise.all([server.close(), limited.close()]));

const MISSING = '00000000-0000-4000-8000-000000000000';
const as = (token: string) => ['--api-url', server.url, '--token', token];
const own = () => as(server.tokens[0]!);

describe('exit codes', () => {
  it.concurrent.each<[string, () => string[], number, RegExp]>([
    ['0: the job completed', () => ['site', 'https://ok.test/exit-0', ...own()], 0, /Submitted spiderSite job/],
    ['1: the server cannot be reached', () => ['health', '--api-url', `http://127.0.0.1:${closedPort}`], 1, /Cannot reach http:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\)\. Is the server running\?/],
    ['2: an unknown flag', () => ['site', 'https://ok.test/', '--bogus', ...own()], 2, /unknown option '--bogus'/],
    ['2: a format that does not exist', () => ['health', '--format', 'xml'], 2, /Allowed choices are json, yaml, md/],
    ['2: a flag out of the schema bounds', () => ['site', 'https://ok.test/', '--max-pages', '0', ...own()], 2, /--max-pages/],
    ['2: a missing argument', () => ['jobs', 'status', ...own()], 2, /missing required argument 'id'/],
    ['2: the API rejects the request (422)', () => ['site', 'not a url', ...own()], 2, /rejected the request \(422\):\n {2}body\.payload\.url: /],
    ['2: a malformed --api-url', () => ['health', '--api-url', 'ftp://x'], 2, /--api-url: "ftp:\/\/x" must be an http/],
    ['3: no token anywhere', () => ['jobs', 'list', '--api-url', server.url], 3, /No API token\. Pass --token, set SPIDERIQ_TOKEN, or run `spideriq login`/],
    ['3: a malformed token (401)', () => ['jobs', 'list', ...as('not-a-token')], 3, /\(HTTP 401\)/],
    ['3: an unknown client (401)', () => ['jobs', 'list', ...as(`${server.tokens[0]!.split(':').slice(0, 2).join(':')}:secret_ffffffffffffffffffffffffffffffff`)], 3, /Invalid API credentials \(HTTP 401\)/],
    ['4: an unknown job (404)', () => ['jobs', 'status', MISSING, ...own()], 4, /not found/i],
    ['4: results of an unknown job (404)', () => ['jobs', 'results', MISSING, ...own()], 4, /not found/i],
    ['5: the job failed (410)', () => ['site', 'https://fail.test/', ...own()], 5, /Failed to connect to target URL: connection refused/],
    ['7: --timeout ran out', () => ['site', 'https://slow.test/?ms=10000', '--timeout', '0.5', ...own()], 7, /Timed out after 0\.5s \(--timeout\)/],
  ])('%s', async (_name, args, code, stderr) => {
    const run = await runCli(args());
    expect(run.code, run.stderr).toBe(code);
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr + run.stdout).not.toContain(ESC);
    if (code !== 0) expect(run.stdout).toBe('');
  });

  it('3: an inactive account (403)', async () => {
    const token = server.tokens[2]!;
    await server.runtime.store.setClientDisabled(token.split(':')[0]!, true);
    const run = await runCli(['jobs', 'list', ...as(token)]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/Client account is inactive \(HTTP 403\)/);
  });

  it('5: results of a cancelled job (410) print its error_message', async () => {
    const submitted = await runCli(['site', 'https://hang.test/exit-5', '--no-wait', ...own()]);
    const id = String((JSON.parse(submitted.stdout) as { job_id: string }).job_id);
    expect((await runCli(['jobs', 'cancel', id, ...own()])).code).toBe(0);
    const run = await runCli(['jobs', 'results', id, ...own()]);
    expect(run.code, run.stderr).toBe(5);
    expect(run.stderr).toMatch(new RegExp(`Job ${id} was cancelled`));
  });

  it('6: still rate limited after the retries (429)', async () => {
    const args = ['jobs', 'list', '--api-url', limited.url, '--token', limited.tokens[0]!];
    expect((await runCli(args)).code).toBe(0);
    // No retries allowed: give up on the first 429.
    const noRetry = await runCli([...args, '--retries', '0']);
    expect(noRetry.code, noRetry.stderr).toBe(6);
    expect(noRetry.stderr).toMatch(/Rate limit exceeded.*the server asks to wait \d+s/);
    // Retries allowed, but Retry-After (a minute at 1/min) outlasts --timeout: give up at once, not after a minute.
    const started = Date.now();
    const capped = await runCli([...args, '--timeout', '5']);
    expect(capped.code, capped.stderr).toBe(6);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('Ctrl-C', () => {
  const interrupt = (extra: string[]) => {
    let sent = false;
    return runCli(['site', 'https://hang.test/ctrl-c', '--fresh', ...extra, ...own()], {
      onStderr: (text, child) => {
        // Once the wait has started (the first progress line), press Ctrl-C once.
        if (!sent && /^(queued|processing) · /m.test(text)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
  };
  const jobIdIn = (stderr: string) => /job ([0-9a-f-]{36})/.exec(stderr)?.[1] ?? '';

  it('stops waiting with 130 and leaves the job running', async () => {
    const run = await interrupt([]);
    expect(run.code, run.stderr).toBe(130);
    const id = jobIdIn(run.stderr);
    expect(run.stderr).toContain(`Stopped waiting. Job ${id} keeps running`);
    expect((await server.runtime.store.getJob(id))?.status).toMatch(/queued|processing/);
    await server.api(`/api/v1/jobs/${id}`, { method: 'DELETE' });
  });

  it('also cancels the job with --cancel-on-interrupt', async () => {
    const run = await interrupt(['--cancel-on-interrupt']);
    expect(run.code, run.stderr).toBe(130);
    const id = jobIdIn(run.stderr);
    expect(run.stderr).toContain(`Stopped waiting and cancelled job ${id}.`);
    await waitForStatus(server, id, ['cancelled'], 2_000);
  });
});
