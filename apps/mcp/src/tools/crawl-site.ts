import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SubmitSiteRequest } from '@spideriq/client';
import { PrioritySchema, SpiderSitePayloadSchema } from '@spideriq/schema';
import { submitAndWait, WaitSecondsSchema } from '../submit-and-wait.js';
import type { ToolContext } from '../tool-context.js';
import { toolError } from '../tool-error.js';
import { MaxCharsSchema, ResultsToolOutputSchema, ToolFormatSchema } from '../tool-output.js';

/** The spiderSite payload fields (from the schema package, checks included) plus how to answer. */
export const CrawlSiteInputSchema = SpiderSitePayloadSchema.safeExtend({
  priority: PrioritySchema.optional(),
  format: ToolFormatSchema,
  max_chars: MaxCharsSchema,
  wait_seconds: WaitSecondsSchema,
});

/** `spideriq_crawl_site`: submit a spiderSite job and wait for its results. */
export function registerCrawlSite(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'spideriq_crawl_site',
    {
      title: 'Crawl a company website',
      description:
        'Crawls a website and extracts lead data: emails, phones, addresses, social profiles and a Markdown compendium of the site. ' +
        'Only `url` is required; `mode` picks a preset (contacts, compendium, leads, full). Waits up to `wait_seconds` for the results; ' +
        'a job still running then returns its job_id to read later with spideriq_job_results.',
      inputSchema: CrawlSiteInputSchema,
      outputSchema: ResultsToolOutputSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    async (args, extra) => {
      const { format, max_chars, wait_seconds, priority, ...payload } = args;
      const body: SubmitSiteRequest = { payload: payload as SubmitSiteRequest['payload'], ...(priority === undefined ? {} : { priority }) };
      try {
        return await submitAndWait(ctx, (signal) => ctx.client.submitSite(body, { signal }), wait_seconds, { format, maxChars: max_chars }, extra);
      } catch (error) {
        return toolError(error);
      }
    },
  );
}
