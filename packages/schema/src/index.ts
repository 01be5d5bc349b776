export { JobTypeSchema, JobStatusSchema, JobIdSchema, TimestampSchema, PrioritySchema, FormatSchema, FormatQuerySchema, HttpUrlSchema } from './primitives.js';
export type { JobType, JobStatus, Format, FormatQuery } from './primitives.js';
export { HttpErrorSchema, ValidationErrorSchema, ValidationIssueSchema } from './errors.js';
export type { HttpError, ValidationError, ValidationIssue } from './errors.js';
export { ApiTokenSchema, parseApiToken, INVALID_TOKEN_DETAIL } from './auth.js';
export type { ApiToken } from './auth.js';
export {
  SiteModeSchema,
  CrawlStrategySchema,
  CleanupLevelSchema,
  ExtractionStrategySchema,
  CompendiumOptionsSchema,
  CustomAiPromptSchema,
  SiteOverridesSchema,
  SpiderSitePayloadSchema,
  SubmitSiteRequestSchema,
} from './site/payload.js';
export type { SiteMode, CrawlStrategy, CleanupLevel, ExtractionStrategy, CompendiumOptions, SpiderSitePayload, SubmitSiteRequest } from './site/payload.js';
export { SOCIAL_PLATFORMS } from './site/socials.js';
export type { SocialPlatform } from './site/socials.js';
export {
  PhoneDetailSchema,
  CompendiumInfoSchema,
  CompanyVitalsSchema,
  TeamMemberSchema,
  LeadScoringSchema,
  PersonalizationHooksSchema,
  LogoSchema,
  PageMetaSchema,
  CrawledPageSchema,
  SiteMetadataSchema,
  SiteDataSchema,
  AiSourceSchema,
  AiUsageSchema,
  AiErrorSchema,
  AiGroundingSchema,
  AiContactValidationSchema,
  ContactRejectionReasonSchema,
} from './site/data.js';
export type { PhoneDetail, CompendiumInfo, SiteMetadata, SiteData, Logo, PageMeta, AiSource, AiUsage, AiError, AiGrounding, AiContactValidation, ContactRejectionReason } from './site/data.js';
export { SpiderMapsPayloadSchema, SubmitMapsRequestSchema, mapsQueryText } from './maps/payload.js';
export type { SpiderMapsPayload, SubmitMapsRequest } from './maps/payload.js';
export { ReviewSchema, PhotoSchema, BusinessSchema, MapsMetadataSchema, MapsDataSchema } from './maps/data.js';
export type { Business, MapsData } from './maps/data.js';
export { SubmitJobRequestSchema, SubmitJobResponseSchema } from './jobs/submit.js';
export type { SubmitJobRequest, SubmitJobResponse } from './jobs/submit.js';
export { JobStatusResponseSchema, JobProgressSchema } from './jobs/status.js';
export type { JobStatusResponse, JobProgressInfo } from './jobs/status.js';
export { JobErrorCodeSchema, JOB_ERROR_CODES, ErrorCodeFieldSchema } from './jobs/error-code.js';
export type { JobErrorCode } from './jobs/error-code.js';
export { JobResultsSchema, SiteJobResultsSchema, MapsJobResultsSchema } from './jobs/results.js';
export type { JobResults, SiteJobResults, MapsJobResults } from './jobs/results.js';
export { ListJobsQuerySchema, JobSummarySchema, JobListResponseSchema, CancelJobResponseSchema } from './jobs/list.js';
export type { ListJobsQuery, JobSummary, JobListResponse, CancelJobResponse } from './jobs/list.js';
export { HealthResponseSchema } from './system/health.js';
export type { HealthResponse } from './system/health.js';
export { QueueStatsResponseSchema } from './system/queue-stats.js';
export type { QueueStatsResponse } from './system/queue-stats.js';
export { InfoResponseSchema } from './system/info.js';
export type { InfoResponse } from './system/info.js';
export {
  ConnectedEventSchema,
  HeartbeatEventSchema,
  JobQueuedEventSchema,
  JobProcessingEventSchema,
  JobProgressEventSchema,
  JobCompletedEventSchema,
  JobFailedEventSchema,
  JobCancelledEventSchema,
  JobEventSchema,
  TERMINAL_EVENTS,
  EventStreamQuerySchema,
} from './events.js';
export type { JobEvent, JobEventName } from './events.js';
export { components } from './components.js';
export {
  WebhookEventNameSchema,
  DEFAULT_WEBHOOK_EVENTS,
  webhookRequestFields,
  WebhookAttemptSchema,
  WebhookDeliverySchema,
  JobWebhooksResponseSchema,
  WebhookSecretResponseSchema,
} from './webhooks.js';
export type { WebhookEventName, WebhookAttempt, WebhookDelivery, JobWebhooksResponse, WebhookSecretResponse } from './webhooks.js';
export { operations, JobPathSchema, defineOperation, routePath, OPERATION_TAGS } from './operations/index.js';
export type { Operation, OperationAuth, OperationInput, OperationResponse, OperationTag, OperationId, MediaKind, HttpMethod, DocumentedStatus } from './operations/index.js';
