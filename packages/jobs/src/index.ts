export { JobError } from './errors.js';
export type { JobErrorCode } from './errors.js';
export type { ArtifactStorage, StoredArtifact } from './storage.js';
export type { JobContext, JobHandler, JobLogger, JobProgress } from './handler.js';
