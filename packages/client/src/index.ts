export { createClient } from './create-client.js';
export type { ClientOptions, RequestOptions, EventsOptions, SpiderIQClient } from './create-client.js';
export { waitForResults } from './wait-for-results.js';
export type { WaitForResultsOptions, WaitProgress, JobResultsSource } from './wait-for-results.js';
export { parseJobEvents, isTerminalEvent, TERMINAL_JOB_EVENTS } from './event-stream.js';
export { parseRetryAfter } from '@spideriq/schema/http';
export {
  SpiderIQError,
  AuthError,
  ValidationError,
  JobNotFoundError,
  JobFailedError,
  RateLimitedError,
  TimeoutError,
  AbortedError,
  StreamError,
} from './errors.js';
export type { SpiderIQErrorCode, SpiderIQErrorOptions } from './errors.js';
export type {
  SubmitSiteRequest,
  SubmitMapsRequest,
  SubmitJobRequest,
  SubmitJobResponse,
  JobStatusResponse,
  JobResults,
  ListJobsQuery,
  JobListResponse,
  CancelJobResponse,
  JobWebhooksResponse,
  WebhookSecretResponse,
  WebhookEventName,
  HealthResponse,
  QueueStatsResponse,
  InfoResponse,
  ValidationIssue,
  JobErrorCode,
  JobStatus,
  ResponseFormat,
  ConnectedEvent,
  HeartbeatEvent,
  JobQueuedEvent,
  JobProcessingEvent,
  JobProgressEvent,
  JobCompletedEvent,
  JobFailedEvent,
  JobCancelledEvent,
  JobStreamEvent,
  JobStreamEventName,
} from './models.js';
export type { paths, components, operations } from './generated/openapi.js';
