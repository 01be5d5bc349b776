import type { JobErrorCode } from '@spideriq/schema';

/** Machine-readable reasons a job can fail: the schema's `JobErrorCode`, stored with the job as `error_code`. */
export type { JobErrorCode };

/**
 * An error a job handler throws to fail its job with a message meant for the API user.
 * The message becomes the job's `error_message` and the code its `error_code`. `retryable: false` fails the job at once;
 * a retryable error (and any other thrown error) lets the queue try again, up to the attempt limit.
 */
export class JobError extends Error {
  override readonly name = 'JobError';
  readonly code: JobErrorCode;
  readonly retryable: boolean;

  constructor(message: string, options: { code: JobErrorCode; retryable?: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.retryable = options.retryable ?? false;
  }
}
