import type { SpiderIQClient } from '@spideriq/client';

/** What every tool works with: one client bound to one server and token. */
export interface ToolContext {
  client: SpiderIQClient;
  /** Pause between result polls while a submit-and-wait tool waits (the event stream is tried first). */
  pollIntervalMs: number;
}
