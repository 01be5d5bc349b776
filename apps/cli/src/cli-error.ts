/** What went wrong before or around an API call, as opposed to an error the API answered. */
export type CliErrorCode = 'usage' | 'auth' | 'config' | 'io';

/**
 * An error the CLI raises itself (bad flag value, no token, unreadable config file), so the exit-code
 * mapping can tell it apart from the client's typed API errors.
 */
export class CliError extends Error {
  override name = 'CliError';
  /** Which kind of failure this is; decides the exit code. */
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
