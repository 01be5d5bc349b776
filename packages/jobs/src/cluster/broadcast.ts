/** The channels processes of one deployment share: job events (and cancels) and worker heartbeats. */
export type BroadcastChannel = 'events' | 'workers';

/**
 * Fire-and-forget messages to every process of the deployment, the publisher included. Redis pub/sub or
 * PostgreSQL LISTEN/NOTIFY carry them; a message sent while the broker is unreachable is lost, so nothing
 * that must survive (job state) travels only here.
 */
export interface Broadcast {
  /** The longest message (in JSON characters) the transport carries, when it has a limit. */
  readonly maxMessageChars?: number;
  publish(channel: BroadcastChannel, message: string): Promise<void>;
  subscribe(channel: BroadcastChannel, listener: (message: string) => void): () => void;
  close(): Promise<void>;
}

/** Listener bookkeeping the transports share. */
export class BroadcastListeners {
  readonly #listeners = new Map<BroadcastChannel, Set<(message: string) => void>>();

  add(channel: BroadcastChannel, listener: (message: string) => void): () => void {
    let set = this.#listeners.get(channel);
    if (!set) this.#listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  deliver(channel: BroadcastChannel, message: string): void {
    for (const listener of [...(this.#listeners.get(channel) ?? [])]) listener(message);
  }
}
