import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CancelJobResponseSchema, JobIdSchema } from '@spideriq/schema';
import { z } from 'zod';
import type { ToolContext } from '../tool-context.js';
import { toolError } from '../tool-error.js';

/** `spideriq_cancel_job`: cancels a queued or processing job; its results are then gone for good. */
export function registerCancelJob(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'spideriq_cancel_job',
    {
      title: 'Cancel a job',
      description: 'Cancels a queued or processing job. It will have no results; a finished job cannot be cancelled.',
      inputSchema: z.object({ job_id: JobIdSchema }),
      outputSchema: CancelJobResponseSchema,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    async ({ job_id }, extra) => {
      try {
        const cancelled = await ctx.client.cancel(job_id, { signal: extra.signal });
        return { content: [{ type: 'text', text: JSON.stringify(cancelled, null, 2) }], structuredContent: cancelled };
      } catch (error) {
        return toolError(error);
      }
    },
  );
}
