import { Command } from 'commander';
import type { SubmitMapsRequest } from '@spideriq/client';
import { PrioritySchema, SpiderMapsPayloadSchema } from '@spideriq/schema';
import { schemaArgument, toNumber } from '../arguments.js';
import type { WithContext } from '../context.js';
import { submitAndWait } from './submit-and-wait.js';

/** The `maps` flags as commander parses them. */
export interface MapsFlags {
  /** `--max-results`. */
  maxResults?: number;
  /** `--lang`. */
  lang?: string;
  /** `--location`. */
  location?: string;
  /** `--priority`. */
  priority?: number;
  /** `--fresh`. */
  fresh?: boolean;
}

/** Builds the submit body from the query and flags (pure). */
export function mapsRequest(query: string, flags: MapsFlags): SubmitMapsRequest {
  const payload: SubmitMapsRequest['payload'] = { search_query: query };
  if (flags.maxResults !== undefined) payload.max_results = flags.maxResults;
  if (flags.lang !== undefined) payload.lang = flags.lang;
  if (flags.location !== undefined) payload.location = flags.location;
  if (flags.fresh === true) payload.test = true;
  return flags.priority === undefined ? { payload } : { payload, priority: flags.priority };
}

/** `spideriq maps "<query>"`: search business listings. */
export function mapsCommand(withContext: WithContext): Command {
  const fields = SpiderMapsPayloadSchema.shape;
  return new Command('maps')
    .description('Search business listings ("plumbers in Austin, TX")')
    .argument('<query>', '"{what} in {where}"')
    .option('--max-results <n>', 'listings to return (1-100)', schemaArgument(fields.max_results, toNumber))
    .option('--lang <code>', 'result language, for example en or pt-BR', schemaArgument(fields.lang))
    .option('--location <where>', 'appended to the query as "… in <where>"')
    .option('--priority <n>', 'queue priority (0-10, higher first)', schemaArgument(PrioritySchema, toNumber))
    .option('--fresh', 'submit anew even if an identical job ran in the last 24 hours')
    .addHelpText(
      'after',
      `
Examples:
  $ spideriq maps "plumbers in Austin, TX"
  $ spideriq maps "italian restaurants in Boston" --max-results 50 --lang en --format md
  $ spideriq maps "cafés" --location "Lisbon, Portugal" --format yaml --out cafes.yaml`,
    )
    .action(async (query: string, flags: MapsFlags, command: Command) =>
      withContext(command, (context) => submitAndWait(context, (signal) => context.client.submitMaps(mapsRequest(query, flags), { signal }))),
    );
}
