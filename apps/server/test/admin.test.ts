import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SqliteJobStore } from '@spideriq/jobs';
import { parseApiToken } from '@spideriq/schema';
import { credentialsMatch } from '../src/auth/credentials.js';

const run = promisify(execFile);
const admin = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--conditions=@spideriq/source', '--import', 'tsx', 'src/admin.ts', ...args], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, SPIDERIQ_DATA_DIR: dataDir },
  });

describe('pnpm admin clients', () => {
  it('creates a client whose token is the last line, lists it, and disables it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'siq-admin-'));
    const created = await admin(dataDir, 'clients', 'create', '--name', 'acme');
    const token = parseApiToken(created.stdout.trim().split('\n').at(-1)!);
    expect(token).not.toBeNull();

    const listed = await admin(dataDir, 'clients', 'list');
    expect(listed.stdout).toMatch(new RegExp(`^${token!.clientId}\\tacme\\tactive\\t`, 'm'));

    await admin(dataDir, 'clients', 'disable', token!.clientId);
    const store = new SqliteJobStore({ path: join(dataDir, 'spideriq.sqlite'), maxAttempts: 3 });
    const client = (await store.getClient(token!.clientId))!;
    await store.close();
    expect(client.disabled).toBe(true);
    expect(credentialsMatch(client, token!)).toBe(true);
  });

  it('exits 2 with usage on bad arguments and 4 for an unknown client', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'siq-admin-'));
    await expect(admin(dataDir, 'clients', 'create')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--name') });
    await expect(admin(dataDir, 'users')).rejects.toMatchObject({ code: 2 });
    await expect(admin(dataDir, 'clients', 'disable', 'cli_nobody')).rejects.toMatchObject({ code: 4 });
  });
});
