import type { Clock, Sleep } from '../../src/http/clock.js';

/** A clock that only moves when something sleeps on it: backoff and rate limits without real waiting. */
export interface FakeTime {
  clock: Clock;
  sleep: Sleep;
  /** Every requested sleep, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

/** Starts the fake clock at `start` milliseconds. */
export function fakeTime(start = 1_700_000_000_000): FakeTime {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    advance: (ms) => {
      now += ms;
    },
  };
}
