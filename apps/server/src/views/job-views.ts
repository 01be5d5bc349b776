import type { JobErrorCode, JobResults, JobStatusResponse, JobSummary } from '@spideriq/schema';
import { mapsQueryText } from '@spideriq/schema';
import type { JobRecord } from '@spideriq/jobs';

const WAITING_MESSAGE: Partial<Record<JobRecord['status'], string>> = {
  queued: 'Job is queued. Please poll again in a few seconds.',
  processing: 'Job is still being processed. Please poll again in a few seconds.',
};

const seconds = (from: string | null, to: string | null): number | null =>
  from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 10) / 100 : null;

/** The HTTP status of `GET /results` for a job state: 200, 202 or 410. */
export function resultsStatusCode(job: JobRecord): 200 | 202 | 410 {
  if (job.status === 'completed') return 200;
  if (job.status === 'failed' || job.status === 'cancelled') return 410;
  return 202;
}

const envelopeHead = (job: JobRecord) => ({
  success: job.status === 'completed',
  job_id: job.id,
  type: job.type,
  status: job.status,
  processing_time_seconds: seconds(job.startedAt, job.completedAt),
  worker_id: job.workerId,
  completed_at: job.completedAt,
  message: WAITING_MESSAGE[job.status] ?? null,
});

/**
 * The job's `error_code`: the engine's code when it failed or was cancelled, otherwise null. A row
 * written before codes were stored falls back to `cancelled` or `internal`.
 */
export function errorCodeOf(job: JobRecord): JobErrorCode | null {
  if (job.status === 'cancelled') return job.errorCode ?? 'cancelled';
  if (job.status === 'failed') return job.errorCode ?? 'internal';
  return null;
}

/** The seed's flat results envelope: every field present, `error` added on 410. */
export function resultsView(job: JobRecord): JobResults {
  const gone = job.status === 'failed' || job.status === 'cancelled';
  const body = {
    ...envelopeHead(job),
    data: job.status === 'completed' ? job.result : null,
    error_message: gone ? job.errorMessage : null,
    error_code: errorCodeOf(job),
    ...(gone ? { error: job.errorMessage ?? `Job ${job.status}` } : {}),
  };
  return body as JobResults;
}

/**
 * `resultsView(job)` as JSON text, with the stored `data` text spliced in rather than parsed and
 * serialised again: the hot path of `GET /results`. Same bytes as `JSON.stringify(resultsView(job))`.
 */
export function resultsJson(job: JobRecord): string {
  if (job.status !== 'completed' || job.resultJson === null) return JSON.stringify(resultsView(job));
  const headText = JSON.stringify(envelopeHead(job));
  return `${headText.slice(0, -1)},"data":${job.resultJson},"error_message":null,"error_code":null}`;
}

/** `GET /status`. */
export function statusView(job: JobRecord): JobStatusResponse {
  return {
    success: job.status !== 'failed' && job.status !== 'cancelled',
    job_id: job.id,
    type: job.type,
    status: job.status,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    worker_id: job.workerId,
    priority: job.priority,
    progress: job.progress,
    error_code: errorCodeOf(job),
  };
}

/** One row of `GET /list`. */
export function summaryView(job: JobRecord): JobSummary {
  const payload = (job.payload ?? {}) as { url?: string; search_query?: string; query?: string; location?: string };
  return {
    job_id: job.id,
    type: job.type,
    status: job.status,
    url: job.type === 'spiderSite' ? (payload.url ?? null) : null,
    query: job.type === 'spiderMaps' ? mapsQueryText(payload) : null,
    priority: job.priority,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    worker_id: job.workerId,
  };
}
