import { createRequire } from 'node:module';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SpiderIQClient } from '@spideriq/client';
import { registerCancelJob } from './tools/cancel-job.js';
import { registerCrawlSite } from './tools/crawl-site.js';
import { registerJobResults } from './tools/job-results.js';
import { registerJobStatus } from './tools/job-status.js';
import { registerListJobs } from './tools/list-jobs.js';
import { registerSearchMaps } from './tools/search-maps.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/** The tools this server offers, in the order `tools/list` gives them. */
export const TOOL_NAMES = [
  'spideriq_crawl_site',
  'spideriq_search_maps',
  'spideriq_job_status',
  'spideriq_job_results',
  'spideriq_list_jobs',
  'spideriq_cancel_job',
] as const;

/** Options of {@link createSpiderIQMcpServer}. */
export interface SpiderIQMcpServerOptions {
  /** The API client every tool calls (its token decides whose jobs the agent sees). */
  client: SpiderIQClient;
  /** Pause between polls while waiting, when the event stream is unavailable. Default 1000 ms. */
  pollIntervalMs?: number;
}

/**
 * The SpiderIQ MCP server, not yet connected: thin over `@spideriq/client` (every tool is one or two API
 * calls) and `@spideriq/formats` (results rendered as the API renders them). The transport is the
 * caller's: stdio in `main.ts`, Streamable HTTP where the API server mounts it at `/mcp`.
 */
export function createSpiderIQMcpServer(options: SpiderIQMcpServerOptions): McpServer {
  const server = new McpServer(
    { name: 'spideriq', title: 'SpiderIQ', version },
    {
      instructions:
        'SpiderIQ crawls company websites (spideriq_crawl_site) and searches business listings (spideriq_search_maps) and returns ' +
        'structured lead data. Results come as Markdown by default, cut to max_chars; a cut answer tells you the offset to read on.',
    },
  );
  const ctx = { client: options.client, pollIntervalMs: options.pollIntervalMs ?? 1000 };
  registerCrawlSite(server, ctx);
  registerSearchMaps(server, ctx);
  registerJobStatus(server, ctx);
  registerJobResults(server, ctx);
  registerListJobs(server, ctx);
  registerCancelJob(server, ctx);
  return server;
}
