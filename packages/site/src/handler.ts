import { JobError } from '@spideriq/jobs/handler';
import type { JobContext, JobHandler } from '@spideriq/jobs/handler';
import { SiteDataSchema, SpiderSitePayloadSchema } from '@spideriq/schema';
import type { CompendiumInfo, SiteData, SpiderSitePayload } from '@spideriq/schema';
import type { SiteAnalyser } from './analysis.js';
import { assembleCompendium } from './compendium/index.js';
import type { CompendiumSection } from './compendium/index.js';
import { crawlSite } from './crawl/crawler.js';
import type { CrawlSummary } from './crawl/crawl-types.js';
import { mergeExtractions } from './extract/index.js';
import { PagePool } from './page-pool.js';
import { warmUp } from './warm-up.js';
import { processPage } from './page-work.js';
import type { PageWork, PageWorkResult } from './page-work.js';
import { FetchError } from './fetch/fetch-error.js';
import { HttpClient } from './fetch/http-client.js';
import type { Connector } from './fetch/pinned-connector.js';
import type { Resolver } from './fetch/resolver.js';
import { systemResolver } from './fetch/resolver.js';
import { checkUrl } from './fetch/ssrf-guard.js';
import { ROBOTS_PRODUCT_TOKEN, buildUserAgent } from './fetch/user-agent.js';
import { resolveSiteOptions } from './options.js';
import type { RequestedAi, ResolvedSiteOptions } from './options.js';
import { DEFAULT_CHROMIUM_PATH } from './render/chromium.js';
import { BrowserRenderer } from './render/renderer.js';

/** Engine-wide settings, read once from the server's validated config and passed in. */
export interface SiteEngineOptions {
  /** Package version, for the User-Agent. */
  version: string;
  /** Public URL of this deployment, for the User-Agent (`SpiderIQ/<version> (+<publicUrl>)`). */
  publicUrl: string;
  /** `SPIDERIQ_ALLOW_PRIVATE_NETWORKS=true`: lifts the SSRF address rules (tests, intranets). */
  allowPrivateNetworks: boolean;
  /** Chromium executable for SPA rendering; null disables rendering. Default `/usr/bin/chromium`. */
  chromiumPath?: string | null;
  /** Replaces the default User-Agent entirely. */
  userAgent?: string;
  /** DNS resolver; tests inject one so no real lookup happens. */
  resolver?: Resolver;
  /** Socket factory; tests inject one to prove refusals happen before any connection. */
  connector?: Connector;
  /** Pages fetched at once per job. Default 4. */
  concurrency?: number;
  /** Runs the AI features over the crawled pages (the server registers `@spideriq/intel`); absent = AI fields stay null. */
  analyse?: SiteAnalyser;
  /**
   * Worker threads that parse pages, extract contacts and build the compendium's blocks, shared by
   * every job of this handler; 0 (the default) does that work on the calling thread.
   */
  pageThreads?: number;
  /**
   * Start the page threads now rather than at the first page (a server that runs jobs), each warmed up
   * (`warmUp`: the extractors' tables built and the per-page code compiled; on this thread when
   * `pageThreads` is 0); `ready()` waits for them. Default false.
   */
  startPageThreads?: boolean;
}

/** The spiderSite handler, plus `close()` to shut the shared browser down with the server. */
export interface SiteHandler extends JobHandler<SpiderSitePayload, SiteData> {
  ready(): Promise<void>;
  close(): Promise<void>;
}

const AI_LABELS: Record<keyof RequestedAi, string> = {
  extract_team: 'extract_team',
  extract_company_info: 'extract_company_info',
  extract_pain_points: 'extract_pain_points',
  lead_scoring: 'lead_scoring',
  custom_ai_prompt: 'custom_ai_prompt',
  validate_with_llm: 'validate_with_llm',
};

function crawlStatus(summary: CrawlSummary): SiteData['crawl_status'] {
  if (summary.pagesCrawled === 0) return 'failed';
  return summary.pagesFailed > 0 ? 'partial' : 'success';
}

function titleOf(html: string): string | undefined {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return match?.[1]?.replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * Creates the `spiderSite` job handler: it crawls the site, extracts contacts from every page, builds
 * and stores the markdown compendium, and returns the flat `data` of the seed. Refused URLs
 * (`blocked_url`) and sites that never answer (`fetch_failed`) fail the job without retries.
 */
export function createSiteHandler(options: SiteEngineOptions): SiteHandler {
  const userAgent = options.userAgent ?? buildUserAgent(options.version, options.publicUrl);
  const renderer = new BrowserRenderer({
    executablePath: options.chromiumPath === undefined ? DEFAULT_CHROMIUM_PATH : options.chromiumPath,
  });
  const resolver = options.resolver ?? systemResolver;
  const pool = options.pageThreads ? new PagePool(options.pageThreads) : null;
  // A thread warms up as it starts (tables loaded, per-page code compiled); without threads, this thread does.
  const threadsStarted = !options.startPageThreads ? Promise.resolve() : pool ? pool.start() : Promise.resolve().then(() => warmUp());
  // Awaited by `ready()`; a thread that fails to load also fails its pages, so nothing else waits for this.
  threadsStarted.catch(() => undefined);
  const reduceHere = (work: PageWork): Promise<PageWorkResult> => {
    try {
      return Promise.resolve(processPage(work));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };

  async function run(payload: SpiderSitePayload, ctx: JobContext): Promise<SiteData> {
    // The submit pattern admits a host with malformed punycode (`xn--…`), which no URL parser reads.
    if (!URL.canParse(payload.url)) throw new JobError(`${payload.url} is not a URL a browser can open: check the host name`, { code: 'invalid_url' });
    const settings = resolveSiteOptions(payload);
    const http = new HttpClient({
      userAgent,
      allowPrivateNetworks: options.allowPrivateNetworks,
      resolver,
      ...(options.connector ? { connector: options.connector } : {}),
    });
    const renderingAvailable = settings.enable_spa && (await renderer.available());
    // Each page is reduced to its markdown blocks and its extraction as it arrives, so the job never
    // holds every page's HTML (nor a DOM of it) until the end.
    // In crawl order, whichever thread finishes first.
    const reduced: Array<Promise<PageWorkResult>> = [];
    // This job's pages in the threads' queue: once its crawl ends, they go ahead of crawling jobs' pages.
    const lane = pool?.lane();
    const reduce = lane ? lane.run : reduceHere;
    // The AI features read the pages' HTML, so it is kept only when one of them was asked for.
    const keepHtml = options.analyse !== undefined && Object.values(settings.ai).some(Boolean);
    const pages: Array<{ url: string; html: string; title?: string }> = [];
    let summary: CrawlSummary;
    try {
      summary = await crawlSite({
        startUrl: settings.url,
        http,
        maxPages: settings.max_pages,
        strategy: settings.crawl_strategy,
        targetPages: settings.target_pages,
        timeoutMs: settings.timeout * 1000,
        concurrency: options.concurrency ?? 4,
        productToken: ROBOTS_PRODUCT_TOKEN,
        enableSpa: settings.enable_spa,
        spaTimeoutMs: settings.spa_timeout * 1000,
        ...(renderingAvailable
          ? {
              openRenderer: () =>
                renderer.session({ userAgent, allowRequest: browserGuard(resolver, options.allowPrivateNetworks) }),
            }
          : {}),
        signal: ctx.signal,
        onPage: (page, progress) => {
          if (page.html !== null && page.error === null) {
            const title = titleOf(page.html);
            const crawled = { url: page.finalUrl, html: page.html, ...(title ? { title } : {}) };
            const work = { ...crawled, compendium: settings.compendium.enabled ? settings.compendium : null };
            const result = reduce(work);
            // settled at once so a failure cannot go unhandled while the crawl goes on; awaited below
            result.catch(() => undefined);
            reduced.push(result);
            if (keepHtml) pages.push(crawled);
          }
          ctx.progress({
            pages_crawled: progress.done,
            total: progress.total,
            message: page.error ? `${page.url}: ${page.error}` : page.finalUrl,
          });
        },
      });
    } catch (error) {
      throw toJobError(error, settings, ctx.signal);
    } finally {
      lane?.drain();
      await http.close().catch(() => undefined);
    }
    if (summary.aborted || ctx.signal.aborted) {
      throw new JobError('The job was cancelled while crawling', { code: 'cancelled' });
    }
    const answered = summary.pages.some((page) => page.status !== null);
    if (!answered) {
      const reason = summary.pages[0]?.error ?? 'no response';
      throw new JobError(`Could not fetch ${settings.url}: ${reason}`, { code: 'fetch_failed' });
    }

    let results: PageWorkResult[];
    try {
      results = await Promise.all(reduced);
    } catch (error) {
      throw new JobError(`Reducing the pages of ${settings.url} failed: ${(error as Error).message}`, { code: 'internal', retryable: true, cause: error });
    }
    const sections = results.flatMap((result) => (result.section ? [result.section] : []));
    const contacts = mergeExtractions(
      results.map((result) => result.extraction),
      settings.url,
    );
    const { total_emails_found, total_phones_found, ...fields } = contacts;
    const compendium = await storeCompendium(sections, settings, ctx);
    const requested = (Object.keys(AI_LABELS) as Array<keyof RequestedAi>).filter((key) => settings.ai[key]);
    const { emails, phones, phone_details, addresses } = fields;
    const analysis = await options.analyse?.({ url: settings.url, payload, requested: settings.ai, pages, compendium: compendium.markdown, contacts: { emails, phones, phone_details, addresses }, signal: ctx.signal });

    return SiteDataSchema.parse({
      url: settings.url,
      pages_crawled: summary.pagesCrawled,
      crawl_status: crawlStatus(summary),
      ...fields,
      markdown_compendium: compendium.inline,
      compendium: compendium.info,
      company_vitals: null,
      pain_points: null,
      lead_scoring: null,
      team_members: [],
      personalization_hooks: null,
      ...analysis?.fields,
      metadata: {
        spa_enabled: settings.enable_spa,
        sitemap_used: summary.sitemapUsed,
        browser_rendering_available: renderingAvailable && summary.browserRenderingAvailable,
        crawl_strategy: summary.strategyUsed,
        total_emails_found,
        total_phones_found,
        mode: settings.mode,
        pages: summary.pages.map((page) => ({
          url: page.finalUrl,
          status: page.status,
          bytes: page.bytes,
          time_ms: page.timeMs,
          rendered: page.rendered,
          error: page.error,
        })),
        ai: {
          configured: false,
          requested: requested.map((key) => AI_LABELS[key]),
          message:
            requested.length > 0
              ? 'No AI model is configured on this server, so the AI fields are null (or []).'
              : 'No AI features were requested; no AI model is configured on this server.',
        },
        ...analysis?.metadata,
      },
    });
  }

  return {
    type: 'spiderSite',
    payloadSchema: SpiderSitePayloadSchema,
    run,
    ready: () => threadsStarted,
    close: async () => {
      await Promise.all([renderer.close(), pool?.close()]);
    },
  };
}

/**
 * The SSRF check for requests a rendered page makes (scripts, XHR, frames), memoised per origin so a
 * page with hundreds of subresources costs one DNS lookup per host.
 */
function browserGuard(resolver: Resolver, allowPrivateNetworks: boolean): (url: string) => Promise<boolean> {
  const verdicts = new Map<string, Promise<boolean>>();
  return (url) => {
    let origin: string;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return Promise.resolve(true);
      origin = `${parsed.protocol}//${parsed.host}`;
    } catch {
      return Promise.resolve(false);
    }
    let verdict = verdicts.get(origin);
    if (!verdict) {
      verdict = checkUrl(origin, { resolver, allowPrivateNetworks }).then(
        () => true,
        () => false,
      );
      verdicts.set(origin, verdict);
    }
    return verdict;
  };
}

function toJobError(error: unknown, settings: ResolvedSiteOptions, signal: AbortSignal): JobError {
  if (error instanceof JobError) return error;
  if (signal.aborted) return new JobError('The job was cancelled while crawling', { code: 'cancelled', cause: error });
  if (error instanceof FetchError) {
    const code = error.code === 'blocked_url' ? 'blocked_url' : 'fetch_failed';
    return new JobError(error.message, { code, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new JobError(`Crawling ${settings.url} failed: ${message}`, { code: 'internal', retryable: true, cause: error });
}

async function storeCompendium(
  pages: readonly CompendiumSection[],
  settings: ResolvedSiteOptions,
  ctx: JobContext,
): Promise<{ inline: string | null; markdown: string | null; info: CompendiumInfo }> {
  const off: CompendiumInfo = {
    available: false,
    chars: null,
    cleanup_level: settings.compendium.enabled ? settings.compendium.cleanup_level : null,
    storage_location: null,
    download_url: null,
    filename: null,
    size_bytes: null,
    content_hash: null,
    estimated_tokens: null,
  };
  if (!settings.compendium.enabled || pages.length === 0) return { inline: null, markdown: null, info: off };
  const built = assembleCompendium(pages, {
    cleanup_level: settings.compendium.cleanup_level,
    max_chars: settings.compendium.max_chars,
    remove_duplicates: settings.compendium.remove_duplicates,
    separator: settings.compendium.separator,
    priority_sections: settings.compendium.priority_sections,
  });
  const filename = `compendiums/${ctx.jobId}.md`;
  const stored = await ctx.storage.put(`${ctx.clientId}/${filename}`, built.markdown, 'text/markdown; charset=utf-8');
  return {
    inline: settings.compendium.include_in_response ? built.markdown : null,
    markdown: built.markdown,
    info: {
      available: true,
      chars: built.chars,
      cleanup_level: settings.compendium.cleanup_level,
      storage_location: stored.location,
      download_url: stored.url,
      filename,
      size_bytes: stored.size,
      content_hash: stored.sha256,
      estimated_tokens: built.estimated_tokens,
    },
  };
}
