import { describe, expect, it } from 'vitest';
import { BroadcastJobEventBus } from '../src/index.js';
import type { Broadcast, BroadcastChannel, ClientJobEvent } from '../src/index.js';

/** An in-memory transport: what was published, delivered to every subscriber on a later tick. */
function memoryBroadcast(maxMessageChars?: number, fail = false) {
  const sent: string[] = [];
  const listeners = new Set<(message: string) => void>();
  const broadcast: Broadcast = {
    maxMessageChars,
    async publish(_channel: BroadcastChannel, message: string) {
      if (fail) throw new Error('broker down');
      sent.push(message);
      setTimeout(() => listeners.forEach((l) => l(message)), 1);
    },
    subscribe(_channel, listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {},
  };
  return { broadcast, sent, deliver: (raw: string) => listeners.forEach((l) => l(raw)) };
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const queued = (i: number): ClientJobEvent => ({
  clientId: `cli_${i % 3}`,
  event: { event: 'job.queued', job_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, type: 'spiderSite', priority: 0, created_at: '2026-01-01T00:00:00.000Z' },
});
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('BroadcastJobEventBus', () => {
  it("one turn's events leave as one message and reach every listener, each event once, in order", async () => {
    const { broadcast, sent } = memoryBroadcast();
    const bus = new BroadcastJobEventBus(broadcast, silent);
    const a: ClientJobEvent[] = [];
    const b: ClientJobEvent[] = [];
    bus.subscribe((m) => a.push(m));
    const off = bus.subscribe((m) => b.push(m));
    const events = Array.from({ length: 50 }, (_, i) => queued(i));
    for (const e of events) bus.publish(e);
    await until(() => a.length === 50 && b.length === 50);
    expect(sent).toHaveLength(1);
    expect(a).toEqual(events);
    expect(b).toEqual(events);
    off();
    bus.publish(queued(99));
    await until(() => a.length === 51);
    expect(a.at(-1)).toEqual(queued(99));
    expect(b).toHaveLength(50);
    // Alone in its turn, an event is sent as its own object (what processes that do not batch send).
    expect(JSON.parse(sent.at(-1)!)).toEqual(queued(99));
  });

  it("splits a turn's events into messages the transport can carry, keeping their order", async () => {
    const { broadcast, sent } = memoryBroadcast(600);
    const bus = new BroadcastJobEventBus(broadcast, silent);
    const seen: ClientJobEvent[] = [];
    bus.subscribe((m) => seen.push(m));
    const events = Array.from({ length: 40 }, (_, i) => queued(i));
    for (const e of events) bus.publish(e);
    await until(() => seen.length === 40);
    expect(seen).toEqual(events);
    expect(sent.length).toBeGreaterThan(1);
    for (const message of sent) expect(message.length).toBeLessThanOrEqual(600);
  });

  it('takes a single-event message and survives a message that is not JSON', async () => {
    const { broadcast, deliver } = memoryBroadcast();
    const bus = new BroadcastJobEventBus(broadcast, silent);
    const seen: ClientJobEvent[] = [];
    bus.subscribe((m) => seen.push(m));
    deliver('not json');
    deliver(JSON.stringify(queued(1)));
    deliver(JSON.stringify([queued(2), queued(3)]));
    expect(seen).toEqual([queued(1), queued(2), queued(3)]);
  });

  it('a failed publish is logged, not thrown', async () => {
    const warnings: unknown[] = [];
    const { broadcast } = memoryBroadcast(undefined, true);
    const bus = new BroadcastJobEventBus(broadcast, { ...silent, warn: (o: unknown) => warnings.push(o) });
    bus.publish(queued(1));
    bus.publish(queued(2));
    await until(() => warnings.length > 0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ events: 2 });
  });
});
