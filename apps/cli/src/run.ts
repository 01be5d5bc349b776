import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createContext, type CommandContext, type GlobalOptions, type WithContext } from './context.js';
import { errorMessage } from './error-message.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import type { CliIo } from './io.js';
import { buildProgram } from './program.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Runs `spideriq` with `argv` (as in `process.argv`) and resolves with the exit code; never exits the
 * process itself, so main.ts decides and the code can be run in-process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let context: CommandContext | null = null;
  const withContext: WithContext = async (command: Command, body) => {
    context = await createContext(io, command.optsWithGlobals<GlobalOptions>(), { userAgent: `spideriq-cli/${VERSION}` });
    try {
      await body(context);
    } finally {
      context.dispose();
    }
  };
  const program = buildProgram(withContext, io, VERSION);
  try {
    await program.parseAsync(withoutLeadingSeparator(argv));
    return ExitCode.ok;
  } catch (error) {
    const ran = context as CommandContext | null;
    const message = errorMessage(error, { apiUrl: ran?.connection.apiUrl ?? null, timeoutSeconds: ran?.options.timeout ?? null });
    if (message !== null) io.stderr.write(`spideriq: ${message}\n`);
    return exitCodeFor(error);
  }
}

/**
 * `pnpm start -- site …` and `npm run start -- site …` hand the `--` on to the script, where commander
 * would read it as "no more options"; a `--` right after the script path can only be that.
 */
function withoutLeadingSeparator(argv: readonly string[]): string[] {
  return argv[2] === '--' ? [...argv.slice(0, 2), ...argv.slice(3)] : [...argv];
}
