import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateArtifacts, REPO_ROOT, staleArtifacts } from './artifacts.js';

/** `pnpm gen` writes every artifact; `pnpm gen:check` (`--check`) writes nothing and fails naming each stale one. */
function main(argv: readonly string[]): number {
  const artifacts = generateArtifacts();
  if (argv.includes('--check')) {
    const stale = staleArtifacts(artifacts);
    for (const path of stale) console.error(`stale: ${path} differs from a fresh generation; run \`pnpm gen\` and commit it`);
    if (stale.length === 0) console.log(`up to date: ${artifacts.map((a) => a.path).join(', ')}`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const artifact of artifacts) {
    const target = resolve(REPO_ROOT, artifact.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, artifact.content);
    console.log(`wrote ${artifact.path}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
