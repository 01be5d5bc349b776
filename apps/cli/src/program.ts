import { Command, Option } from 'commander';
import { FormatSchema } from '@spideriq/schema';
import { integerArgument, secondsArgument } from './arguments.js';
import { healthCommand } from './commands/health.js';
import { jobsCommand } from './commands/jobs.js';
import { loginCommand } from './commands/login.js';
import { mapsCommand } from './commands/maps.js';
import { siteCommand } from './commands/site.js';
import type { WithContext } from './context.js';
import { EXIT_CODE_HELP } from './exit-codes.js';
import type { OutputStream } from './io.js';

/** Default `--timeout`, in seconds: as long as the client's own default wait. */
export const DEFAULT_TIMEOUT_SECONDS = 600;
/** Default `--retries`. */
export const DEFAULT_RETRIES = 3;

const EXAMPLES = `
Examples:
  $ spideriq login --api-url http://127.0.0.1:8080       # paste the token; saved 0600
  $ spideriq health
  $ spideriq site https://example.com --format yaml > example.yaml
  $ spideriq maps "plumbers in Austin, TX" --max-results 10 --format md
  $ spideriq site https://example.com --no-wait          # prints the job id
  $ spideriq jobs results <id>
  $ spideriq jobs list --status processing

Settings: --api-url and --token, else SPIDERIQ_API_URL and SPIDERIQ_TOKEN, else the file written by
\`spideriq login\` ($SPIDERIQ_CONFIG, $XDG_CONFIG_HOME/spideriq/config.json or ~/.config/spideriq/config.json).
Results go to stdout; progress and messages go to stderr.

${EXIT_CODE_HELP}`;

/** Builds the `spideriq` command tree; commander writes help and errors to the given streams. */
export function buildProgram(withContext: WithContext, output: { stdout: OutputStream; stderr: OutputStream }, version: string): Command {
  const program = new Command('spideriq')
    .description('SpiderIQ from the command line: crawl sites, search maps, and get results as JSON, YAML or Markdown.')
    .version(version, '-V, --version')
    .option('--api-url <url>', 'server URL (env SPIDERIQ_API_URL)')
    .option('--token <token>', 'API token client_id:api_key:api_secret (env SPIDERIQ_TOKEN)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FormatSchema.options).default('json'))
    .option('-o, --out <file>', 'write the result to a file instead of stdout')
    .option('--no-wait', 'return right after submitting (prints the job id) instead of waiting for results')
    .option('--timeout <seconds>', 'give up waiting after this long (exit code 7)', secondsArgument, DEFAULT_TIMEOUT_SECONDS)
    .option('--retries <n>', 'rate-limited (429) answers to wait out before exit code 6', integerArgument(0), DEFAULT_RETRIES)
    .option('--cancel-on-interrupt', 'on Ctrl-C, also cancel the job being waited on')
    .option('-q, --quiet', 'no progress or messages on stderr (errors still show)')
    .option('--tokens', 'print the o200k token count of the output to stderr')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => void output.stdout.write(text),
      writeErr: (text) => void output.stderr.write(text),
    })
    .exitOverride();
  for (const command of [siteCommand, mapsCommand, jobsCommand, healthCommand, loginCommand]) {
    program.addCommand(command(withContext));
  }
  // Subcommands (and `jobs`' own subcommands) report errors through the same streams and never exit.
  const configure = (command: Command) => {
    command.configureOutput({ writeOut: (text) => void output.stdout.write(text), writeErr: (text) => void output.stderr.write(text) });
    command.exitOverride();
    command.showHelpAfterError('(run with --help for usage)');
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}
