import { z } from 'zod';

/** The job types this server runs. */
export const JobTypeSchema = z
  .enum(['spiderSite', 'spiderMaps'])
  .meta({ description: 'Job type: `spiderSite` crawls a website, `spiderMaps` searches business listings.', example: 'spiderSite' });
export type JobType = z.infer<typeof JobTypeSchema>;

/** Lifecycle: queued → processing → completed | failed; queued | processing → cancelled. */
export const JobStatusSchema = z
  .enum(['queued', 'processing', 'completed', 'failed', 'cancelled'])
  .meta({ description: 'Job status. `completed`, `failed` and `cancelled` are terminal.', example: 'completed' });
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** Job identifiers are UUIDs. */
export const JobIdSchema = z
  .uuid()
  .meta({ description: 'The unique identifier of the job (UUID).', example: '550e8400-e29b-41d4-a716-446655440000' });

/** An ISO 8601 timestamp in UTC. */
export const TimestampSchema = z
  .string()
  .meta({ description: 'ISO 8601 timestamp (UTC).', example: '2025-10-27T14:30:15Z' });

/** Queue priority; higher runs first, equal priorities run first in, first out. */
export const PrioritySchema = z
  .int()
  .min(0)
  .max(10)
  .meta({ description: 'Queue priority from 0 to 10. Higher runs first; equal priorities run in submission order.', example: 0 });

/** The response formats every GET offers. */
export const FormatSchema = z
  .enum(['json', 'yaml', 'md'])
  .meta({
    description:
      'Response format. `json` (default), `yaml` (same shape, null fields dropped, fewer tokens) or `md` (Markdown for people and agents).',
    example: 'yaml',
  });
export type Format = z.infer<typeof FormatSchema>;

/** `?format=` on every GET. */
export const FormatQuerySchema = z.object({ format: FormatSchema.optional() });
export type FormatQuery = z.infer<typeof FormatQuerySchema>;

const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
// The last label starts with a letter, so a WHATWG URL parser never reads the host as an IPv4 number.
const LAST_LABEL = '[A-Za-z](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const H16 = '[0-9A-Fa-f]{1,4}';
// RFC 4291 text forms without an embedded IPv4 tail or a zone: every match is a valid WHATWG IPv6 host.
const IPV6 = [
  `(?:${H16}:){7}${H16}`,
  `(?:${H16}:){1,7}:`,
  `(?:${H16}:){1,6}:${H16}`,
  `(?:${H16}:){1,5}(?::${H16}){1,2}`,
  `(?:${H16}:){1,4}(?::${H16}){1,3}`,
  `(?:${H16}:){1,3}(?::${H16}){1,4}`,
  `(?:${H16}:){1,2}(?::${H16}){1,5}`,
  `${H16}:(?::${H16}){1,6}`,
  `:(?:(?::${H16}){1,7}|:)`,
].join('|');
const PORT = '(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})';

/**
 * An absolute http(s) URL as a pattern the OpenAPI document carries verbatim: scheme, optional user
 * info, an ASCII host name (IDN hosts in their punycode `xn--` form), a dotted IPv4 address or a bracketed IPv6
 * address, a port
 * up to 65535, then any path, query and fragment without white space. Every match parses as a WHATWG
 * URL except a host with malformed punycode, which the crawler reports as `invalid_url`.
 */
export const HTTP_URL_PATTERN = new RegExp(
  `^[Hh][Tt][Tt][Pp][Ss]?://(?:[^\\s/?#@\\[\\]\\\\]+@)?(?:(?:${OCTET}\\.){3}${OCTET}|\\[(?:${IPV6})\\]|(?:${LABEL}\\.)*${LAST_LABEL})(?::${PORT})?(?:[/?#]\\S*)?$`,
);

/** An absolute http(s) URL (see {@link HTTP_URL_PATTERN}). */
export const HttpUrlSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(HTTP_URL_PATTERN, 'must be an absolute http:// or https:// URL with a host name, IPv4 or [IPv6] address (IDN hosts in punycode)');
