import pg from 'pg';
import { Batcher } from '../batcher.js';
import type { Broadcast, BroadcastChannel } from './broadcast.js';
import { BroadcastListeners } from './broadcast.js';

/** Options of the PostgreSQL transport. */
export interface PostgresBroadcastOptions {
  connectionString: string;
  /** Channel prefix (a lowercase identifier), so deployments sharing a database stay apart. */
  prefix: string;
}

/**
 * PostgreSQL LISTEN/NOTIFY, for deployments without Redis. One connection both listens and notifies, so
 * one process's messages arrive in the order it sent them; it reconnects after the connection drops.
 */
export class PostgresBroadcast implements Broadcast {
  /** A NOTIFY payload is at most 8000 bytes: 2600 characters are, whatever their UTF-8 length. */
  readonly maxMessageChars = 2600;
  readonly #options: PostgresBroadcastOptions;
  readonly #listeners = new BroadcastListeners();
  #client: pg.Client | null = null;
  #connecting: Promise<pg.Client> | null = null;
  #closed = false;
  /** One batch at a time, first in first out: one process's messages arrive in the order it sent them. */
  readonly #outbox = new Batcher<{ channel: string; message: string }, void>((batch) => this.#send(batch), { maxBatch: 100, maxInFlight: 1 });

  constructor(options: PostgresBroadcastOptions) {
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(options.prefix)) throw new Error(`invalid broadcast prefix: ${options.prefix}`);
    this.#options = options;
  }

  #channel(name: BroadcastChannel): string {
    return `${this.#options.prefix}_${name}`;
  }

  /** Resolves once the connection listens. */
  async ready(): Promise<void> {
    await this.#connect();
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.#options.connectionString, keepAlive: true });
      const lost = () => {
        if (this.#client === client) this.#client = null;
        client.end().catch(() => undefined);
        this.#reconnectSoon();
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', ({ channel, payload }) => {
        const name = channel.slice(this.#options.prefix.length + 1) as BroadcastChannel;
        this.#listeners.deliver(name, payload ?? '');
      });
      try {
        await client.connect();
        await client.query(`LISTEN "${this.#channel('events')}"; LISTEN "${this.#channel('workers')}"`);
      } catch (error) {
        client.end().catch(() => undefined);
        throw error;
      }
      this.#client = client;
      return client;
    })().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  #reconnectSoon(): void {
    if (this.#closed) return;
    setTimeout(() => void this.#connect().catch(() => this.#reconnectSoon()), 500).unref();
  }

  /**
   * Publishes in order. Messages published while a batch is on its way go together in the next one: one
   * statement (one round trip) however many jobs a busy process reports at once.
   */
  publish(channel: BroadcastChannel, message: string): Promise<void> {
    return this.#outbox.add({ channel: this.#channel(channel), message });
  }

  async #send(batch: Array<{ channel: string; message: string }>): Promise<void[]> {
    const client = await this.#connect();
    // NOTIFY within one statement keeps this order (WITH ORDINALITY, sorted before pg_notify runs). It
    // drops a message identical to an earlier one of the same transaction: a repeated heartbeat, no loss.
    await client.query('SELECT pg_notify(c, m) FROM (SELECT c, m FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(c, m, o) ORDER BY o) AS ordered', [
      batch.map((b) => b.channel),
      batch.map((b) => b.message),
    ]);
    return batch.map(() => undefined);
  }

  subscribe(channel: BroadcastChannel, listener: (message: string) => void): () => void {
    return this.#listeners.add(channel, listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client ?? (await this.#connecting?.catch(() => null));
    this.#client = null;
    await client?.end().catch(() => undefined);
  }
}
