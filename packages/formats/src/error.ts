/** What went wrong while rendering or parsing a format. */
export type FormatErrorCode = 'UNSUPPORTED_FORMAT' | 'INVALID_YAML' | 'INVALID_VALUE';

/**
 * The one error this package throws. `code` lets the server map it to a status (for example a body that
 * does not parse is a 422) without matching on message text.
 */
export class FormatError extends Error {
  override readonly name = 'FormatError';

  constructor(
    readonly code: FormatErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
