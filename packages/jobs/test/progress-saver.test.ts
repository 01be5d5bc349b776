import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressSaver } from '../src/progress-saver.js';
import type { StoredProgress } from '../src/records.js';

const at = (pages: number): StoredProgress => ({ pages_crawled: pages, results_found: null, total: 10, message: null, updated_at: `t${pages}` });

describe('progressSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the first report at once and then only the latest once per interval', async () => {
    const saves: number[] = [];
    const saver = progressSaver(async (p) => saves.push(p.pages_crawled!), 250, () => {});
    saver.report(at(1));
    saver.report(at(2));
    saver.report(at(3));
    expect(saves).toEqual([1]);
    await vi.advanceTimersByTimeAsync(249);
    expect(saves).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([1, 3]);
    await vi.advanceTimersByTimeAsync(1000);
    saver.report(at(4));
    expect(saves).toEqual([1, 3, 4]);
  });

  it('flush saves what waits, stop drops it', async () => {
    const saves: number[] = [];
    const saver = progressSaver(async (p) => saves.push(p.pages_crawled!), 250, () => {});
    saver.report(at(1));
    saver.report(at(2));
    await saver.flush();
    expect(saves).toEqual([1, 2]);
    saver.report(at(3));
    saver.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([1, 2]);
  });

  it('hands a failed save to onError', async () => {
    const errors: unknown[] = [];
    const saver = progressSaver(() => Promise.reject(new Error('down')), 250, (e) => errors.push(e));
    saver.report(at(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
  });
});
