import type { CliEnv } from './config.js';

/** The part of a writable stream the CLI uses, so tests can hand in a buffer. */
export interface OutputStream {
  /** Writes text; `done` runs once it was handed to the OS (so large results are not cut off). */
  write(chunk: string, done?: (error?: Error | null) => void): boolean;
  /** True on a terminal. */
  isTTY?: boolean | undefined;
  /** Terminal width, when known. */
  columns?: number | undefined;
}

/** stdin (`spideriq login` reads the token from it); `isTTY` decides between a prompt and a pipe. */
export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean | undefined };

/**
 * Everything the CLI takes from the process, passed in once by main.ts: no module reads `process`
 * directly, so every command runs the same against real streams and in a test.
 */
export interface CliIo {
  /** The environment, read once at start-up. */
  env: CliEnv;
  /** Results. */
  stdout: OutputStream;
  /** Logs, progress and errors. */
  stderr: OutputStream;
  /** Token input for `login`. */
  stdin: InputStream;
  /** The user's home folder (for the default config path). */
  homedir: string;
  /** The working folder (relative `--out` paths). */
  cwd: string;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
  /** Milliseconds since the epoch (progress shows elapsed time). */
  now(): number;
}

/** Writes and resolves once the chunk was flushed, so output is complete before the process exits. */
export function writeFully(stream: OutputStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}
