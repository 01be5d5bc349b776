import { z } from 'zod';

/** What each failure code means; the enum's description is built from it, so the two cannot drift. */
export const JOB_ERROR_CODES = {
  invalid_payload: 'The stored payload did not validate against its job type (a server bug or an old queue).',
  invalid_url: 'The URL matched the submit pattern but no URL parser reads it (a host with malformed punycode).',
  blocked_url: 'The URL, or a redirect from it, points at a private, loopback or otherwise disallowed address (SSRF guard).',
  fetch_failed: 'The target site could not be fetched: DNS, connection, TLS, HTTP error, redirect loop or a body that is too large.',
  provider_rejected: 'The maps provider refused the request: a bad or restricted API key, a quota, or a query it cannot answer.',
  provider_unavailable: 'The maps provider was unreachable, answered 5xx, or answered something that is not its protocol.',
  timeout: 'The job or one of its upstream calls ran out of time.',
  cancelled: 'The client cancelled the job.',
  interrupted: 'The job was interrupted (worker crash or lost lease) on every allowed attempt.',
  internal: 'An unexpected error inside the engine; the message says what happened.',
} as const;

/**
 * Machine-readable reason a job failed or was cancelled (extension). Clients branch on this, never
 * on `error_message`, whose wording may change.
 */
export const JobErrorCodeSchema = z
  .enum(Object.keys(JOB_ERROR_CODES) as [keyof typeof JOB_ERROR_CODES, ...(keyof typeof JOB_ERROR_CODES)[]])
  .meta({
    description: `Why a job failed or was cancelled:\n${Object.entries(JOB_ERROR_CODES)
      .map(([code, meaning]) => `- \`${code}\`: ${meaning}`)
      .join('\n')}`,
    example: 'fetch_failed',
  });
export type JobErrorCode = z.infer<typeof JobErrorCodeSchema>;

/** The `error_code` field of the status and results bodies: always present, null unless failed or cancelled. */
export const ErrorCodeFieldSchema = JobErrorCodeSchema.nullable()
  .default(null)
  .meta({ description: 'Extension, always present: the machine-readable reason when `status` is `failed` or `cancelled`, otherwise null.' });
