/** Machine-readable reasons a fetch can fail. `blocked_url` is a policy refusal, never a network failure. */
export type FetchErrorCode =
  | 'blocked_url'
  | 'invalid_url'
  | 'timeout'
  | 'aborted'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'network';

/** A failed fetch, with the URL that failed and a code the crawler maps to page errors or job errors. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: FetchErrorCode;
  readonly url: string;
  /** HTTP status of the last response, when there was one. */
  readonly status: number | null;

  constructor(message: string, options: { code: FetchErrorCode; url: string; status?: number | null; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.url = options.url;
    this.status = options.status ?? null;
  }
}
