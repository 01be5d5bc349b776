import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../src/http/index.js';

const now = Date.parse('2025-10-27T14:30:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['delay-seconds', '12', 12_000],
    ['zero', '0', 0],
    ['padded', ' 3 ', 3_000],
    ['HTTP-date in the future', 'Mon, 27 Oct 2025 14:30:05 GMT', 5_000],
    ['HTTP-date in the past', 'Mon, 27 Oct 2025 14:29:00 GMT', 0],
    ['missing', null, null],
    ['garbage', 'soon', null],
    ['negative', '-1', null],
  ] as const)('%s', (_name, header, want) => {
    expect(parseRetryAfter(header, now)).toBe(want);
  });
});
