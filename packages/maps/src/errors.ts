/** Why the engine's configuration was refused. */
export type MapsConfigErrorCode = 'missing_api_key' | 'unknown_provider' | 'invalid_url';

/**
 * A configuration mistake found when the handler is created, so the server fails at start-up
 * rather than on the first job.
 */
export class MapsConfigError extends Error {
  override readonly name = 'MapsConfigError';
  readonly code: MapsConfigErrorCode;

  constructor(message: string, options: { code: MapsConfigErrorCode; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}
