import { AbortedError, JobFailedError, RateLimitedError, StreamError, TimeoutError } from './errors.js';
import { isTerminalEvent } from './event-stream.js';
import type { JobResults, JobStatus, JobStreamEvent, JobStreamEventName } from './models.js';
import { sleep } from '@spideriq/schema/http';

/** What `waitForResults` needs from a client; `createClient` returns one. */
export interface JobResultsSource {
  /** Resolves with the 200 or 202 body; throws JobFailedError (410), JobNotFoundError (404), RateLimitedError (429). */
  results(jobId: string, options?: { signal?: AbortSignal }): Promise<JobResults>;
  /** Resolves once the event stream is open; throws StreamError when it cannot be opened. */
  openEvents(options: { jobId?: string; signal?: AbortSignal }): Promise<AsyncGenerator<JobStreamEvent, void, undefined>>;
}

/** One step towards the results, reported to `onProgress`. */
export type WaitProgress =
  | {
      /** A poll answered 202. */
      source: 'poll';
      status: JobStatus;
      /** The 202 body (`data` is null). */
      results: JobResults;
    }
  | {
      /** The event stream sent a job event. */
      source: 'sse';
      status: JobStatus;
      /** The event as sent, for example a `job.progress` with `pages_crawled`. */
      event: JobStreamEvent;
    };

/** How to wait. Every duration is in milliseconds. */
export interface WaitForResultsOptions {
  /** Pause between polls (default 2000). */
  interval?: number;
  /** Give up with TimeoutError after this long (default 600 000; `Infinity` waits forever). */
  timeout?: number;
  /** Abort the wait; it then rejects with AbortedError. */
  signal?: AbortSignal;
  /** Called on every 202 (polling) or job event (SSE) before the job is done. */
  onProgress?: (progress: WaitProgress) => void;
  /**
   * `poll` (default) asks for the results every `interval`; `sse` follows the event stream and
   * fetches the results once the job is terminal, falling back to polling if the stream fails.
   */
  via?: 'poll' | 'sse';
  /** How many 429 answers in a row to wait out before throwing RateLimitedError (default 5). */
  maxRateLimitRetries?: number;
  /** Told why the event stream was given up before polling takes over (`via: 'sse'` only). */
  onStreamError?: (error: StreamError) => void;
}

const DEFAULT_INTERVAL = 2_000;
const DEFAULT_TIMEOUT = 600_000;
const DEFAULT_RATE_LIMIT_RETRIES = 5;
// setTimeout overflows above 2^31-1 ms; anything longer is "no timeout".
const MAX_TIMER = 2_147_483_647;

const STATUS_OF_EVENT: Record<JobStreamEventName, JobStatus | null> = {
  connected: null,
  heartbeat: null,
  'job.queued': 'queued',
  'job.processing': 'processing',
  'job.progress': 'processing',
  'job.completed': 'completed',
  'job.failed': 'failed',
  'job.cancelled': 'cancelled',
};

/**
 * Waits until a job has results and returns the 200 body.
 * Throws JobNotFoundError (404), JobFailedError (410, with `error_message` and the final body),
 * RateLimitedError (429 beyond `maxRateLimitRetries`), TimeoutError or AbortedError.
 * `Retry-After` is honoured on 429; the wait never outlives `timeout` or `signal`.
 */
export async function waitForResults(client: JobResultsSource, jobId: string, options: WaitForResultsOptions = {}): Promise<JobResults> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const scope = new WaitScope(timeout, options.signal);
  try {
    if (options.via === 'sse') {
      const viaStream = await followStream(client, jobId, options, scope.signal);
      if (viaStream !== null) return viaStream;
    }
    return await poll(client, jobId, options, scope.signal);
  } catch (error) {
    throw scope.translate(error);
  } finally {
    scope.dispose();
  }
}

async function poll(client: JobResultsSource, jobId: string, options: WaitForResultsOptions, signal: AbortSignal): Promise<JobResults> {
  const interval = options.interval ?? DEFAULT_INTERVAL;
  const maxRetries = options.maxRateLimitRetries ?? DEFAULT_RATE_LIMIT_RETRIES;
  let rateLimited = 0;
  for (;;) {
    let results: JobResults;
    try {
      results = await client.results(jobId, { signal });
      rateLimited = 0;
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      rateLimited += 1;
      if (rateLimited > maxRetries) throw error;
      await sleep(error.retryAfterMs ?? interval, signal);
      continue;
    }
    const done = settle(jobId, results);
    if (done !== null) return done;
    options.onProgress?.({ source: 'poll', status: results.status, results });
    await sleep(interval, signal);
  }
}

/** Returns the results once terminal via the stream, or null to hand over to polling. */
async function followStream(
  client: JobResultsSource,
  jobId: string,
  options: WaitForResultsOptions,
  signal: AbortSignal,
): Promise<JobResults | null> {
  let stream: AsyncGenerator<JobStreamEvent, void, undefined>;
  try {
    stream = await client.openEvents({ jobId, signal });
  } catch (error) {
    return giveUpStream(error, options);
  }
  try {
    // The stream has no replay: the job may have finished before it opened.
    const caughtUp = await checkOnce(client, jobId, signal);
    if (caughtUp !== null) return caughtUp;
    for await (const event of stream) {
      const status = STATUS_OF_EVENT[event.event];
      if (status === null || ('job_id' in event && event.job_id !== jobId)) continue;
      if (!isTerminalEvent(event)) {
        options.onProgress?.({ source: 'sse', status, event });
        continue;
      }
      // Terminal: the results route is authoritative (410 throws JobFailedError with the body).
      return await checkOnce(client, jobId, signal);
    }
    return giveUpStream(new StreamError('The event stream ended before the job finished'), options);
  } catch (error) {
    return giveUpStream(error, options);
  } finally {
    await stream.return(undefined).catch(() => undefined);
  }
}

function giveUpStream(error: unknown, options: WaitForResultsOptions): null {
  if (!(error instanceof StreamError)) throw error;
  options.onStreamError?.(error);
  return null;
}

/** One results request: the body when terminal, null while pending or rate limited. */
async function checkOnce(client: JobResultsSource, jobId: string, signal: AbortSignal): Promise<JobResults | null> {
  try {
    return settle(jobId, await client.results(jobId, { signal }));
  } catch (error) {
    if (error instanceof RateLimitedError) return null;
    throw error;
  }
}

function settle(jobId: string, results: JobResults): JobResults | null {
  if (results.status === 'completed') return results;
  // The API answers 410 for these; a 200 saying so is still a failure, never a half result.
  if (results.status === 'failed' || results.status === 'cancelled') throw new JobFailedError(jobId, results);
  return null;
}

/** One AbortSignal for the caller's signal and the timeout, and the error each one means. */
class WaitScope {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly timeoutMarker = new Error('timeout');
  private readonly onAbort: () => void;

  constructor(
    private readonly timeoutMs: number,
    private readonly outer: AbortSignal | undefined,
  ) {
    this.onAbort = () => this.controller.abort(outer?.reason);
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.onAbort, { once: true });
    if (Number.isFinite(timeoutMs) && timeoutMs <= MAX_TIMER) {
      this.timer = setTimeout(() => this.controller.abort(this.timeoutMarker), Math.max(0, timeoutMs));
    }
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  translate(error: unknown): unknown {
    const { signal } = this.controller;
    if (!signal.aborted || !(error instanceof AbortedError || error === signal.reason)) return error;
    return signal.reason === this.timeoutMarker ? new TimeoutError(this.timeoutMs) : new AbortedError(this.outer?.reason ?? signal.reason);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onAbort);
  }
}
