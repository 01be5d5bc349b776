import { Command, Option } from 'commander';
import type { ListJobsQuery } from '@spideriq/client';
import {
  CancelJobResponseSchema,
  JobListResponseSchema,
  JobResultsSchema,
  JobStatusResponseSchema,
  JobStatusSchema,
  JobTypeSchema,
  ListJobsQuerySchema,
} from '@spideriq/schema';
import { schemaArgument } from '../arguments.js';
import type { WithContext } from '../context.js';
import { waitForJob } from '../wait.js';

/** The `jobs list` flags as commander parses them. */
export interface ListFlags {
  /** `--page`. */
  page?: number;
  /** `--page-size`. */
  pageSize?: number;
  /** `--status`. */
  status?: string;
  /** `--type`. */
  type?: string;
}

/** Builds the list query from the flags (pure). */
export function listQuery(flags: ListFlags): ListJobsQuery {
  const query: ListJobsQuery = {};
  if (flags.page !== undefined) query.page = flags.page;
  if (flags.pageSize !== undefined) query.page_size = flags.pageSize;
  if (flags.status !== undefined) query.status_filter = JobStatusSchema.parse(flags.status);
  if (flags.type !== undefined) query.type_filter = JobTypeSchema.parse(flags.type);
  return query;
}

/** `spideriq jobs list|status|results|cancel|watch`. */
export function jobsCommand(withContext: WithContext): Command {
  const jobs = new Command('jobs').description('List your jobs, and show, fetch, cancel or watch one');
  const query = ListJobsQuerySchema.shape;

  jobs
    .command('list')
    .description('A page of your jobs, newest first')
    .option('--page <n>', 'page number, from 1', schemaArgument(query.page))
    .option('--page-size <n>', 'jobs per page (1-100)', schemaArgument(query.page_size))
    .addOption(new Option('--status <status>', 'only jobs in this state').choices(JobStatusSchema.options))
    .addOption(new Option('--type <type>', 'only jobs of this type').choices(JobTypeSchema.options))
    .addHelpText('after', '\nExamples:\n  $ spideriq jobs list\n  $ spideriq jobs list --status failed --type spiderSite --format md')
    .action(async (flags: ListFlags, command: Command) =>
      withContext(command, async (context) => {
        context.requireToken();
        const page = await context.call((signal) => context.client.list(listQuery(flags), { signal }));
        await context.emit(page, JobListResponseSchema);
      }),
    );

  jobs
    .command('status')
    .description("A job's state and progress")
    .argument('<id>', 'the job id')
    .addHelpText('after', '\nExample:\n  $ spideriq jobs status 550e8400-e29b-41d4-a716-446655440000 --format yaml')
    .action(async (id: string, _flags: unknown, command: Command) =>
      withContext(command, async (context) => {
        context.requireToken();
        const status = await context.call((signal) => context.client.status(id, { signal }));
        await context.emit(status, JobStatusResponseSchema);
      }),
    );

  jobs
    .command('results')
    .description("A job's results as they are now (one request; `jobs watch` waits)")
    .argument('<id>', 'the job id')
    .addHelpText(
      'after',
      '\nExamples:\n  $ spideriq jobs results 550e8400-e29b-41d4-a716-446655440000\n  $ spideriq jobs results 550e8400-e29b-41d4-a716-446655440000 --format md --out results.md',
    )
    .action(async (id: string, _flags: unknown, command: Command) =>
      withContext(command, async (context) => {
        context.requireToken();
        const results = await context.call((signal) => context.client.results(id, { signal }));
        if (results.status !== 'completed') {
          context.log(`Job ${id} is ${results.status}; \`spideriq jobs watch ${id}\` waits for its results.`);
        }
        await context.emit(results, JobResultsSchema);
      }),
    );

  jobs
    .command('cancel')
    .description('Cancel a queued or processing job')
    .argument('<id>', 'the job id')
    .addHelpText('after', '\nExample:\n  $ spideriq jobs cancel 550e8400-e29b-41d4-a716-446655440000')
    .action(async (id: string, _flags: unknown, command: Command) =>
      withContext(command, async (context) => {
        context.requireToken();
        const cancelled = await context.call((signal) => context.client.cancel(id, { signal }));
        await context.emit(cancelled, CancelJobResponseSchema);
      }),
    );

  jobs
    .command('watch')
    .description('Wait for a job with live progress, then print its results')
    .argument('<id>', 'the job id')
    .addHelpText(
      'after',
      '\nExamples:\n  $ spideriq jobs watch 550e8400-e29b-41d4-a716-446655440000\n  $ spideriq jobs watch 550e8400-e29b-41d4-a716-446655440000 --timeout 120 --cancel-on-interrupt',
    )
    .action(async (id: string, _flags: unknown, command: Command) =>
      withContext(command, async (context) => {
        context.requireToken();
        const status = await context.call((signal) => context.client.status(id, { signal }));
        const results = await waitForJob(context, id, status.status);
        await context.emit(results, JobResultsSchema);
      }),
    );

  return jobs;
}
