import { describe, expect, it } from 'vitest';
import { IntervalLimiter } from '../../src/osm/limiter.js';
import { fakeTime } from '../support/fake-time.js';

describe('IntervalLimiter (1 request/s)', () => {
  it('spaces concurrent calls at least one interval apart, in arrival order', async () => {
    const time = fakeTime();
    const limiter = new IntervalLimiter(1_000, time.clock, time.sleep);
    const starts: Array<[number, number]> = [];
    await Promise.all([0, 1, 2, 3].map((n) => limiter.run(async () => starts.push([n, time.clock()]))));
    expect(starts.map(([n]) => n)).toEqual([0, 1, 2, 3]);
    const times = starts.map(([, t]) => t);
    for (let i = 1; i < times.length; i += 1) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(time.sleeps).toEqual([1_000, 1_000, 1_000]);
  });

  it('does not wait when the last call is already more than an interval ago', async () => {
    const time = fakeTime();
    const limiter = new IntervalLimiter(1_000, time.clock, time.sleep);
    await limiter.run(async () => undefined);
    time.advance(400);
    await limiter.run(async () => undefined);
    time.advance(1_500);
    await limiter.run(async () => undefined);
    expect(time.sleeps).toEqual([600]);
  });

  it('keeps its turn order after a failing task', async () => {
    const time = fakeTime();
    const limiter = new IntervalLimiter(1_000, time.clock, time.sleep);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await limiter.run(async () => undefined);
    expect(time.sleeps).toEqual([1_000]);
  });

  it('gives up a turn when the signal is already aborted', async () => {
    const time = fakeTime();
    const limiter = new IntervalLimiter(1_000, time.clock, time.sleep);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    let ran = false;
    await expect(limiter.run(async () => { ran = true; }, controller.signal)).rejects.toThrow('cancelled');
    expect(ran).toBe(false);
  });
});
