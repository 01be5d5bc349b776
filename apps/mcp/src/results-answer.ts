import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { JobResults, JobStatusResponse } from '@spideriq/client';
import { render } from '@spideriq/formats';
import { JobResultsSchema } from '@spideriq/schema';
import type { Format } from '@spideriq/schema';
import { sliceText } from './slice-text.js';
import type { ResultsToolOutput } from './tool-output.js';

/** Which slice of the rendered results to answer with. */
export interface SliceRequest {
  format: Format;
  maxChars: number;
  offset?: number;
}

/**
 * A results envelope (200 or 202 body) as a tool result: rendered by `@spideriq/formats` from the schema
 * (the same renderer as the API's `?format=`), cut to `maxChars`, and saying how to read on when cut.
 */
export function resultsAnswer(results: JobResults, request: SliceRequest): CallToolResult {
  const rendered = render(results, request.format, JobResultsSchema);
  const slice = sliceText(rendered, request.offset ?? 0, request.maxChars);
  const done = results.status === 'completed';
  const output: ResultsToolOutput = {
    job_id: results.job_id,
    type: results.type,
    status: results.status,
    done,
    format: request.format,
    offset: slice.offset,
    returned_chars: slice.text.length,
    total_chars: slice.total,
    truncated: slice.truncated,
    next_offset: slice.nextOffset,
    ...(request.format === 'json' && !slice.truncated && slice.offset === 0 ? { results: results as ResultsToolOutput['results'] } : {}),
  };
  const content: CallToolResult['content'] = [{ type: 'text', text: slice.text }];
  if (slice.truncated) {
    content.push({
      type: 'text',
      text:
        `[Cut: characters ${slice.offset}-${slice.nextOffset} of ${slice.total} shown. To read the rest, call spideriq_job_results ` +
        `with {"job_id": "${results.job_id}", "format": "${request.format}", "offset": ${slice.nextOffset}}, or raise max_chars.]`,
    });
  }
  if (!done) content.push({ type: 'text', text: stillRunning(results.job_id, results.status) });
  return { content, structuredContent: output };
}

/** The answer when the wait ran out before the job finished: where it is and how to come back; not an error. */
export function pendingAnswer(status: JobStatusResponse, waitedSeconds: number, format: Format): CallToolResult {
  const output: ResultsToolOutput = {
    job_id: status.job_id,
    type: status.type,
    status: status.status,
    done: false,
    format,
    offset: 0,
    returned_chars: 0,
    total_chars: 0,
    truncated: false,
    next_offset: null,
  };
  const progress = status.progress?.pages_crawled != null ? ` (${status.progress.pages_crawled} pages crawled so far)` : '';
  return {
    content: [{ type: 'text', text: `Job ${status.job_id} (${status.type}) is still ${status.status} after ${waitedSeconds} s${progress}. ${stillRunning(status.job_id, status.status)}` }],
    structuredContent: output,
  };
}

const stillRunning = (jobId: string, status: string) =>
  `The job is ${status}, not failed: call spideriq_job_results with {"job_id": "${jobId}"} later to get its results, or spideriq_job_status to check on it.`;
