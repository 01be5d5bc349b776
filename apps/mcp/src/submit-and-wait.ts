import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { TimeoutError } from '@spideriq/client';
import type { SubmitJobResponse } from '@spideriq/client';
import { z } from 'zod';
import { pendingAnswer, resultsAnswer } from './results-answer.js';
import type { SliceRequest } from './results-answer.js';
import type { ToolContext } from './tool-context.js';

/** `wait_seconds` of the submit tools. MCP clients commonly time a request out at 60 s, hence the default. */
export const WaitSecondsSchema = z
  .int()
  .min(0)
  .max(600)
  .default(45)
  .meta({
    description:
      'How long to wait for the job to finish (0-600 s, default 45). A job still running then is not an error: the answer gives its job_id and status, to read later with spideriq_job_results.',
  });

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Submits a job, then waits up to `waitSeconds` for its results (event stream first, polling as the
 * fallback). Reports progress to the MCP client when it asked for it (a `progressToken`), which also keeps
 * clients that reset their timeout on progress from giving up on a long crawl.
 */
export async function submitAndWait(
  ctx: ToolContext,
  submit: (signal: AbortSignal) => Promise<SubmitJobResponse>,
  waitSeconds: number,
  slice: SliceRequest,
  extra: Extra,
): Promise<CallToolResult> {
  const submitted = await submit(extra.signal);
  const token = extra._meta?.progressToken;
  let step = 0;
  try {
    const results = await ctx.client.waitForResults(submitted.job_id, {
      timeout: waitSeconds * 1000,
      interval: ctx.pollIntervalMs,
      via: 'sse',
      signal: extra.signal,
      onProgress: (progress) => {
        if (token === undefined) return;
        const message =
          progress.source === 'sse' && progress.event.event === 'job.progress'
            ? (progress.event.message ?? `${progress.event.pages_crawled ?? 0} pages crawled`)
            : `job ${progress.status}`;
        step += 1;
        void extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: step, message } }).catch(() => undefined);
      },
    });
    return resultsAnswer(results, slice);
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    return pendingAnswer(await ctx.client.status(submitted.job_id, { signal: extra.signal }), waitSeconds, slice.format);
  }
}
