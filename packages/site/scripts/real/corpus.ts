import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SOCIAL_PLATFORMS } from '@spideriq/schema';

/** Folder holding one pin-and-label file per real site (`<id>.json`). */
export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/sites/', import.meta.url));

const OneOrMany = z.union([z.string(), z.array(z.string()).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));
const Socials = z.partialRecord(z.enum(SOCIAL_PLATFORMS), OneOrMany);
const Fields = z.object({
  emails: z.array(z.string()),
  phones: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'phones are E.164')),
  socials: Socials,
  addresses: z.array(z.string()),
});

/**
 * One pinned real site: where its HTML lives (a repository at a commit, the served folder) and what a
 * careful person extracts from it by hand. `labels` are the organisation's own contacts; `ambiguous`
 * values may be found or not without counting either way.
 */
export const RealSiteSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  web_root: z.string(),
  start_path: z.string().startsWith('/'),
  country: z.string().regex(/^[A-Z]{2}$/),
  language: z.string().min(2),
  kind: z.string(),
  needs_js: z.boolean(),
  needs_js_reason: z.string().optional(),
  /** Path prefix the web root is published under (a build made for `/<prefix>/`), without slashes. */
  base_path: z.string().regex(/^[\w.-]+$/).optional(),
  /** Hostname to serve the site under instead of its CNAME (e.g. when that name is HSTS-preloaded, like `.app`). */
  host: z.string().optional(),
  labels: Fields,
  ambiguous: Fields,
  notes: z.string().optional(),
});
/** A pinned, labelled real site. */
export type RealSite = z.infer<typeof RealSiteSchema>;

/** Reads and validates every site file of the corpus, sorted by id. */
export function loadCorpus(dir: string = CORPUS_DIR): RealSite[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = RealSiteSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) throw new Error(`${name}: ${z.prettifyError(parsed.error)}`);
      if (`${parsed.data.id}.json` !== name) throw new Error(`${name}: id ${parsed.data.id} does not match the file name`);
      return parsed.data;
    });
}
