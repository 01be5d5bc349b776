import type { AiError } from '@spideriq/schema';

/** Why one feature produced nothing; becomes `metadata.ai_errors.<field>` and never fails the job. */
export class FeatureError extends Error {
  override readonly name = 'FeatureError';
  readonly code: AiError['code'];
  constructor(message: string, options: { code: AiError['code']; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}
