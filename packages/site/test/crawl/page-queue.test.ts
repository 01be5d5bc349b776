import { describe, expect, it } from 'vitest';
import { PageQueue } from '../../src/page-queue.js';

const drainAll = <T>(queue: PageQueue<T>): T[] => {
  const out: T[] = [];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) out.push(item);
  return out;
};

describe('the page queue', () => {
  it('hands out the pages of crawling jobs in arrival order across lanes', () => {
    const queue = new PageQueue<string>();
    const a = queue.lane();
    const b = queue.lane();
    a.push('a1');
    b.push('b1');
    a.push('a2');
    b.push('b2');
    b.push('b3');
    a.push('a3');
    expect(queue.size).toBe(6);
    expect(drainAll(queue)).toEqual(['a1', 'b1', 'a2', 'b2', 'b3', 'a3']);
  });

  it("puts a job whose crawl has ended ahead of crawling jobs, and ended jobs in the order they ended", () => {
    const queue = new PageQueue<string>();
    const [a, b, c] = [queue.lane(), queue.lane(), queue.lane()];
    for (const i of [1, 2, 3]) for (const [name, lane] of [['a', a], ['b', b], ['c', c]] as const) lane.push(`${name}${i}`);
    c.drain();
    b.drain();
    expect(queue.shift()).toBe('c1');
    a.push('a4');
    expect(drainAll(queue)).toEqual(['c2', 'c3', 'b1', 'b2', 'b3', 'a1', 'a2', 'a3', 'a4']);
  });

  it('forgets a lane once it has ended and its last page is out, and keeps a crawling one', () => {
    const queue = new PageQueue<number>();
    const ended = queue.lane();
    const crawling = queue.lane();
    const empty = queue.lane();
    ended.push(1);
    crawling.push(2);
    expect(queue.lanes).toBe(3);
    empty.drain();
    ended.drain();
    expect(queue.lanes).toBe(2);
    expect(drainAll(queue)).toEqual([1, 2]);
    expect(queue.lanes).toBe(1);
    crawling.drain();
    expect(queue.lanes).toBe(0);
  });

  it('still hands out a page pushed after its lane ended', () => {
    const queue = new PageQueue<string>();
    const lane = queue.lane();
    lane.drain();
    lane.push('late');
    expect([queue.lanes, queue.size]).toEqual([1, 1]);
    expect(drainAll(queue)).toEqual(['late']);
    expect(queue.lanes).toBe(0);
  });

  it('hands out every page exactly once through many lanes and drains', () => {
    const queue = new PageQueue<number>();
    const lanes = Array.from({ length: 7 }, () => queue.lane());
    const out: number[] = [];
    for (let i = 0; i < 500; i++) {
      lanes[(i * 31) % 7]!.push(i);
      if (i % 13 === 0) lanes[i % 7]!.drain();
      if (i % 3 === 0) out.push(queue.shift()!);
    }
    out.push(...drainAll(queue));
    expect(out.sort((x, y) => x - y)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });
});
