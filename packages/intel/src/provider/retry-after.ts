/**
 * The repository's one `Retry-After` parser (RFC 9110 §10.2.3). It lives in the client package today;
 * this re-export is the single place to redirect when the shared kit takes it over.
 */
export { parseRetryAfter } from '@spideriq/client';
