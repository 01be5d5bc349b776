import { streamSSE } from 'hono/streaming';
import { TERMINAL_EVENTS } from '@spideriq/schema';
import type { JobEvent } from '@spideriq/schema';
import type { JobRecord } from '@spideriq/jobs';
import type { Runtime } from '../runtime.js';
import { notFound } from '../http/errors.js';
import { currentStateEvent } from '../views/job-events.js';
import type { Handlers } from '../operations/handler.js';

const terminal = new Set<string>(TERMINAL_EVENTS);

/**
 * `GET /api/v1/events/stream`: Server-Sent Events of the client's own jobs (one job with `job_id`).
 * With a job filter the stream starts with the job's current state and closes after its terminal event.
 */
export function eventHandlers(runtime: Runtime): Pick<Handlers, 'streamEvents'> {
  const streamEvents: Handlers['streamEvents'] = async ({ c, client, query }) => {
    const jobId = query.job_id;
    let job: JobRecord | null = null;
    if (jobId !== undefined) {
      job = await runtime.store.getJob(jobId.toLowerCase());
      if (!job || job.clientId !== client.id) throw notFound();
    }
    for (const [name, value] of Object.entries({ ...c.get('headers'), 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' })) c.header(name, value);
    return streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [];
      let wake: (() => void) | null = null;
      const push = (event: JobEvent) => {
        queue.push(event);
        wake?.();
      };
      const unsubscribe = runtime.bus.subscribe(({ clientId, event }) => {
        if (clientId !== client.id) return;
        if (job && 'job_id' in event && event.job_id !== job.id) return;
        push(event);
      });
      const heartbeat = setInterval(() => push({ event: 'heartbeat', timestamp: new Date().toISOString() }), runtime.config.sseHeartbeatMs);
      let open = true;
      const stop = () => {
        open = false;
        wake?.();
      };
      runtime.shutdown.addEventListener('abort', stop, { once: true });
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'connected', data: JSON.stringify({ event: 'connected', client_id: client.id, message: 'Connected to the SpiderIQ event stream' }) });
        if (job) {
          // Re-read after subscribing: an event between the first read and the subscription is not lost.
          const fresh = (await runtime.store.getJob(job.id)) ?? job;
          queue.unshift(currentStateEvent(fresh));
        }
        while (open && !runtime.shutdown.aborted) {
          const event = queue.shift();
          if (!event) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
            continue;
          }
          await stream.writeSSE({ event: event.event, data: JSON.stringify(event) });
          if (job && terminal.has(event.event)) break;
        }
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        runtime.shutdown.removeEventListener('abort', stop);
      }
    });
  };
  return { streamEvents };
}
