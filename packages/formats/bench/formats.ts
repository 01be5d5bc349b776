/**
 * `pnpm bench:formats`: o200k tokens of every rendering of the seed's seven example responses (as published
 * and as this API serves them) and of a 100-business maps result, against pretty and minified JSON.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import { JobResultsSchema } from '@spideriq/schema';
import { countTokens, render } from '../src/index.js';
import { mapsResult } from '../test/fixtures/maps-result.js';
import { seedExamples } from '../test/fixtures/seed.js';

interface Row {
  name: string;
  pretty: number;
  minified: number;
  yaml: number;
  md: number;
}

async function measure(name: string, value: unknown, schema: z.ZodType): Promise<Row> {
  return {
    name,
    pretty: await countTokens(JSON.stringify(value, null, 2)),
    minified: await countTokens(JSON.stringify(value)),
    yaml: await countTokens(render(value, 'yaml', schema)),
    md: await countTokens(render(value, 'md', schema)),
  };
}

const saving = (part: number, whole: number): string => `${(100 * (1 - part / whole)).toFixed(1)}%`;

function table(title: string, rows: Row[]): void {
  const total = rows.reduce<Row>(
    (sum, row) => ({ name: 'Total', pretty: sum.pretty + row.pretty, minified: sum.minified + row.minified, yaml: sum.yaml + row.yaml, md: sum.md + row.md }),
    { name: 'Total', pretty: 0, minified: 0, yaml: 0, md: 0 },
  );
  const lines = (rows.length > 1 ? [...rows, total] : rows).map((row) => [
    row.name,
    row.pretty,
    row.minified,
    row.yaml,
    row.md,
    saving(row.yaml, row.pretty),
    saving(row.yaml, row.minified),
    saving(row.md, row.pretty),
    saving(row.md, row.minified),
  ]);
  const head = ['Example', 'JSON 2-space', 'JSON min', 'YAML', 'Markdown', 'YAML vs pretty', 'YAML vs min', 'MD vs pretty', 'MD vs min'];
  console.log(`\n### ${title}\n`);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map((_, i) => (i === 0 ? ':--' : '--:')).join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
}

const seeds = seedExamples();
table('Seed examples as published (packages/schema/examples)', await Promise.all(seeds.map((seed) => measure(seed.name, seed.body, seed.schema))));
table('Seed examples as this API serves them (extension fields present, null or empty)', await Promise.all(seeds.map((seed) => measure(seed.name, seed.served, seed.schema))));
table('A generated 100-business spiderMaps result', [await measure('100 businesses', mapsResult(100), JobResultsSchema)]);

/** Every non-null leaf value, one per line, `https://` dropped: the floor for any labelled format. */
function values(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) values(item, out);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) values(item, out);
  else if (value !== null && value !== undefined) out.push(String(value).replace(/^https:\/\//, ''));
  return out;
}

let pretty = 0;
let plain = 0;
let bare = 0;
for (const seed of seeds) {
  pretty += await countTokens(JSON.stringify(seed.body, null, 2));
  plain += await countTokens(stringify(seed.body));
  bare += await countTokens(values(seed.body).join('\n'));
}
const big = mapsResult(100);
const blockYaml = await countTokens(stringify(big));
console.log('\n### Reference points (seed examples as published)\n');
console.log(`- plain yaml.stringify: ${plain} tokens, ${saving(plain, pretty)} fewer than 2-space JSON`);
console.log(`- the values alone, one per line, no labels, https:// dropped: ${bare} tokens, ${saving(bare, pretty)} fewer`);
console.log(`- plain yaml.stringify of the 100-business result: ${blockYaml} tokens (minified JSON: ${await countTokens(JSON.stringify(big))})`);
