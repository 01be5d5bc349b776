import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { JobListResponseSchema, ListJobsQuerySchema } from '@spideriq/schema';
import type { ToolContext } from '../tool-context.js';
import { toolError } from '../tool-error.js';

/** The list query of the API without `format`: the tool answers JSON and structured content. */
export const ListJobsInputSchema = ListJobsQuerySchema.omit({ format: true });

/** `spideriq_list_jobs`: a page of this client's jobs, newest first by default. */
export function registerListJobs(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'spideriq_list_jobs',
    {
      title: 'List jobs',
      description: 'A page of your jobs (newest first by default), filterable by status and type.',
      inputSchema: ListJobsInputSchema,
      outputSchema: JobListResponseSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async (query, extra) => {
      try {
        const page = await ctx.client.list(query, { signal: extra.signal });
        return { content: [{ type: 'text', text: JSON.stringify(page, null, 2) }], structuredContent: page };
      } catch (error) {
        return toolError(error);
      }
    },
  );
}
