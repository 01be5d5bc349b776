import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { JobIdSchema, JobStatusResponseSchema } from '@spideriq/schema';
import { z } from 'zod';
import type { ToolContext } from '../tool-context.js';
import { toolError } from '../tool-error.js';

/** `spideriq_job_status`: the API's status body, as JSON text and structured content. */
export function registerJobStatus(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'spideriq_job_status',
    {
      title: 'Job status',
      description: 'The status of a job (queued, processing, completed, failed, cancelled) with its latest progress.',
      inputSchema: z.object({ job_id: JobIdSchema }),
      outputSchema: JobStatusResponseSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ job_id }, extra) => {
      try {
        const status = await ctx.client.status(job_id, { signal: extra.signal });
        return { content: [{ type: 'text', text: JSON.stringify(status, null, 2) }], structuredContent: status };
      } catch (error) {
        return toolError(error);
      }
    },
  );
}
