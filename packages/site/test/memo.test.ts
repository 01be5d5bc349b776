import { describe, expect, it } from 'vitest';
import { memoize } from '../src/memo.js';

describe('memoize', () => {
  it('answers a repeated input from memory, with a copy the caller may change', () => {
    let calls = 0;
    const lengths = memoize(
      (text: string) => {
        calls++;
        return [text.length];
      },
      (text) => text,
      (found) => [...found],
    );
    const first = lengths('footer');
    first.push(99);
    expect(lengths('footer')).toEqual([6]);
    expect(calls).toBe(1);
  });

  it('does not remember inputs without a key, and forgets what went unused for two generations of `limit` answers', () => {
    let calls = 0;
    const f = memoize(
      (n: number) => {
        calls++;
        return n * 2;
      },
      (n) => (n < 0 ? null : String(n)),
      (v) => v,
      2,
    );
    f(-1);
    f(-1);
    expect(calls).toBe(2);
    f(1);
    f(2);
    f(1); // from the old generation (1, 2) into the young one
    f(3); // the young generation (1, 3) is full: it becomes the old one, and 2 is dropped
    expect(calls).toBe(5);
    f(1);
    expect(calls).toBe(5);
    f(2);
    expect(calls).toBe(6);
  });
});
