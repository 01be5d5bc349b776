import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerTestEngines } from '@spideriq/testkit/server';
import { loadConfig } from '../src/config.js';
import { createRuntime } from '../src/runtime.js';

/**
 * The real `main.ts` as `pnpm start` runs it: the lines a person waits for reach stdout while the
 * process runs (not when a 4 KiB buffer happens to fill), and the last lines are not lost at exit.
 */
describe('the server process’s log', () => {
  it('prints the first token and “listening on” at once, and its shutdown line before it exits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'siq-logs-'));
    const child = spawn(process.execPath, ['--conditions=@spideriq/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SPIDERIQ_DATA_DIR: dataDir, SPIDERIQ_LOG_LEVEL: 'info', SPIDERIQ_CHROMIUM_PATH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 60_000;
      while (!/listening on http:\/\/127\.0\.0\.1:\d+/.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no “listening on” line while running; stdout so far:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      // Seen while the process is still running: flushed at start-up, not at exit.
      expect(child.exitCode).toBeNull();
      expect(out).toMatch(/First start: your API token[\s\S]*cli_\w+:sk_\w+:secret_\w+/);
      expect(out.indexOf('created a first client')).toBeLessThan(out.indexOf('First start:'));
      const line = out.split('\n').find((l) => l.includes('listening on'))!;
      expect(JSON.parse(line)).toMatchObject({ dataDir, playground: expect.stringMatching(/\/$/), docs: expect.stringMatching(/\/docs\/$/) });

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('shutting down: finishing running jobs');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);

  it('leaves no exit listener of its own behind when a runtime stops before its process does', async () => {
    // pino's asynchronous destination registers one process-wide exit hook, shared by every logger: the
    // runtimes after the first must add nothing that outlives them.
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SPIDERIQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'siq-logs-')), SPIDERIQ_LOG_LEVEL: 'silent' });
      const runtime = await createRuntime(config, registerTestEngines);
      await runtime.stop();
      counts.push(process.listenerCount('exit'));
    }
    expect(new Set(counts.slice(1))).toEqual(new Set([counts[0]]));
  });
});
