/**
 * Real-site quality: for every pinned site in corpus/sites, re-extracts its web root from the fetched
 * snapshot, serves it on 127.0.0.1 under its public hostname, runs the SpiderSite job handler on it
 * (default mode, Chromium for JS pages) and prints precision/recall per field, overall and per site,
 * with every miss and false positive. Nothing leaves 127.0.0.0/8. A developer tool, not a CI gate.
 *
 *   pnpm --filter @spideriq/site quality:real [--site <id>]... [--concurrency 2] [--min-precision 0.95] [--min-recall 0.9]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArtifactStorage, JobContext, StoredArtifact } from '@spideriq/jobs';
import { SOCIAL_PLATFORMS, SpiderSitePayloadSchema } from '@spideriq/schema';
import type { SiteData } from '@spideriq/schema';
import { createSiteHandler } from '../src/index.js';
import { formatScoreTable, ratios, tallyField, values } from '../test/fixtures/quality.js';
import type { FieldTally, Matcher } from '../test/fixtures/quality.js';
import { loadCorpus } from './real/corpus.js';
import type { RealSite } from './real/corpus.js';
import { loopbackChromium, loopbackConnector, loopbackResolver } from './real/loopback.js';
import { sameAddress, sameEmail, samePhone, sameSocial, socialValue } from './real/match.js';
import { SnapshotError, extractWebRoot, publicHost, snapshotsDir } from './real/snapshot.js';
import { serveStaticSite } from './real/static-site.js';

const FIELDS = ['emails', 'phones', 'socials', 'addresses'] as const;
type Field = (typeof FIELDS)[number];
const MATCHERS: Record<Field, Matcher> = { emails: sameEmail, phones: samePhone, socials: sameSocial, addresses: sameAddress };

interface SiteOutcome {
  site: RealSite;
  skipped?: string;
  error?: string;
  pages?: number;
  rendered?: number;
  tallies?: Record<Field, FieldTally>;
}

/** Found values per field, socials as `<platform> <url>`. */
function foundValues(data: SiteData, field: Field): string[] {
  if (field !== 'socials') return values(data, field);
  return SOCIAL_PLATFORMS.flatMap((p) => values(data, p).map((url) => socialValue(p, url)));
}

/** Expected entries per field (each a list of interchangeable forms) and the neutral (ambiguous) values. */
function expected(site: RealSite, field: Field): { want: string[][]; neutral: string[] } {
  if (field !== 'socials') return { want: site.labels[field].map((v) => [v]), neutral: site.ambiguous[field] };
  const want = Object.entries(site.labels.socials).map(([p, urls]) => urls.map((u) => socialValue(p as never, u)));
  const neutral = Object.entries(site.ambiguous.socials).flatMap(([p, urls]) => urls.map((u) => socialValue(p as never, u)));
  return { want, neutral };
}

class MemoryStorage implements ArtifactStorage {
  async put(key: string, body: string | Uint8Array, contentType: string): Promise<StoredArtifact> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { key, url: `http://127.0.0.1/${key}`, sha256, size: bytes.byteLength, contentType, location: 'local' };
  }
  async get(): Promise<null> {
    return null;
  }
}

function jobContext(id: string): JobContext {
  const noop = (): void => undefined;
  return {
    jobId: `quality-real-${id}`,
    clientId: 'quality-real',
    attempt: 1,
    signal: new AbortController().signal,
    progress: noop,
    storage: new MemoryStorage(),
    logger: { debug: noop, info: noop, warn: noop, error: noop },
  };
}

async function runSite(site: RealSite): Promise<SiteOutcome> {
  const dir = mkdtempSync(join(tmpdir(), `quality-real-${site.id}-`));
  const root = join(dir, 'site');
  try {
    try {
      extractWebRoot(site, root);
    } catch (error) {
      if (error instanceof SnapshotError) return { site, skipped: error.message };
      throw error;
    }
    const host = publicHost(site);
    const bare = host.replace(/^www\./, '');
    const hosts = [bare, `www.${bare}`];
    const repoName = site.repo.split('/')[1]!;
    const projectPrefix = site.base_path ?? (host.endsWith('.github.io') && repoName.toLowerCase() !== host ? repoName : null);
    const served = await serveStaticSite(root, host, projectPrefix);
    const handler = createSiteHandler({
      version: '0.0.0-quality',
      publicUrl: 'http://127.0.0.1',
      allowPrivateNetworks: true,
      chromiumPath: loopbackChromium(dir, hosts),
      resolver: loopbackResolver(hosts),
      connector: loopbackConnector(),
    });
    try {
      const payload = SpiderSitePayloadSchema.parse({ url: `${served.origin}${site.start_path}` });
      const data = await handler.run(payload, jobContext(site.id));
      const tallies = Object.fromEntries(
        FIELDS.map((field) => {
          const { want, neutral } = expected(site, field);
          return [field, tallyField(foundValues(data, field), want, neutral, MATCHERS[field])];
        }),
      ) as Record<Field, FieldTally>;
      const pages = data.metadata.pages;
      return { site, pages: data.pages_crawled, rendered: pages.filter((p) => p.rendered).length, tallies };
    } finally {
      await handler.close();
      await served.close();
    }
  } catch (error) {
    return { site, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runAll(sites: RealSite[], concurrency: number, onDone: (o: SiteOutcome) => void): Promise<SiteOutcome[]> {
  const outcomes: SiteOutcome[] = new Array(sites.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, sites.length) }, async () => {
      while (next < sites.length) {
        const i = next++;
        outcomes[i] = await runSite(sites[i]!);
        onDone(outcomes[i]);
      }
    }),
  );
  return outcomes;
}

function sum(outcomes: SiteOutcome[], field: Field): { tp: number; fp: number; fn: number } {
  return outcomes.reduce(
    (a, o) => (o.tallies ? { tp: a.tp + o.tallies[field].tp, fp: a.fp + o.tallies[field].fp, fn: a.fn + o.tallies[field].fn } : a),
    { tp: 0, fp: 0, fn: 0 },
  );
}

/** The full printed report: totals, the JS-site subset, one line per site, then every mistake. */
function report(outcomes: SiteOutcome[]): string {
  const scored = outcomes.filter((o) => o.tallies);
  const js = scored.filter((o) => o.site.needs_js);
  const total = FIELDS.map((f) => sum(scored, f)).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }));
  const countries = new Set(scored.map((o) => o.site.country)).size;
  const languages = new Set(scored.map((o) => o.site.language)).size;
  const lines = [
    `Real sites scored: ${scored.length} of ${outcomes.length} (${countries} countries, ${languages} languages, ${js.length} need JavaScript)`,
    '',
    ...formatScoreTable([...FIELDS.map((f) => ({ label: f, ...sum(scored, f) })), { label: 'TOTAL', ...total }]),
    '',
    `Sites that need JavaScript (${js.length}):`,
    ...formatScoreTable(FIELDS.map((f) => ({ label: f, ...sum(js, f) }))),
    '',
    'Per site (tp/fp/fn for emails, phones, socials, addresses; pages crawled, rendered):',
  ];
  for (const o of outcomes) {
    const tag = `${o.site.id} [${o.site.country} ${o.site.language}${o.site.needs_js ? ' js' : ''}]`;
    if (o.skipped) lines.push(`  SKIP ${tag}: ${o.skipped}`);
    else if (o.error) lines.push(`  FAIL ${tag}: ${o.error}`);
    else {
      const cells = FIELDS.map((f) => `${o.tallies![f].tp}/${o.tallies![f].fp}/${o.tallies![f].fn}`.padEnd(8)).join(' ');
      lines.push(`  ${tag.padEnd(48)} ${cells} pages ${o.pages}, rendered ${o.rendered}`);
    }
  }
  lines.push('', 'Mistakes:');
  for (const o of scored) {
    for (const f of FIELDS) {
      for (const v of o.tallies![f].misses) lines.push(`  ${o.site.id} ${f} missed: ${v}`);
      for (const v of o.tallies![f].falsePositives) lines.push(`  ${o.site.id} ${f} false positive: ${v}`);
    }
  }
  return lines.join('\n');
}

const { values: args } = parseArgs({
  options: {
    site: { type: 'string', multiple: true },
    concurrency: { type: 'string', default: '2' },
    'min-precision': { type: 'string' },
    'min-recall': { type: 'string' },
  },
});
try {
  snapshotsDir();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const corpus = loadCorpus();
const wanted = args.site ?? [];
const unknown = wanted.filter((id) => !corpus.some((s) => s.id === id));
if (unknown.length > 0) {
  process.stderr.write(`Unknown site id(s): ${unknown.join(', ')}\n`);
  process.exit(2);
}
const sites = wanted.length > 0 ? corpus.filter((s) => wanted.includes(s.id)) : corpus;
const outcomes = await runAll(sites, Math.max(1, Number(args.concurrency) || 1), (o) => {
  process.stderr.write(`${o.skipped ? 'skip' : o.error ? 'fail' : 'done'} ${o.site.id}${o.skipped ? `: ${o.skipped}` : ''}\n`);
});
process.stdout.write(`${report(outcomes)}\n`);
const minP = args['min-precision'] === undefined ? null : Number(args['min-precision']);
const minR = args['min-recall'] === undefined ? null : Number(args['min-recall']);
const below = FIELDS.filter((f) => {
  const r = ratios(sum(outcomes, f));
  return (minP !== null && r.precision < minP) || (minR !== null && r.recall < minR);
});
if (below.length > 0) {
  process.stdout.write(`\nBelow the thresholds: ${below.join(', ')}\n`);
  process.exitCode = 1;
}
