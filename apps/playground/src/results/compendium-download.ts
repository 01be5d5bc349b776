import type { JobResults } from '@spideriq/client';

/** Where the compendium of a result can be downloaded from. */
export type CompendiumDownload =
  | { readonly kind: 'inline'; readonly filename: string; readonly markdown: string }
  | { readonly kind: 'link'; readonly filename: string; readonly url: string };

/**
 * The inline `markdown_compendium` is preferred (it needs no second request and works when the server's
 * public URL is not reachable from the browser); otherwise the stored file's `download_url`.
 * Null when the job built no compendium (maps jobs, `contacts` mode).
 */
export function compendiumDownload(results: JobResults): CompendiumDownload | null {
  if (results.type !== 'spiderSite' || results.data === null) return null;
  const { markdown_compendium: markdown, compendium } = results.data;
  const filename = (compendium?.filename ?? `${results.job_id}.md`).split('/').pop() ?? `${results.job_id}.md`;
  if (typeof markdown === 'string' && markdown !== '') return { kind: 'inline', filename, markdown };
  if (compendium?.download_url) return { kind: 'link', filename, url: compendium.download_url };
  return null;
}
