import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, listFiles, outsidePaths, readText, repoPath } from '../src/repo-scan.js';

/** Source, scripts, tests and config: everything a build, script or test runs or reads. */
const SCANNED = /(\.(ts|mts|cts|tsx|js|mjs|cjs|sh|ya?ml)|\/package\.json|\/tsconfig[\w.]*\.json|\/turbo\.json|\/\.ci\/run)$/;
/** Generated contracts hold URL paths only (`/api/v1/…`) and are checked by `gen:check`. */
const GENERATED = /\/(packages\/schema\/generated|packages\/client\/src\/generated)\//;

function scannedFiles(): string[] {
  return listFiles(REPO_ROOT, (file) => SCANNED.test(file) && !GENERATED.test(file));
}

describe('nothing reads a file outside the repository', () => {
  const file = join(REPO_ROOT, 'tooling/example.ts');
  const exists = (path: string) => path === '/srv/shared/seed' || path.startsWith('/srv/shared/seed/');

  /** Sample lines (kept in a .txt file so the repository scan does not read them as real paths). */
  const source = readText(fileURLToPath(new URL('./samples/outside-paths.txt', import.meta.url)));

  it('flags paths that climb above the root alone or joined, and existing folders outside it', () => {
    expect(outsidePaths(file, source, REPO_ROOT, exists).map((found) => [found.line, found.path])).toEqual([
      [1, '../../shared/seed/get-job-results.txt'],
      [2, join('..', '..', 'x')],
      [3, '../../../elsewhere'],
      [6, '/srv/shared/seed/get-job-results.txt'],
      [10, '/srv/shared/seed/x'],
      [10, '../../../outside'],
    ]);
  });

  it('scans the build, scripts, tests and config of every package', () => {
    const files = scannedFiles().map(repoPath);
    for (const expected of ['.ci/run', 'turbo.json', 'apps/server/package.json', 'tooling/vitest.preset.ts', 'docs/build.mjs', 'packages/site/test/crawl/handler.test.ts']) {
      expect(files).toContain(expected);
    }
  });

  it('holds for every such file in the repository', () => {
    const offenders = scannedFiles().flatMap((file) =>
      outsidePaths(file, readText(file)).map(({ line, path, resolved }) => `${repoPath(file)}:${line} ${path} -> ${resolved}`),
    );
    expect(offenders).toEqual([]);
  });
});
