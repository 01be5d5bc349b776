import { Redis } from 'ioredis';
import type { Broadcast, BroadcastChannel } from './broadcast.js';
import { BroadcastListeners } from './broadcast.js';

/** Options of the Redis transport. */
export interface RedisBroadcastOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** Channel prefix, so deployments (and tests) sharing a Redis stay apart. */
  prefix: string;
}

/**
 * Redis pub/sub: one connection publishes, one subscribes. ioredis reconnects and re-subscribes on its
 * own after Redis restarts.
 */
export class RedisBroadcast implements Broadcast {
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #prefix: string;
  readonly #listeners = new BroadcastListeners();

  constructor(options: RedisBroadcastOptions) {
    this.#prefix = options.prefix;
    const retry = { retryStrategy: (times: number) => Math.min(times * 100, 1000), maxRetriesPerRequest: 2 };
    // Events published in the same tick (many jobs at once) leave in one write.
    this.#pub = new Redis(options.url, { ...retry, enableAutoPipelining: true });
    this.#sub = new Redis(options.url, retry);
    for (const r of [this.#pub, this.#sub]) r.on('error', () => undefined);
    this.#sub.on('message', (channel: string, message: string) => {
      const name = channel.slice(this.#prefix.length + 1) as BroadcastChannel;
      this.#listeners.deliver(name, message);
    });
  }

  /** Resolves once both channels are subscribed. */
  async ready(): Promise<void> {
    await this.#sub.subscribe(this.#channel('events'), this.#channel('workers'));
  }

  #channel(name: BroadcastChannel): string {
    return `${this.#prefix}:${name}`;
  }

  async publish(channel: BroadcastChannel, message: string): Promise<void> {
    await this.#pub.publish(this.#channel(channel), message);
  }

  subscribe(channel: BroadcastChannel, listener: (message: string) => void): () => void {
    return this.#listeners.add(channel, listener);
  }

  async close(): Promise<void> {
    this.#pub.disconnect();
    this.#sub.disconnect();
  }
}
