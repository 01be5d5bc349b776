import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary, run exactly as `npx spideriq` would. */
export const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** What a run of the binary produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  /** Extra environment; the base has only PATH, a fresh HOME and a fresh SPIDERIQ_CONFIG. */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Called with each stderr chunk (for example to send Ctrl-C once the job id shows). */
  onStderr?: (text: string, child: ChildProcess) => void;
  /** Kills the child after this long; the test then fails on the exit code. */
  killAfterMs?: number;
}

/** A clean environment: nothing from the developer's shell (no SPIDERIQ_* leaks in). */
export function baseEnv(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'siq-cli-home-'));
  return { PATH: process.env.PATH ?? '', HOME: home, SPIDERIQ_CONFIG: join(home, 'config.json') };
}

/**
 * Runs the binary asynchronously (the server under test lives in this process, so a synchronous
 * spawn would block it). stdout and stderr are pipes, which is the non-TTY case.
 */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...baseEnv(), ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    options.onStderr?.(stderr, child);
  });
  child.stdin.end(options.input ?? '');
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 20_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The ESC byte every ANSI escape sequence starts with. */
export const ESC = '\u001b';

/** True when util-linux `script` is there to give the binary a pseudo-terminal. */
export function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the binary on a pseudo-terminal (util-linux `script`), so stdout and stderr are both TTYs as in
 * an interactive shell. The two streams arrive merged, as a terminal shows them.
 */
export function runInTerminal(args: string[], env: Record<string, string> = {}, answer?: { when: RegExp; text: string }): Promise<CliRun> {
  const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], { env: { ...baseEnv(), COLUMNS: '100', TERM: 'xterm', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let answered = answer === undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    // Type the answer (as a terminal would send it, ending in Enter) once the prompt shows.
    if (!answered && answer?.when.test(stdout)) {
      answered = true;
      child.stdin.write(`${answer.text}\r`);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}
