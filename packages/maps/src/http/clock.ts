import { sleep } from '@spideriq/schema/http';
import type { Sleep } from '@spideriq/schema/http';

/** Milliseconds since the epoch; injected so tests control time without waiting. */
export type Clock = () => number;

/** Waits `ms` milliseconds, rejecting early with the signal's reason when it aborts (the schema's one abortable sleep). */
export type { Sleep };

/** The real clock. */
export const systemClock: Clock = () => Date.now();

/** The real, abortable timer. */
export const systemSleep: Sleep = sleep;
