import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresBroadcast } from '../src/index.js';

const PG_URL = process.env.SPIDERIQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('PostgresBroadcast', () => {
  const opened: PostgresBroadcast[] = [];
  const open = async (prefix: string) => {
    const b = new PostgresBroadcast({ connectionString: PG_URL, prefix });
    opened.push(b);
    await b.ready();
    return b;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((b) => b.close()));
  });

  // A busy process publishes many messages at once; they leave in batches, which must keep their order.
  it('delivers every message of a burst to another process, in the order it was published', async () => {
    const prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const [sender, receiver] = [await open(prefix), await open(prefix)];
    const received: Record<'events' | 'workers', string[]> = { events: [], workers: [] };
    const sent: Record<'events' | 'workers', string[]> = { events: [], workers: [] };
    let count = 0;
    const all = new Promise<void>((resolve) => {
      for (const channel of ['events', 'workers'] as const) receiver.subscribe(channel, (m) => received[channel].push(m) && ++count === 600 && resolve());
    });
    await Promise.all(
      Array.from({ length: 600 }, (_, i) => {
        const channel = i % 6 === 0 ? 'workers' : 'events';
        sent[channel].push(`{"i":${i}}`);
        return sender.publish(channel, `{"i":${i}}`);
      }),
    );
    await all;
    expect(received).toEqual(sent);
  });
});
