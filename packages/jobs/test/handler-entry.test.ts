import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Loads an entry point in a fresh Node process and lists the database drivers it pulled in. */
function driversLoadedBy(entry: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(entry)});
    const require = createRequire(import.meta.url);
    const loaded = new Set([...Object.keys(require.cache)]);
    const drivers = ['better-sqlite3', 'pg'].filter((name) => [...loaded].some((file) => file.includes('/node_modules/' + name + '/')));
    process.stdout.write(JSON.stringify(drivers));
  `;
  const run = spawnSync(process.execPath, ['--conditions=@spideriq/source', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

describe('@spideriq/jobs/handler', () => {
  it('gives engines JobError without loading better-sqlite3 or pg', () => {
    expect(driversLoadedBy('@spideriq/jobs/handler')).toEqual([]);
  });

  it('is a real check: the full entry point does load the drivers', () => {
    expect(driversLoadedBy('@spideriq/jobs')).toEqual(['better-sqlite3', 'pg']);
  });
});
