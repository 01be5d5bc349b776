// Generates src/generated/openapi.ts from the committed OpenAPI document with openapi-typescript.
// `--check` regenerates into a temporary file and fails when the committed file differs (drift check).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const spec = join(packageDir, '../schema/generated/openapi.json');
const committed = join(packageDir, 'src/generated/openapi.ts');
// The package maps `./*.js` to `./*.mjs`, so find its bin through package.json.
const cli = join(dirname(createRequire(import.meta.url).resolve('openapi-typescript/package.json')), 'bin/cli.js');
const check = process.argv.includes('--check');

const tempDir = check ? mkdtempSync(join(tmpdir(), 'spideriq-client-gen-')) : null;
const out = tempDir ? join(tempDir, 'openapi.ts') : committed;
try {
  execFileSync(process.execPath, [cli, spec, '--output', out, '--default-non-nullable', 'false'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (check) {
    const fresh = readFileSync(out, 'utf8');
    let current = '';
    try {
      current = readFileSync(committed, 'utf8');
    } catch {
      // A missing file is stale by definition.
    }
    if (fresh !== current) {
      console.error('packages/client/src/generated/openapi.ts is stale: run `pnpm gen` and commit the result.');
      process.exitCode = 1;
    } else {
      console.log('packages/client/src/generated/openapi.ts is up to date.');
    }
  } else {
    console.log(`wrote ${out}`);
  }
} finally {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
