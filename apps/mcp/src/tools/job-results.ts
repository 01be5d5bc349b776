import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { JobIdSchema } from '@spideriq/schema';
import { z } from 'zod';
import { resultsAnswer } from '../results-answer.js';
import type { ToolContext } from '../tool-context.js';
import { toolError } from '../tool-error.js';
import { MaxCharsSchema, ResultsToolOutputSchema, ToolFormatSchema } from '../tool-output.js';

/** `spideriq_job_results`: a job's results in a format, one `max_chars` window at a time. */
export function registerJobResults(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'spideriq_job_results',
    {
      title: 'Job results',
      description:
        'The results of a job as Markdown (default), YAML or JSON, cut to `max_chars`. A cut answer says so and gives the `offset` to read on. ' +
        'A job still queued or processing answers with its status, not an error.',
      inputSchema: z.object({
        job_id: JobIdSchema,
        format: ToolFormatSchema,
        max_chars: MaxCharsSchema,
        offset: z.int().min(0).default(0).meta({ description: 'Start at this character of the rendered results (the `next_offset` of a cut answer).' }),
      }),
      outputSchema: ResultsToolOutputSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    async ({ job_id, format, max_chars, offset }, extra) => {
      try {
        return resultsAnswer(await ctx.client.results(job_id, { signal: extra.signal }), { format, maxChars: max_chars, offset });
      } catch (error) {
        return toolError(error);
      }
    },
  );
}
