import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** One example response of the seed contract (`shared/seed/get-job-results.txt`). */
export interface SeedExample {
  name: string;
  /** HTTP status the example documents. */
  status: 200 | 202 | 404 | 410;
  body: unknown;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The seed file lives in the read-only `shared/` folder beside the repository (as CI lays it out). */
export const SEED_PATH = resolve(here, '../../shared/seed/get-job-results.txt');

const NAMES: Array<[string, SeedExample['status']]> = [
  ['SpiderSite - Minimal', 200],
  ['SpiderSite - With AI', 200],
  ['SpiderSite - Full CHAMP', 200],
  ['SpiderMaps', 200],
  ['Processing (202)', 202],
  ['Failed (410)', 410],
  ['Not Found (404)', 404],
];

/**
 * Extracts the seven example responses from the seed text: every top-level JSON object after
 * "Example Responses", in order, matched by brace depth outside strings.
 */
export function loadSeedExamples(path = SEED_PATH): SeedExample[] {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('Example Responses');
  if (start < 0) throw new Error(`${path}: no "Example Responses" section`);
  const end = text.indexOf('Handling Different Status Codes', start);
  const section = text.slice(start, end < 0 ? undefined : end);
  const bodies: unknown[] = [];
  let depth = 0;
  let from = -1;
  let inString = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{') {
      if (depth === 0) from = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) bodies.push(JSON.parse(section.slice(from, i + 1)));
    }
  }
  if (bodies.length !== NAMES.length) throw new Error(`${path}: expected ${NAMES.length} example responses, found ${bodies.length}`);
  return bodies.map((body, i) => ({ name: NAMES[i]![0], status: NAMES[i]![1], body }));
}
