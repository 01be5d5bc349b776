import { JobError } from '@spideriq/jobs/handler';
import type { Clock, Sleep } from '../http/clock.js';
import { fetchWithRetry, type RetryPolicy } from '../http/retry.js';
import type { OverpassElement } from './element.js';

/** An Overpass `[out:json]` answer. `remark` carries runtime errors on an HTTP 200. */
export interface OverpassResponse {
  version?: number;
  generator?: string;
  elements?: OverpassElement[];
  remark?: string;
}

/** What the Overpass client needs. */
export interface OverpassConfig {
  url: string;
  userAgent: string;
  fetch: typeof fetch;
  clock: Clock;
  sleep: Sleep;
  retry: RetryPolicy;
}

/**
 * Runs an Overpass QL query (POST, form-encoded `data=`). Overload answers (429, 504) are retried with
 * backoff. A `remark` on an HTTP 200 means the query failed part-way (timeout, out of memory): the
 * elements may be partial, so it fails the job rather than return a silently short list.
 */
export async function runOverpass(config: OverpassConfig, query: string, signal: AbortSignal): Promise<OverpassElement[]> {
  const outcome = await fetchWithRetry(
    () =>
      config.fetch(config.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': config.userAgent, Accept: 'application/json' },
        body: new URLSearchParams({ data: query }).toString(),
        signal,
      }),
    { policy: config.retry, now: config.clock, sleep: config.sleep, signal },
  );
  if (outcome.failure) {
    const detail = outcome.failure.kind === 'status' ? `HTTP ${outcome.failure.response.status}` : String(outcome.failure.error);
    throw new JobError(
      `Overpass at ${config.url} is overloaded or unreachable (${detail}) after ${outcome.failure.attempts} attempts: retry later, or set SPIDERIQ_OVERPASS_URL to another instance.`,
      { code: 'provider_unavailable', cause: outcome.failure.kind === 'network' ? outcome.failure.error : undefined },
    );
  }
  const { response } = outcome;
  const text = await response.text();
  if (!response.ok) {
    throw new JobError(`Overpass at ${config.url} rejected the query (HTTP ${response.status}): ${text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300)}`, {
      code: 'provider_rejected',
    });
  }
  let body: OverpassResponse;
  try {
    body = JSON.parse(text) as OverpassResponse;
  } catch (error) {
    throw new JobError(`Overpass at ${config.url} did not answer JSON: check SPIDERIQ_OVERPASS_URL (it must be the interpreter endpoint, e.g. https://overpass-api.de/api/interpreter).`, {
      code: 'provider_unavailable',
      cause: error,
    });
  }
  if (typeof body.remark === 'string' && body.remark.trim() !== '') {
    throw new JobError(`Overpass could not finish the query: ${body.remark.trim()} Retry later, search a smaller area, or set SPIDERIQ_OVERPASS_URL to a less busy instance.`, {
      code: 'provider_unavailable',
    });
  }
  return body.elements ?? [];
}
