/**
 * What an engine needs to be a job handler, and nothing that opens a database: engines
 * (`@spideriq/site`, `@spideriq/maps`) import `@spideriq/jobs/handler`, so loading them never loads
 * the SQLite or PostgreSQL drivers.
 */
export { JobError } from './errors.js';
export type { JobErrorCode } from './errors.js';
export type { JobContext, JobHandler, JobLogger, JobProgress } from './handler.js';
export type { ArtifactStorage, StoredArtifact } from './storage.js';
