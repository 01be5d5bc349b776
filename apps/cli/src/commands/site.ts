import { Command, Option } from 'commander';
import type { SubmitSiteRequest } from '@spideriq/client';
import { CleanupLevelSchema, CrawlStrategySchema, PrioritySchema, SiteModeSchema, SpiderSitePayloadSchema } from '@spideriq/schema';
import { schemaArgument, toNumber } from '../arguments.js';
import type { WithContext } from '../context.js';
import { submitAndWait } from './submit-and-wait.js';

/** The `site` flags as commander parses them. */
export interface SiteFlags {
  /** `--mode`. */
  mode?: string;
  /** `--max-pages`. */
  maxPages?: number;
  /** `--strategy`. */
  strategy?: string;
  /** `--compendium <level>`. */
  compendium?: string;
  /** `--priority`. */
  priority?: number;
  /** `--fresh`: bypass the 24-hour duplicate cache. */
  fresh?: boolean;
}

/** Builds the submit body from the flags (pure); the server validates the rest, the URL included. */
export function siteRequest(url: string, flags: SiteFlags): SubmitSiteRequest {
  const payload: SubmitSiteRequest['payload'] = { url };
  if (flags.mode !== undefined) payload.mode = SiteModeSchema.parse(flags.mode);
  if (flags.maxPages !== undefined) payload.max_pages = flags.maxPages;
  if (flags.strategy !== undefined) payload.crawl_strategy = CrawlStrategySchema.parse(flags.strategy);
  if (flags.compendium !== undefined) payload.compendium = { enabled: true, cleanup_level: CleanupLevelSchema.parse(flags.compendium) };
  if (flags.fresh === true) payload.test = true;
  return flags.priority === undefined ? { payload } : { payload, priority: flags.priority };
}

/** `spideriq site <url>`: crawl a website for contacts and a Markdown compendium. */
export function siteCommand(withContext: WithContext): Command {
  return new Command('site')
    .description('Crawl a website: emails, phones, addresses, social profiles and a Markdown compendium')
    .argument('<url>', 'the website, with its scheme (https://example.com)')
    .addOption(new Option('--mode <mode>', 'preset of crawl options').choices(SiteModeSchema.options))
    .option('--max-pages <n>', 'pages to crawl (1-50)', schemaArgument(SpiderSitePayloadSchema.shape.max_pages, toNumber))
    .addOption(new Option('--strategy <strategy>', 'how pages are discovered').choices(CrawlStrategySchema.options))
    .addOption(new Option('--compendium <level>', 'build the Markdown compendium at this cleanup level').choices(CleanupLevelSchema.options))
    .option('--priority <n>', 'queue priority (0-10, higher first)', schemaArgument(PrioritySchema, toNumber))
    .option('--fresh', 'submit anew even if an identical job ran in the last 24 hours')
    .addHelpText(
      'after',
      `
Examples:
  $ spideriq site https://example.com
  $ spideriq site https://example.com --mode contacts --max-pages 5 --format yaml > example.yaml
  $ spideriq site https://example.com --compendium citations --format md --out example.md
  $ spideriq site https://example.com --no-wait            # print the job id and return`,
    )
    .action(async (url: string, flags: SiteFlags, command: Command) =>
      withContext(command, (context) => submitAndWait(context, (signal) => context.client.submitSite(siteRequest(url, flags), { signal }))),
    );
}
