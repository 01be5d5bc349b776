import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '@spideriq/schema/http';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../src/http/retry.js';

const NOW = Date.parse('2026-03-09T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['7', 7_000],
    ['0', 0],
    ['Mon, 09 Mar 2026 12:00:05 GMT', 5_000],
    ['Mon, 09 Mar 2026 11:59:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('retryDelay', () => {
  it('doubles from the base delay', () => {
    expect([0, 1, 2].map((n) => retryDelay(n, null, DEFAULT_RETRY_POLICY))).toEqual([1_000, 2_000, 4_000]);
  });

  it('prefers Retry-After, capped by the policy', () => {
    expect(retryDelay(0, 7_000, DEFAULT_RETRY_POLICY)).toBe(7_000);
    expect(retryDelay(0, 3_600_000, DEFAULT_RETRY_POLICY)).toBe(30_000);
  });
});
