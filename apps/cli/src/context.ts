import type { Command } from 'commander';
import { createClient, type SpiderIQClient } from '@spideriq/client';
import type { Format } from '@spideriq/schema';
import { CliError } from './cli-error.js';
import { loadConnection, type Connection } from './config.js';
import type { CliIo } from './io.js';
import { emit, type RenderSchema } from './output.js';
import { progressStyle, type ProgressStyle } from './progress.js';
import { withRateLimitRetry } from './rate-limit-retry.js';

/** The options every command shares (see `spideriq --help`). */
export interface GlobalOptions {
  /** `--api-url`. */
  apiUrl?: string | undefined;
  /** `--token`. */
  token?: string | undefined;
  /** `--format json|yaml|md`. */
  format: Format;
  /** `--out FILE`. */
  out?: string | undefined;
  /** False with `--no-wait`. */
  wait: boolean;
  /** `--timeout SECONDS`. */
  timeout: number;
  /** `--retries N`: 429 answers to wait out. */
  retries: number;
  /** `--cancel-on-interrupt`. */
  cancelOnInterrupt: boolean;
  /** `--quiet`: no progress. */
  quiet: boolean;
  /** `--tokens`: print the output's token count. */
  tokens: boolean;
}

/** What a command's action works with: a client for the resolved connection and the output rules. */
export interface CommandContext {
  /** The process streams and environment. */
  io: CliIo;
  /** Parsed shared options. */
  options: GlobalOptions;
  /** The resolved server and token. */
  connection: Connection;
  /** The typed API client; every HTTP call goes through it. */
  client: SpiderIQClient;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Epoch ms at which `--timeout` runs out. */
  deadline: number;
  /** How waiting progress is shown. */
  progress: ProgressStyle;
  /** Calls the API, waiting out 429 answers per `--retries`. */
  call<T>(send: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Renders a response in `--format` to stdout or `--out`. */
  emit(value: unknown, schema: RenderSchema): Promise<void>;
  /** A line on stderr (unless `--quiet`). */
  log(text: string): void;
  /** Fails with exit code 3 and a helpful message when no token was given anywhere. */
  requireToken(): void;
  /** Stops listening for Ctrl-C. */
  dispose(): void;
}

/** The CLI's version, sent as its User-Agent. */
export interface ContextOptions {
  /** `spideriq/<version>`. */
  userAgent: string;
}

/** Resolves the connection and wires the client, Ctrl-C and output for one command run. */
export async function createContext(io: CliIo, options: GlobalOptions, { userAgent }: ContextOptions): Promise<CommandContext> {
  const connection = await loadConnection({ apiUrl: options.apiUrl, token: options.token }, io.env, io.homedir);
  const client = createClient({
    baseUrl: connection.apiUrl,
    ...(connection.token === null ? {} : { token: connection.token }),
    headers: { 'User-Agent': userAgent },
  });
  const interrupt = new AbortController();
  const stopListening = io.onInterrupt(() => interrupt.abort(new Error('Interrupted (Ctrl-C)')));
  const deadline = io.now() + options.timeout * 1000;
  const log = (text: string) => {
    if (!options.quiet) io.stderr.write(`${text}\n`);
  };
  return {
    io,
    options,
    connection,
    client,
    signal: interrupt.signal,
    deadline,
    progress: progressStyle({
      stdoutTTY: io.stdout.isTTY === true,
      stderrTTY: io.stderr.isTTY === true,
      quiet: options.quiet,
      noColor: io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '',
      dumb: io.env.TERM === 'dumb',
    }),
    call: (send) =>
      withRateLimitRetry(() => send(interrupt.signal), {
        retries: options.retries,
        deadline,
        signal: interrupt.signal,
        now: io.now,
        onWait: (ms, attempt) => log(`Rate limited; retrying in ${(ms / 1000).toFixed(1)}s (retry ${attempt} of ${options.retries})`),
      }),
    emit: (value, schema) =>
      emit(value, schema, { format: options.format, out: options.out, tokens: options.tokens, stdout: io.stdout, stderr: io.stderr, cwd: io.cwd }),
    log,
    requireToken() {
      if (connection.token !== null) return;
      throw new CliError(
        'auth',
        `No API token. Pass --token, set SPIDERIQ_TOKEN, or run \`spideriq login\` (config file: ${connection.configPath}).`,
      );
    },
    dispose: stopListening,
  };
}

/** Runs a command body with a context built from the command's options (and its parents'). */
export type WithContext = (command: Command, body: (context: CommandContext) => Promise<void>) => Promise<void>;
