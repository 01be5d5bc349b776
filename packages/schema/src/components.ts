import { HttpErrorSchema, ValidationErrorSchema, ValidationIssueSchema } from './errors.js';
import { SpiderSitePayloadSchema, SubmitSiteRequestSchema, CompendiumOptionsSchema } from './site/payload.js';
import { SiteDataSchema, CompendiumInfoSchema, PhoneDetailSchema, SiteMetadataSchema, TeamMemberSchema, CompanyVitalsSchema, LeadScoringSchema, PersonalizationHooksSchema, LogoSchema, PageMetaSchema, CrawledPageSchema } from './site/data.js';
import { SpiderMapsPayloadSchema, SubmitMapsRequestSchema } from './maps/payload.js';
import { BusinessSchema, MapsDataSchema, MapsMetadataSchema, ReviewSchema, PhotoSchema } from './maps/data.js';
import { SubmitJobRequestSchema, SubmitJobResponseSchema } from './jobs/submit.js';
import { JobStatusResponseSchema, JobProgressSchema } from './jobs/status.js';
import { JobErrorCodeSchema } from './jobs/error-code.js';
import { JobResultsSchema, SiteJobResultsSchema, MapsJobResultsSchema } from './jobs/results.js';
import { JobListResponseSchema, JobSummarySchema, CancelJobResponseSchema } from './jobs/list.js';
import { HealthResponseSchema } from './system/health.js';
import { QueueStatsResponseSchema } from './system/queue-stats.js';
import { InfoResponseSchema } from './system/info.js';
import {
  ConnectedEventSchema,
  HeartbeatEventSchema,
  JobQueuedEventSchema,
  JobProcessingEventSchema,
  JobProgressEventSchema,
  JobCompletedEventSchema,
  JobFailedEventSchema,
  JobCancelledEventSchema,
} from './events.js';

/**
 * Every named model, by the name it has in the OpenAPI `components.schemas` and the docs.
 * The code generators register exactly these; a model added here appears in both documents.
 */
export const components = {
  HttpError: HttpErrorSchema,
  ValidationError: ValidationErrorSchema,
  ValidationIssue: ValidationIssueSchema,
  SpiderSitePayload: SpiderSitePayloadSchema,
  CompendiumOptions: CompendiumOptionsSchema,
  SubmitSiteRequest: SubmitSiteRequestSchema,
  SpiderMapsPayload: SpiderMapsPayloadSchema,
  SubmitMapsRequest: SubmitMapsRequestSchema,
  SubmitJobRequest: SubmitJobRequestSchema,
  SubmitJobResponse: SubmitJobResponseSchema,
  JobProgress: JobProgressSchema,
  JobStatusResponse: JobStatusResponseSchema,
  PhoneDetail: PhoneDetailSchema,
  CompendiumInfo: CompendiumInfoSchema,
  CompanyVitals: CompanyVitalsSchema,
  TeamMember: TeamMemberSchema,
  LeadScoring: LeadScoringSchema,
  PersonalizationHooks: PersonalizationHooksSchema,
  Logo: LogoSchema,
  PageMeta: PageMetaSchema,
  CrawledPage: CrawledPageSchema,
  SiteMetadata: SiteMetadataSchema,
  SiteData: SiteDataSchema,
  Review: ReviewSchema,
  Photo: PhotoSchema,
  Business: BusinessSchema,
  MapsMetadata: MapsMetadataSchema,
  MapsData: MapsDataSchema,
  JobErrorCode: JobErrorCodeSchema,
  SiteJobResults: SiteJobResultsSchema,
  MapsJobResults: MapsJobResultsSchema,
  JobResults: JobResultsSchema,
  JobSummary: JobSummarySchema,
  JobListResponse: JobListResponseSchema,
  CancelJobResponse: CancelJobResponseSchema,
  HealthResponse: HealthResponseSchema,
  QueueStatsResponse: QueueStatsResponseSchema,
  InfoResponse: InfoResponseSchema,
  ConnectedEvent: ConnectedEventSchema,
  HeartbeatEvent: HeartbeatEventSchema,
  JobQueuedEvent: JobQueuedEventSchema,
  JobProcessingEvent: JobProcessingEventSchema,
  JobProgressEvent: JobProgressEventSchema,
  JobCompletedEvent: JobCompletedEventSchema,
  JobFailedEvent: JobFailedEventSchema,
  JobCancelledEvent: JobCancelledEventSchema,
} as const;
