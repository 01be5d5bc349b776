import { describe, expect, it } from 'vitest';
import { Batcher } from '../src/batcher.js';

/** A `run` that records each batch and answers after `release()` is called for it. */
function recorder() {
  const batches: number[][] = [];
  const pending: Array<() => void> = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve) => {
      batches.push(items);
      pending.push(() => resolve(items.map((n) => `#${n}`)));
    });
  return { batches, run, release: () => pending.shift()!() };
}
const tick = () => new Promise((r) => setImmediate(r));
/** Lets a finished batch's bookkeeping and the next flush happen. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await tick();
};

describe('Batcher', () => {
  it('runs items added in one tick as one batch and answers each caller with its own answer', async () => {
    const r = recorder();
    const b = new Batcher(r.run, { maxBatch: 10, maxInFlight: 1 });
    const answers = Promise.all([1, 2, 3].map((n) => b.add(n)));
    await tick();
    expect(r.batches).toEqual([[1, 2, 3]]);
    r.release();
    expect(await answers).toEqual(['#1', '#2', '#3']);
  });

  it('collects what arrives while the batches in flight run, and caps a batch at maxBatch', async () => {
    const r = recorder();
    const b = new Batcher(r.run, { maxBatch: 2, maxInFlight: 1 });
    const first = b.add(1);
    await tick();
    const later = [2, 3, 4].map((n) => b.add(n));
    await tick();
    expect(r.batches).toEqual([[1]]);
    r.release();
    expect(await first).toBe('#1');
    await settle();
    expect(r.batches).toEqual([[1], [2, 3]]);
    r.release();
    await settle();
    expect(r.batches).toEqual([[1], [2, 3], [4]]);
    r.release();
    expect(await Promise.all(later)).toEqual(['#2', '#3', '#4']);
  });

  it('runs up to maxInFlight batches at once', async () => {
    const r = recorder();
    const b = new Batcher(r.run, { maxBatch: 1, maxInFlight: 2 });
    const all = Promise.all([1, 2, 3].map((n) => b.add(n)));
    await tick();
    expect(r.batches).toEqual([[1], [2]]);
    r.release();
    await settle();
    expect(r.batches).toEqual([[1], [2], [3]]);
    r.release();
    r.release();
    expect(await all).toEqual(['#1', '#2', '#3']);
  });

  it('fails every item of a batch whose run fails, and goes on with the next batch', async () => {
    let calls = 0;
    const b = new Batcher(async (items: number[]) => {
      if (calls++ === 0) throw new Error('connection lost');
      return items.map((n) => n * 10);
    }, { maxBatch: 10, maxInFlight: 1 });
    const failed = [b.add(1), b.add(2)].map((p) => p.then(() => 'resolved', (e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['connection lost', 'connection lost']);
    expect(await b.add(3)).toBe(30);
  });

  it('refuses a run that answers a different number of items', async () => {
    const b = new Batcher(async () => [1], { maxBatch: 10, maxInFlight: 1 });
    await expect(Promise.all([b.add(1), b.add(2)])).rejects.toThrow('a batch of 2 got 1 answers');
  });
});
