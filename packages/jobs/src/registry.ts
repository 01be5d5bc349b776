import type { ZodType } from 'zod';
import type { JobType } from '@spideriq/schema';
import type { JobHandler } from './handler.js';

/** A handler with the schema its `data` must satisfy (which also fills always-present fields). */
export interface RegisteredHandler {
  handler: JobHandler<unknown, unknown>;
  dataSchema: ZodType;
}

/** Job handlers by type. The server registers the SpiderSite and SpiderMaps engines here. */
export class HandlerRegistry {
  readonly #handlers = new Map<JobType, RegisteredHandler>();

  register<P, D>(handler: JobHandler<P, D>, dataSchema: ZodType<D>): this {
    if (this.#handlers.has(handler.type as JobType)) throw new Error(`a handler for ${handler.type} is already registered`);
    this.#handlers.set(handler.type as JobType, { handler: handler as unknown as JobHandler<unknown, unknown>, dataSchema });
    return this;
  }

  get(type: JobType): RegisteredHandler | undefined {
    return this.#handlers.get(type);
  }

  types(): JobType[] {
    return [...this.#handlers.keys()];
  }

  /** Resolves once every handler that loads something at start-up is ready. */
  async ready(): Promise<void> {
    await Promise.all([...this.#handlers.values()].map(({ handler }) => handler.ready?.()));
  }
}
