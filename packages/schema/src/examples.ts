import { readFileSync } from 'node:fs';

/** One published example response of the results contract (see `examples/README.md`). */
export interface SeedExample {
  /** The example's title in the contract, e.g. `SpiderSite - Full CHAMP`. */
  name: string;
  /** The HTTP status the example documents. */
  status: 200 | 202 | 404 | 410;
  /** The response body exactly as published. */
  body: unknown;
}

/** The example files, in the contract's order. */
export const SEED_EXAMPLE_FILES = [
  'site-minimal',
  'site-with-ai',
  'site-full-champ',
  'maps',
  'processing-202',
  'failed-410',
  'not-found-404',
] as const;

/**
 * The seven example responses of the results contract, read from the JSON files this package ships in
 * `examples/` (Node only; the main entry point stays browser-safe). A fresh copy on every call.
 */
export function seedExamples(): SeedExample[] {
  return SEED_EXAMPLE_FILES.map((file) => {
    const text = readFileSync(new URL(`../examples/${file}.json`, import.meta.url), 'utf8');
    return JSON.parse(text) as SeedExample;
  });
}
