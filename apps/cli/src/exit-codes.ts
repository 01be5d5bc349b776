import { CommanderError } from 'commander';
import { AbortedError, SpiderIQError } from '@spideriq/client';
import { CliError } from './cli-error.js';

/**
 * The documented exit codes (`spideriq --help`, README). Scripts branch on them, so they never change
 * meaning: add new codes instead.
 */
export const ExitCode = {
  /** The command did what it was asked (the job completed). */
  ok: 0,
  /** Anything not listed below (network down, server error, unexpected answer). */
  error: 1,
  /** Bad command line or a request the API rejected as invalid (422). */
  usage: 2,
  /** Missing, malformed or rejected token (401), or an inactive account (403). */
  auth: 3,
  /** The job (or route) does not exist for this client (404). */
  notFound: 4,
  /** The job failed or was cancelled (410); its `error_message` and `[error_code]` go to stderr. */
  jobFailed: 5,
  /** Still rate limited (429) after the allowed retries. */
  rateLimited: 6,
  /** `--timeout` ran out before the job finished. */
  timeout: 7,
  /** Ctrl-C stopped the wait (128 + SIGINT, the shell convention). */
  interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const BY_CLIENT_CODE: Record<SpiderIQError['code'], ExitCodeValue> = {
  http: ExitCode.error,
  network: ExitCode.error,
  stream: ExitCode.error,
  auth: ExitCode.auth,
  validation: ExitCode.usage,
  not_found: ExitCode.notFound,
  job_not_found: ExitCode.notFound,
  job_failed: ExitCode.jobFailed,
  rate_limited: ExitCode.rateLimited,
  timeout: ExitCode.timeout,
  aborted: ExitCode.interrupted,
};

const BY_CLI_CODE: Record<CliError['code'], ExitCodeValue> = {
  usage: ExitCode.usage,
  auth: ExitCode.auth,
  config: ExitCode.usage,
  io: ExitCode.error,
};

/** The one place that turns an error into an exit code. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof AbortedError) return ExitCode.interrupted;
  if (error instanceof SpiderIQError) return BY_CLIENT_CODE[error.code];
  if (error instanceof CliError) return BY_CLI_CODE[error.code];
  // Commander: `--help` and `--version` exit 0; every parse error is a usage error.
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  return ExitCode.error;
}

/** The exit-code table as shown in `--help` and the README. */
export const EXIT_CODE_HELP = `Exit codes:
  0  completed
  1  any other error (network, server error)
  2  usage error, or the API rejected the request as invalid (422)
  3  authentication: no token, bad token (401) or inactive account (403)
  4  not found (404)
  5  the job failed or was cancelled (410); its error_message and [error_code] are printed to stderr
  6  rate limited (429) after the retries (--retries)
  7  timed out (--timeout)
  130 interrupted with Ctrl-C`;
