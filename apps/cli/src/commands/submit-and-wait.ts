import type { SubmitJobResponse } from '@spideriq/client';
import { JobResultsSchema, SubmitJobResponseSchema } from '@spideriq/schema';
import type { CommandContext } from '../context.js';
import { waitForJob } from '../wait.js';

/**
 * The flow of `site` and `maps`: submit, say which job it is on stderr, then either print the submit
 * answer (`--no-wait`) or wait with progress and print the results.
 */
export async function submitAndWait(context: CommandContext, submit: (signal: AbortSignal) => Promise<SubmitJobResponse>): Promise<void> {
  context.requireToken();
  const job = await context.call(submit);
  context.log(
    job.from_cache
      ? `Reusing ${job.type} job ${job.job_id} (an identical job was submitted in the last 24 hours; --fresh submits anew)`
      : `Submitted ${job.type} job ${job.job_id}`,
  );
  if (!context.options.wait) {
    await context.emit(job, SubmitJobResponseSchema);
    return;
  }
  const results = await waitForJob(context, job.job_id, job.status);
  await context.emit(results, JobResultsSchema);
}
