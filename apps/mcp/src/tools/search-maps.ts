import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { SubmitMapsRequest } from '@spideriq/client';
import { PrioritySchema, SpiderMapsPayloadSchema } from '@spideriq/schema';
import { submitAndWait, WaitSecondsSchema } from '../submit-and-wait.js';
import type { ToolContext } from '../tool-context.js';
import { toolError } from '../tool-error.js';
import { MaxCharsSchema, ResultsToolOutputSchema, ToolFormatSchema } from '../tool-output.js';

/** The spiderMaps payload fields (from the schema package, checks included) plus how to answer. */
export const SearchMapsInputSchema = SpiderMapsPayloadSchema.safeExtend({
  priority: PrioritySchema.optional(),
  format: ToolFormatSchema,
  max_chars: MaxCharsSchema,
  wait_seconds: WaitSecondsSchema,
});

/** `spideriq_search_maps`: submit a spiderMaps job and wait for its business listings. */
export function registerSearchMaps(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'spideriq_search_maps',
    {
      title: 'Search business listings',
      description:
        'Searches maps listings for "{what} in {where}" (for example "plumbers in Austin, TX") and returns businesses with address, phone, ' +
        'website, rating, categories and coordinates. Waits up to `wait_seconds`; a job still running then returns its job_id.',
      inputSchema: SearchMapsInputSchema,
      outputSchema: ResultsToolOutputSchema,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    async (args, extra) => {
      const { format, max_chars, wait_seconds, priority, ...payload } = args;
      const body: SubmitMapsRequest = { payload: payload as SubmitMapsRequest['payload'], ...(priority === undefined ? {} : { priority }) };
      try {
        return await submitAndWait(ctx, (signal) => ctx.client.submitMaps(body, { signal }), wait_seconds, { format, maxChars: max_chars }, extra);
      } catch (error) {
        return toolError(error);
      }
    },
  );
}
