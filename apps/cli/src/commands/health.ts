import { Command } from 'commander';
import { HealthResponseSchema } from '@spideriq/schema';
import type { WithContext } from '../context.js';

/** `spideriq health`: is the server up (no token needed)? */
export function healthCommand(withContext: WithContext): Command {
  return new Command('health')
    .description('Server health: database, queue, storage and workers (no token needed)')
    .addHelpText('after', '\nExamples:\n  $ spideriq health\n  $ spideriq health --api-url http://127.0.0.1:8080 --format md')
    .action(async (_flags: unknown, command: Command) =>
      withContext(command, async (context) => {
        const health = await context.call((signal) => context.client.health({ signal }));
        await context.emit(health, HealthResponseSchema);
      }),
    );
}
