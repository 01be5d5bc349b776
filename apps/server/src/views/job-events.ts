import type { JobEvent, WebhookEventName } from '@spideriq/schema';
import type { JobRecord } from '@spideriq/jobs';
import { resultsView } from './job-views.js';

/** The event a job's current state implies: sent first on a job's stream, so a late subscriber misses nothing. */
export function currentStateEvent(job: JobRecord): JobEvent {
  switch (job.status) {
    case 'queued':
      return { event: 'job.queued', job_id: job.id, type: job.type, priority: job.priority, created_at: job.createdAt };
    case 'processing':
      return job.progress
        ? { event: 'job.progress', job_id: job.id, type: job.type, pages_crawled: job.progress.pages_crawled, results_found: job.progress.results_found, total: job.progress.total, message: job.progress.message, timestamp: job.progress.updated_at }
        : { event: 'job.processing', job_id: job.id, type: job.type, worker_id: job.workerId ?? 'unknown', attempt: job.attempts, started_at: job.startedAt ?? job.updatedAt };
    case 'completed':
      return { event: 'job.completed', job_id: job.id, type: job.type, processing_time_seconds: resultsView(job).processing_time_seconds ?? 0, completed_at: job.completedAt ?? job.updatedAt };
    case 'failed':
      return { event: 'job.failed', job_id: job.id, type: job.type, error_message: job.errorMessage ?? 'Job failed', completed_at: job.completedAt ?? job.updatedAt };
    case 'cancelled':
      return { event: 'job.cancelled', job_id: job.id, type: job.type, cancelled_at: job.completedAt ?? job.updatedAt };
  }
}

/**
 * The body a webhook posts for a terminal job: the AsyncAPI event of the same name (one schema for the
 * stream and webhooks), with `job.completed` carrying the job's results envelope so the receiver needs
 * no second request.
 */
export function webhookEvent(job: JobRecord): Extract<JobEvent, { event: WebhookEventName }> | null {
  const event = currentStateEvent(job);
  if (event.event === 'job.completed') return { ...event, results: resultsView(job) };
  if (event.event === 'job.failed' || event.event === 'job.cancelled') return event;
  return null;
}
