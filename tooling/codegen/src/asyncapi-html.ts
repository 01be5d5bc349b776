import { resolve } from 'node:path';
import { renderAsyncApiHtml } from './asyncapi/html.js';

// `pnpm --filter @spideriq/codegen asyncapi:html <outDir>`: the docs build calls this. pnpm runs the
// script inside tooling/codegen, so a relative <outDir> is taken from where pnpm was invoked (INIT_CWD).
const arg = process.argv[2];
const outDir = arg ? resolve(process.env['INIT_CWD'] ?? process.cwd(), arg) : undefined;
if (!outDir) {
  console.error('usage: asyncapi:html <output directory>');
  process.exitCode = 2;
} else {
  const files = await renderAsyncApiHtml(outDir);
  console.log(`wrote ${files.length} file(s) to ${outDir}`);
}
