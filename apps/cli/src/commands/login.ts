import { Command } from 'commander';
import { createClient } from '@spideriq/client';
import { CliError } from '../cli-error.js';
import { writeConfigFile } from '../config.js';
import type { WithContext } from '../context.js';
import { readToken } from '../token-input.js';

/** The `login` flags. */
export interface LoginFlags {
  /** False with `--no-verify`. */
  verify: boolean;
}

/** `spideriq login`: check a token against the server and save both in the config file (mode 0600). */
export function loginCommand(withContext: WithContext): Command {
  return new Command('login')
    .description('Save the API URL and token for later commands (in a file only you can read)')
    .option('--no-verify', 'save without checking the token against the server')
    .addHelpText(
      'after',
      `
The token comes from --token, else a hidden prompt, else the first line of stdin.
The file is $SPIDERIQ_CONFIG, else $XDG_CONFIG_HOME/spideriq/config.json, else ~/.config/spideriq/config.json.

Examples:
  $ spideriq login --api-url http://127.0.0.1:8080
  $ printf %s "$TOKEN" | spideriq login --api-url https://spideriq.example.com`,
    )
    .action(async (flags: LoginFlags, command: Command) =>
      withContext(command, async (context) => {
        const { connection, io, options } = context;
        const token = options.token?.trim() || (await readToken(io.stdin, io.stderr));
        if (token === '') throw new CliError('usage', 'No token given: pass --token, or type or pipe it in');
        if (flags.verify) {
          const client = createClient({ baseUrl: connection.apiUrl, token });
          // The cheapest authenticated request: it answers 401/403 for a bad token (exit code 3).
          await context.call((signal) => client.list({ page_size: 1 }, { signal }));
        }
        await writeConfigFile(connection.configPath, { api_url: connection.apiUrl, token });
        context.log(`Saved the token for ${connection.apiUrl} to ${connection.configPath} (mode 0600).`);
      }),
    );
}
