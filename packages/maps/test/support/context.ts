import type { JobContext, JobProgress } from '@spideriq/jobs';

/** A job context that records progress and logs, with a controllable abort signal. */
export function testContext(signal: AbortSignal = new AbortController().signal): JobContext & { updates: JobProgress[] } {
  const updates: JobProgress[] = [];
  const noop = (): void => undefined;
  return {
    jobId: '550e8400-e29b-41d4-a716-446655440000',
    clientId: 'client-test',
    attempt: 1,
    signal,
    progress: (update) => updates.push(update),
    storage: {
      put: () => Promise.reject(new Error('no storage in maps tests')),
      get: () => Promise.resolve(null),
      check: () => Promise.resolve(),
    },
    logger: { debug: noop, info: noop, warn: noop, error: noop },
    updates,
  };
}
