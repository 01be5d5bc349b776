/**
 * Pauses before each retry, in milliseconds: the first two quick (a receiver that blipped gets three
 * attempts within a minute), then backing off to half a day, ten attempts over about 23 hours. Close to the
 * Standard Webhooks reference schedule (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h).
 */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [5, 30, 120, 600, 1800, 3600, 10_800, 21_600, 43_200].map((s) => s * 1000);

/** Each pause is the scheduled one ±20 %, so receivers that fail together are not retried in lockstep. */
export const RETRY_JITTER = 0.2;

/**
 * How long to wait after attempt `attemptsMade` failed, or null when the schedule is used up (the
 * delivery then fails for good). `random` is injected so tests can pin the jitter.
 */
export function retryDelay(attemptsMade: number, schedule: readonly number[], random: () => number = Math.random): number | null {
  const base = schedule[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random()));
}
