import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { TERMINAL_EVENTS } from '@spideriq/schema';
import type { JobEventBus, JobStore, WebhookDeliveryRecord } from '@spideriq/jobs';
import { webhookEvent } from '../views/job-events.js';
import { retryDelay } from './retry-schedule.js';
import type { WebhookSender } from './sender.js';
import { generateWebhookSecret, signatureHeaders, signingSecrets } from './signing.js';

/** What the dispatcher works with; the clock, the jitter and the schedule are injected for tests. */
export interface WebhookDispatcherOptions {
  store: JobStore;
  bus: JobEventBus;
  sender: WebhookSender;
  logger: Logger;
  /** Pause before each retry; its length + 1 is the number of attempts. */
  scheduleMs: readonly number[];
  /** An attempt without an answer in this time failed. */
  timeoutMs: number;
  /** How often the store is swept for work other instances (or a restart) left due. */
  pollMs: number;
  now?: () => Date;
  random?: () => number;
}

const terminal = new Set<string>(TERMINAL_EVENTS);
const BATCH = 16;

/**
 * Delivers webhooks at least once. Every step is a row in the job store, so a restart (or another
 * instance) picks up where this one stopped: a terminal job's subscriptions become deliveries (body built
 * once, `webhook-id` fixed), due deliveries are claimed under a lease and sent, signed afresh per attempt,
 * and each attempt is recorded with its status code or error. A non-2xx or no answer is retried on the
 * jittered schedule until it runs out; then the delivery fails for good.
 */
export class WebhookDispatcher {
  readonly #o: WebhookDispatcherOptions;
  readonly #now: () => Date;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #poll: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;
  /**
   * Clients with webhooks: their jobs' terminal events wake a sweep at once. Learned from this process's
   * subscribes (`watch`) and, at start and on every poll, from the store's unsettled subscriptions (another
   * process's, or from before a restart); it only grows, so it never misses one of them. Another client's
   * job ends with nothing to deliver, so its event costs no sweep (the poll still runs every `pollMs`).
   */
  readonly #watched = new Set<string>();
  #running: Promise<void> | null = null;
  #again = false;
  #needsRefresh = false;
  #stopped = false;

  constructor(options: WebhookDispatcherOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Starts sweeping: now, on every terminal job event, at each retry's due time, and every `pollMs`. */
  start(): void {
    this.#unsubscribe = this.#o.bus.subscribe(({ clientId, event }) => {
      if (terminal.has(event.event) && this.#watched.has(clientId)) this.wake();
    });
    this.#poll = setInterval(() => this.#pollTick(), this.#o.pollMs);
    this.#poll.unref();
    this.#pollTick();
  }

  /** Marks a client as one with webhooks, before its subscription is stored (so no terminal event slips by). */
  watch(clientId: string): void {
    this.#watched.add(clientId);
  }

  #pollTick(): void {
    this.#needsRefresh = true;
    this.wake();
  }

  /** Runs a sweep soon (coalesced with one in progress). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
  }

  /** Stops sweeping and waits for the attempts in flight; what is left stays due in the store. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    clearInterval(this.#poll);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.#sweep();
      } catch (error) {
        this.#o.logger.warn({ err: error }, 'webhook sweep failed; retrying on the next one');
      }
    } while (this.#again && !this.#stopped);
  }

  async #sweep(): Promise<void> {
    const { webhooks } = this.#o.store;
    if (this.#needsRefresh) {
      this.#needsRefresh = false;
      for (const clientId of await webhooks.clientsWithOpenSubscriptions()) this.#watched.add(clientId);
    }
    for (const due of await webhooks.dueEvents(100)) {
      const job = due.wanted ? await this.#o.store.getJob(due.subscription.jobId) : null;
      const body = job ? webhookEvent(job) : null;
      const now = this.#now().toISOString();
      await webhooks.settle(
        due.subscription.id,
        body === null
          ? null
          : {
              id: `msg_${randomUUID().replace(/-/g, '')}`,
              subscriptionId: due.subscription.id,
              jobId: due.subscription.jobId,
              clientId: due.subscription.clientId,
              event: due.event,
              url: due.subscription.url,
              body: JSON.stringify(body),
              createdAt: now,
              nextAttemptAt: now,
            },
      );
    }
    for (;;) {
      if (this.#stopped) return;
      const claimed = await webhooks.claimDue(this.#now(), this.#o.timeoutMs + 5000, BATCH);
      await Promise.all(claimed.map((delivery) => this.#attempt(delivery)));
      if (claimed.length < BATCH) return;
    }
  }

  async #attempt(delivery: WebhookDeliveryRecord): Promise<void> {
    const { webhooks } = this.#o.store;
    const attempt = delivery.attempts + 1;
    const started = this.#now();
    const secret = (await webhooks.getSecret(delivery.clientId)) ?? (await webhooks.createSecret(delivery.clientId, generateWebhookSecret(), started));
    const headers = signatureHeaders(signingSecrets(secret, started), delivery.id, started, delivery.body);
    let statusCode: number | null = null;
    let error: string | null = null;
    const clock = performance.now();
    try {
      ({ statusCode } = await this.#o.sender({ url: delivery.url, headers, body: delivery.body, timeoutMs: this.#o.timeoutMs }));
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (cause) {
      error = describe(cause, this.#o.timeoutMs);
    }
    const durationMs = Math.round(performance.now() - clock);
    const delay = error === null ? null : retryDelay(attempt, this.#o.scheduleMs, this.#o.random);
    const state = error === null ? 'delivered' : delay === null ? 'failed' : 'pending';
    const next = delay === null ? null : new Date(this.#now().getTime() + delay);
    await webhooks.recordAttempt({ deliveryId: delivery.id, attempt, attemptedAt: started.toISOString(), statusCode, error, durationMs }, state, next);
    if (state === 'failed') this.#o.logger.warn({ webhookId: delivery.id, jobId: delivery.jobId, url: delivery.url, attempts: attempt, error }, 'webhook delivery failed for good');
    if (delay !== null) this.#wakeIn(delay);
  }

  #wakeIn(ms: number): void {
    if (this.#stopped) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.wake();
    }, ms);
    timer.unref();
    this.#timers.add(timer);
  }
}

/** The error an attempt records: what went wrong, in a sentence. */
function describe(cause: unknown, timeoutMs: number): string {
  const error = cause as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError' || error?.code === 'UND_ERR_HEADERS_TIMEOUT') return `No answer within ${timeoutMs} ms`;
  const code = error?.code ?? error?.cause?.code;
  const message = error?.message ?? String(cause);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
