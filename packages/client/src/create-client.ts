import createFetchClient, { type Client } from 'openapi-fetch';
import { AbortedError, SpiderIQError, StreamError } from './errors.js';
import { errorFromResponse, type ErrorContext } from './error-from-response.js';
import { parseJobEvents } from './event-stream.js';
import type { paths } from './generated/openapi.js';
import type {
  CancelJobResponse,
  HealthResponse,
  InfoResponse,
  JobListResponse,
  JobResults,
  JobStatusResponse,
  JobStreamEvent,
  JobWebhooksResponse,
  ListJobsQuery,
  QueueStatsResponse,
  ResponseFormat,
  SubmitJobRequest,
  SubmitJobResponse,
  SubmitMapsRequest,
  SubmitSiteRequest,
  WebhookSecretResponse,
} from './models.js';
import { waitForResults, type WaitForResultsOptions } from './wait-for-results.js';

/** How to reach a SpiderIQ server. */
export interface ClientOptions {
  /** Server origin, for example `http://127.0.0.1:8080` (paths start with `/api/v1`). */
  baseUrl: string;
  /** The three-part token `client_id:api_key:api_secret`; optional for the public system routes. */
  token?: string;
  /** A fetch implementation (tests, proxies, instrumentation). Defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the request; the call then rejects with AbortedError. */
  signal?: AbortSignal;
}

/** Options of the event stream. */
export interface EventsOptions extends RequestOptions {
  /** Only this job's events; without it, every job of the client. */
  jobId?: string;
}

/**
 * A typed SpiderIQ client. Every method returns the parsed JSON body of a successful answer
 * and throws a SpiderIQError subclass otherwise; `raw` is the underlying openapi-fetch client
 * for anything else (for example `?format=yaml` with `parseAs: 'text'`).
 */
export interface SpiderIQClient {
  /** The openapi-fetch client, typed by the generated `paths`. */
  readonly raw: Client<paths, 'application/json'>;
  /** Crawl a website: `POST /api/v1/jobs/spiderSite/submit`. */
  submitSite(body: SubmitSiteRequest, options?: RequestOptions): Promise<SubmitJobResponse>;
  /** Search business listings: `POST /api/v1/jobs/spiderMaps/submit`. */
  submitMaps(body: SubmitMapsRequest, options?: RequestOptions): Promise<SubmitJobResponse>;
  /** Submit any job type chosen in the body: `POST /api/v1/jobs/submit`. */
  submit(body: SubmitJobRequest, options?: RequestOptions): Promise<SubmitJobResponse>;
  /** `GET /api/v1/jobs/{job_id}/status`; throws JobNotFoundError on 404. */
  status(jobId: string, options?: RequestOptions): Promise<JobStatusResponse>;
  /**
   * `GET /api/v1/jobs/{job_id}/results`: resolves on 200 (status `completed`) and 202 (`queued`
   * or `processing`, `data` null); throws JobFailedError on 410 and JobNotFoundError on 404.
   */
  results(jobId: string, options?: RequestOptions): Promise<JobResults>;
  /**
   * The results as the server renders them (`yaml` or `md` for agents and people, `json` verbatim),
   * on 200 and 202; errors as for {@link SpiderIQClient.results}.
   */
  resultsText(jobId: string, format: ResponseFormat, options?: RequestOptions): Promise<string>;
  /** The status as the server renders it in `format`. */
  statusText(jobId: string, format: ResponseFormat, options?: RequestOptions): Promise<string>;
  /** `GET /api/v1/jobs/list`: a page of this client's jobs. */
  list(query?: ListJobsQuery, options?: RequestOptions): Promise<JobListResponse>;
  /** `DELETE /api/v1/jobs/{job_id}`: cancels a queued or processing job. */
  cancel(jobId: string, options?: RequestOptions): Promise<CancelJobResponse>;
  /** `GET /api/v1/jobs/{job_id}/webhooks` (extension): its webhooks and every delivery attempt; JobNotFoundError on 404. */
  jobWebhooks(jobId: string, options?: RequestOptions): Promise<JobWebhooksResponse>;
  /** `GET /api/v1/webhooks/secret` (extension): the `whsec_…` secret deliveries are signed with. */
  webhookSecret(options?: RequestOptions): Promise<WebhookSecretResponse>;
  /** `POST /api/v1/webhooks/secret/rotate` (extension): a new secret; the old one keeps signing for 24 hours. */
  rotateWebhookSecret(options?: RequestOptions): Promise<WebhookSecretResponse>;
  /** `GET /api/v1/system/health` (public). */
  health(options?: RequestOptions): Promise<HealthResponse>;
  /** `GET /api/v1/system/queue-stats` (public). */
  queueStats(options?: RequestOptions): Promise<QueueStatsResponse>;
  /** `GET /api/v1/system/info`. */
  info(options?: RequestOptions): Promise<InfoResponse>;
  /**
   * Follows `GET /api/v1/events/stream` and yields typed events until the server closes it or
   * `signal` aborts. Throws StreamError when the stream cannot be opened or breaks off.
   */
  events(options?: EventsOptions): AsyncGenerator<JobStreamEvent, void, undefined>;
  /**
   * Opens the event stream and resolves once the server answered `200 text/event-stream`, so a
   * caller can catch up on state it may have missed (the stream has no replay) before reading.
   */
  openEvents(options?: EventsOptions): Promise<AsyncGenerator<JobStreamEvent, void, undefined>>;
  /** Waits until the job has results; see {@link waitForResults}. */
  waitForResults(jobId: string, options?: WaitForResultsOptions): Promise<JobResults>;
}

const ACCEPT: Record<ResponseFormat, string> = { json: 'application/json', yaml: 'application/yaml', md: 'text/markdown' };

interface FetchOutcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Creates a typed client for one server and token. Browser-safe: fetch and streams only. */
export function createClient(options: ClientOptions): SpiderIQClient {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`;
  const raw = createFetchClient<paths, 'application/json'>({
    baseUrl: options.baseUrl,
    headers,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });

  async function call<T>(send: () => Promise<FetchOutcome<T>>, signal: AbortSignal | undefined, context: ErrorContext = {}): Promise<T> {
    let outcome: FetchOutcome<T>;
    try {
      outcome = await send();
    } catch (error) {
      throw transportError(error, signal);
    }
    if (!outcome.response.ok) throw errorFromResponse(outcome.response, outcome.error, context);
    if (outcome.data === undefined) {
      throw new SpiderIQError(`HTTP ${outcome.response.status} answered without a body`, 'http', { status: outcome.response.status });
    }
    return outcome.data;
  }

  const client: SpiderIQClient = {
    raw,
    submitSite: (body, { signal } = {}) => call(() => raw.POST('/api/v1/jobs/spiderSite/submit', { body, signal }), signal),
    submitMaps: (body, { signal } = {}) => call(() => raw.POST('/api/v1/jobs/spiderMaps/submit', { body, signal }), signal),
    submit: (body, { signal } = {}) => call(() => raw.POST('/api/v1/jobs/submit', { body, signal }), signal),
    status: (jobId, { signal } = {}) =>
      call(() => raw.GET('/api/v1/jobs/{job_id}/status', { params: { path: { job_id: jobId } }, signal }), signal, { jobId }),
    results: (jobId, { signal } = {}) =>
      call(() => raw.GET('/api/v1/jobs/{job_id}/results', { params: { path: { job_id: jobId } }, signal }), signal, { jobId }),
    resultsText: (jobId, format, { signal } = {}) =>
      call(
        () => raw.GET('/api/v1/jobs/{job_id}/results', { params: { path: { job_id: jobId }, query: { format } }, headers: { Accept: ACCEPT[format] }, parseAs: 'text', signal }),
        signal,
        { jobId },
      ),
    statusText: (jobId, format, { signal } = {}) =>
      call(
        () => raw.GET('/api/v1/jobs/{job_id}/status', { params: { path: { job_id: jobId }, query: { format } }, headers: { Accept: ACCEPT[format] }, parseAs: 'text', signal }),
        signal,
        { jobId },
      ),
    list: (query = {}, { signal } = {}) => call(() => raw.GET('/api/v1/jobs/list', { params: { query }, signal }), signal),
    cancel: (jobId, { signal } = {}) =>
      call(() => raw.DELETE('/api/v1/jobs/{job_id}', { params: { path: { job_id: jobId } }, signal }), signal, { jobId }),
    jobWebhooks: (jobId, { signal } = {}) =>
      call(() => raw.GET('/api/v1/jobs/{job_id}/webhooks', { params: { path: { job_id: jobId } }, signal }), signal, { jobId }),
    webhookSecret: ({ signal } = {}) => call(() => raw.GET('/api/v1/webhooks/secret', { signal }), signal),
    rotateWebhookSecret: ({ signal } = {}) => call(() => raw.POST('/api/v1/webhooks/secret/rotate', { signal }), signal),
    health: ({ signal } = {}) => call(() => raw.GET('/api/v1/system/health', { signal }), signal),
    queueStats: ({ signal } = {}) => call(() => raw.GET('/api/v1/system/queue-stats', { signal }), signal),
    info: ({ signal } = {}) => call(() => raw.GET('/api/v1/system/info', { signal }), signal),
    events: (eventOptions = {}) => followEvents(raw, options.token, eventOptions),
    openEvents: (eventOptions = {}) => openEvents(raw, options.token, eventOptions),
    waitForResults: (jobId, waitOptions) => waitForResults(client, jobId, waitOptions),
  };
  return client;
}

async function* followEvents(raw: Client<paths, 'application/json'>, token: string | undefined, options: EventsOptions): AsyncGenerator<JobStreamEvent, void, undefined> {
  yield* await openEvents(raw, token, options);
}

async function openEvents(
  raw: Client<paths, 'application/json'>,
  token: string | undefined,
  { jobId, signal }: EventsOptions,
): Promise<AsyncGenerator<JobStreamEvent, void, undefined>> {
  // EventSource cannot send headers, so the API takes the token in the query; the header goes too.
  const query = { token: token ?? '', ...(jobId === undefined ? {} : { job_id: jobId }) };
  let outcome: FetchOutcome<ReadableStream<Uint8Array> | null>;
  try {
    outcome = await raw.GET('/api/v1/events/stream', {
      params: { query },
      headers: { Accept: 'text/event-stream' },
      parseAs: 'stream',
      signal,
    });
  } catch (error) {
    const failure = transportError(error, signal);
    throw failure instanceof AbortedError ? failure : new StreamError('Could not open the event stream', { cause: failure });
  }
  const { response } = outcome;
  if (!response.ok) {
    const cause = errorFromResponse(response, outcome.error);
    throw new StreamError(`The event stream answered HTTP ${response.status}`, { status: response.status, detail: cause.detail, cause });
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.startsWith('text/event-stream') || outcome.data == null) {
    await response.body?.cancel().catch(() => undefined);
    throw new StreamError(`The event stream answered ${type === '' ? 'without a content type' : type}`, { status: response.status });
  }
  return abortAware(parseJobEvents(outcome.data), signal);
}

/** A read cut by the caller's abort is an AbortedError, not a broken stream. */
async function* abortAware(
  events: AsyncGenerator<JobStreamEvent, void, undefined>,
  signal: AbortSignal | undefined,
): AsyncGenerator<JobStreamEvent, void, undefined> {
  try {
    yield* events;
  } catch (error) {
    if (signal?.aborted) throw new AbortedError(signal.reason);
    throw error;
  }
}

/** A fetch that threw: the caller's abort, or the network. */
function transportError(error: unknown, signal: AbortSignal | undefined): SpiderIQError {
  if (error instanceof SpiderIQError) return error;
  if (signal?.aborted) return new AbortedError(signal.reason);
  return new SpiderIQError(`Network error: ${error instanceof Error ? error.message : String(error)}`, 'network', { cause: error });
}
