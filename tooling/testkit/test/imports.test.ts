import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, foreignRelativeImports, listFiles, packageRootOf, readText, repoPath } from '../src/repo-scan.js';

const CODE = /\.(ts|mts|mjs|tsx)$/;
const WORKSPACES = ['packages', 'apps', 'tooling'];

/** Every test and bench file of every workspace package, plus the docs' tests. */
function testFiles(): string[] {
  const dirs = WORKSPACES.flatMap((group) =>
    listFiles(join(REPO_ROOT, group), (file) => file.endsWith('package.json'))
      .map((file) => file.slice(0, -'/package.json'.length))
      .filter((dir) => dir.split('/').length === join(REPO_ROOT, group).split('/').length + 1)
      .flatMap((dir) => [join(dir, 'test'), join(dir, 'bench')]),
  );
  return [...dirs, join(REPO_ROOT, 'docs', 'test')].flatMap((dir) => listFiles(dir, (file) => CODE.test(file)));
}

describe('no test reaches into another package by relative path', () => {
  it('finds the test files of every package', () => {
    const files = testFiles().map(repoPath);
    expect(files).toContain('tooling/testkit/test/imports.test.ts');
    expect(files.some((file) => file.startsWith('packages/site/test/'))).toBe(true);
    expect(files.some((file) => file.startsWith('apps/server/bench/'))).toBe(true);
    expect(files.some((file) => file.startsWith('docs/test/'))).toBe(true);
  });

  it('flags a ../ import that leaves the package, and only that', () => {
    const file = join(REPO_ROOT, 'apps/cli/test/x.test.ts');
    const root = join(REPO_ROOT, 'apps/cli');
    const source = readText(fileURLToPath(new URL('./samples/foreign-imports.txt', import.meta.url)));
    expect(foreignRelativeImports(file, source, root).map((found) => found.specifier)).toEqual([
      '../../server/test/support/harness.ts',
      '../../../packages/site/src/index.js',
      '../../server/src/engines.ts',
    ]);
  });

  it('holds for every test and bench file', () => {
    const offenders = testFiles().flatMap((file) =>
      foreignRelativeImports(file, readText(file), packageRootOf(file)).map(({ specifier }) => `${repoPath(file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
