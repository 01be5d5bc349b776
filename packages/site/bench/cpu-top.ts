import { readFileSync } from 'node:fs';

/**
 * Prints the top self-time functions of a V8 `.cpuprofile` (from `node --cpu-prof`), and the same
 * grouped by package, so a profile of the server under `pnpm bench:crawl --cpu-prof <dir>` can be
 * read without DevTools. Usage: `tsx bench/cpu-top.ts <file.cpuprofile> [rows]`.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-top.ts <file.cpuprofile> [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const short = url.replace(/^file:\/\//, '').replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/(packages|apps)\//, '$1/');
  const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const pkg = url === '' ? functionName : short.startsWith('node:') ? 'node' : short.split('/').slice(0, short.startsWith('@') || /^(packages|apps)\//.test(short) ? 2 : 1).join('/');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
const rows = Number(rowsArg ?? 30);
const show = (title: string, map: Map<string, number>): void => {
  console.log(`\n${title} (total ${(total / 1e6).toFixed(1)} s of samples)`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
};
show('self time by function', byFunction);
show('self time by package', byPackage);
