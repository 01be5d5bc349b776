import type { components, paths } from './generated/openapi.js';

/*
 * Every API type the client exposes, derived from the generated OpenAPI types.
 * Nothing here restates a field: a change to the schema reaches these names through `pnpm gen`.
 */

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type ResponseBody<P extends keyof paths, M extends Method, S extends number> = Operation<P, M> extends {
  responses: infer R;
}
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never;
type RequestBody<P extends keyof paths, M extends Method> = JsonOf<NonNullable<Operation<P, M>['requestBody']>>;
type Query<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

/** Body of `POST /api/v1/jobs/spiderSite/submit`. */
export type SubmitSiteRequest = RequestBody<'/api/v1/jobs/spiderSite/submit', 'post'>;
/** Body of `POST /api/v1/jobs/spiderMaps/submit`. */
export type SubmitMapsRequest = RequestBody<'/api/v1/jobs/spiderMaps/submit', 'post'>;
/** Body of the generic `POST /api/v1/jobs/submit` (the job type is chosen in the body). */
export type SubmitJobRequest = RequestBody<'/api/v1/jobs/submit', 'post'>;
/** The 201 answer to every submit. */
export type SubmitJobResponse = ResponseBody<'/api/v1/jobs/submit', 'post', 201>;
/** `GET /api/v1/jobs/{job_id}/status`. */
export type JobStatusResponse = ResponseBody<'/api/v1/jobs/{job_id}/status', 'get', 200>;
/** `GET /api/v1/jobs/{job_id}/results`: the same envelope for 200, 202 and 410. */
export type JobResults = ResponseBody<'/api/v1/jobs/{job_id}/results', 'get', 200>;
/** Query of `GET /api/v1/jobs/list`. */
export type ListJobsQuery = Query<'/api/v1/jobs/list', 'get'>;
/** `GET /api/v1/jobs/list`. */
export type JobListResponse = ResponseBody<'/api/v1/jobs/list', 'get', 200>;
/** `DELETE /api/v1/jobs/{job_id}`. */
export type CancelJobResponse = ResponseBody<'/api/v1/jobs/{job_id}', 'delete', 200>;
/** `GET /api/v1/system/health`. */
export type HealthResponse = ResponseBody<'/api/v1/system/health', 'get', 200>;
/** `GET /api/v1/system/queue-stats`. */
export type QueueStatsResponse = ResponseBody<'/api/v1/system/queue-stats', 'get', 200>;
/** `GET /api/v1/system/info`. */
export type InfoResponse = ResponseBody<'/api/v1/system/info', 'get', 200>;
/** `GET /api/v1/jobs/{job_id}/webhooks` (extension): the job's webhooks and every delivery attempt. */
export type JobWebhooksResponse = ResponseBody<'/api/v1/jobs/{job_id}/webhooks', 'get', 200>;
/** `GET /api/v1/webhooks/secret` and `POST …/rotate` (extension): the Standard Webhooks signing secret. */
export type WebhookSecretResponse = ResponseBody<'/api/v1/webhooks/secret', 'get', 200>;
/** A job event a webhook can be sent for (`webhook_events`). */
export type WebhookEventName = NonNullable<SubmitSiteRequest['webhook_events']>[number];
/** One issue of a 422 answer (FastAPI's `{loc, msg, type}`). */
export type ValidationIssue = Schemas['ValidationIssue'];
/** Why a job failed or was cancelled (`error_code` of the status and results bodies). */
export type JobErrorCode = Schemas['JobErrorCode'];
/** The `?format=` every GET offers: `json`, `yaml` (same shape, fewer tokens) or `md`. */
export type ResponseFormat = NonNullable<Query<'/api/v1/jobs/{job_id}/results', 'get'>['format']>;
/** A job's lifecycle state. */
export type JobStatus = JobResults['status'];

/** `connected`: the stream is open. */
export type ConnectedEvent = Schemas['ConnectedEvent'];
/** `heartbeat`: sent every 30 seconds to keep proxies from closing the stream. */
export type HeartbeatEvent = Schemas['HeartbeatEvent'];
/** `job.queued`. */
export type JobQueuedEvent = Schemas['JobQueuedEvent'];
/** `job.processing`: a worker started the job. */
export type JobProcessingEvent = Schemas['JobProcessingEvent'];
/** `job.progress`: pages crawled or listings found so far. */
export type JobProgressEvent = Schemas['JobProgressEvent'];
/** `job.completed` (terminal): fetch the results. */
export type JobCompletedEvent = Schemas['JobCompletedEvent'];
/** `job.failed` (terminal). */
export type JobFailedEvent = Schemas['JobFailedEvent'];
/** `job.cancelled` (terminal). */
export type JobCancelledEvent = Schemas['JobCancelledEvent'];
/** Every event of `GET /api/v1/events/stream`, discriminated by `event` (also its SSE `event:` line). */
export type JobStreamEvent =
  | ConnectedEvent
  | HeartbeatEvent
  | JobQueuedEvent
  | JobProcessingEvent
  | JobProgressEvent
  | JobCompletedEvent
  | JobFailedEvent
  | JobCancelledEvent;
/** The `event` names the client understands; others are skipped so newer servers stay compatible. */
export type JobStreamEventName = JobStreamEvent['event'];
