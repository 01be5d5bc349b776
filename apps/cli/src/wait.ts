import { AbortedError, TimeoutError, type JobResults, type JobStatus } from '@spideriq/client';
import type { CommandContext } from './context.js';
import { createProgressReporter, initialSnapshot } from './progress.js';

// Poll period when the event stream is unavailable; the API's rate limit (100/min) allows it comfortably.
const POLL_INTERVAL_MS = 1_000;

/**
 * Waits for a job's results with live progress on stderr: it follows the SSE stream and falls back to
 * polling, both inside `waitForResults`. Ctrl-C stops waiting (and cancels the job with
 * `--cancel-on-interrupt`); the AbortedError is rethrown so the exit code says what happened.
 */
export async function waitForJob(context: CommandContext, jobId: string, status: JobStatus = 'queued'): Promise<JobResults> {
  const { client, io, options } = context;
  const reporter = createProgressReporter({ stream: io.stderr, style: context.progress, snapshot: initialSnapshot(jobId, status), now: io.now });
  try {
    return await client.waitForResults(jobId, {
      via: 'sse',
      interval: POLL_INTERVAL_MS,
      timeout: Math.max(0, context.deadline - io.now()),
      signal: context.signal,
      maxRateLimitRetries: options.retries,
      onProgress: (progress) => reporter.update(progress),
      onStreamError: (error) => reporter.note(`Live updates unavailable (${error.message}); polling every ${POLL_INTERVAL_MS / 1000}s`),
    });
  } catch (error) {
    reporter.stop();
    if (error instanceof AbortedError) await afterInterrupt(context, jobId);
    if (error instanceof TimeoutError) context.log(`Job ${jobId} keeps running: \`spideriq jobs watch ${jobId}\` resumes waiting.`);
    throw error;
  } finally {
    reporter.stop();
  }
}

async function afterInterrupt(context: CommandContext, jobId: string): Promise<void> {
  if (!context.options.cancelOnInterrupt) {
    context.log(`Stopped waiting. Job ${jobId} keeps running: \`spideriq jobs watch ${jobId}\` or \`spideriq jobs cancel ${jobId}\`.`);
    return;
  }
  try {
    // The interrupt signal has fired, so the cancel gets its own short budget.
    await context.client.cancel(jobId, { signal: AbortSignal.timeout(10_000) });
    context.log(`Stopped waiting and cancelled job ${jobId}.`);
  } catch (error) {
    context.log(`Stopped waiting, but could not cancel job ${jobId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
