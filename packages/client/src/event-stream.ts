import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { StreamError } from './errors.js';
import type { JobStreamEvent, JobStreamEventName } from './models.js';

// A record (not a list) so the compiler fails here when the schema gains or loses an event.
const KNOWN_EVENTS: Record<JobStreamEventName, true> = {
  connected: true,
  heartbeat: true,
  'job.queued': true,
  'job.processing': true,
  'job.progress': true,
  'job.completed': true,
  'job.failed': true,
  'job.cancelled': true,
};

/** Events after which a job's stream has nothing more to say. */
export const TERMINAL_JOB_EVENTS = ['job.completed', 'job.failed', 'job.cancelled'] as const satisfies readonly JobStreamEventName[];

/** True for `job.completed`, `job.failed` and `job.cancelled`. */
export function isTerminalEvent(event: JobStreamEvent): boolean {
  return (TERMINAL_JOB_EVENTS as readonly string[]).includes(event.event);
}

/**
 * Reads a `text/event-stream` body into typed job events, using fetch streaming so it runs
 * in Node 20 and browsers alike (EventSource cannot send headers and cannot be aborted cleanly).
 * Unknown event names are skipped so an older client keeps working against a newer server;
 * a read failure or a non-JSON `data:` line throws a StreamError.
 */
export async function* parseJobEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<JobStreamEvent, void, undefined> {
  const pending: JobStreamEvent[] = [];
  let malformed: StreamError | null = null;
  const parser = createParser({
    onEvent(message) {
      if (malformed !== null) return;
      try {
        const event = toJobEvent(message);
        if (event !== null) pending.push(event);
      } catch (error) {
        malformed = new StreamError('The event stream sent data that is not JSON', { cause: error });
      }
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new StreamError('The event stream broke off', { cause: error });
      }
      parser.feed(chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true }));
      while (pending.length > 0) {
        const event = pending.shift();
        if (event !== undefined) yield event;
      }
      if (malformed !== null) throw malformed;
      if (chunk.done) break;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function toJobEvent(message: EventSourceMessage): JobStreamEvent | null {
  const data: unknown = JSON.parse(message.data);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  const name = message.event ?? (typeof record['event'] === 'string' ? record['event'] : undefined);
  if (name === undefined || !Object.hasOwn(KNOWN_EVENTS, name)) return null;
  // The SSE `event:` line is authoritative; the JSON may omit the discriminator.
  return { ...record, event: name } as JobStreamEvent;
}
