import { afterEach, describe, expect, it } from 'vitest';
import { AbortedError, StreamError, createClient, parseJobEvents, type JobStreamEvent } from '../src/index.js';
import { sseFrame, startFakeApi, type FakeApi, type Handler } from './fake-api.js';
import { JOB_ID } from './fixtures.js';

const STREAM = 'GET /api/v1/events/stream';
const TOKEN = 'cli_x:sk_y:secret_z';
const progress = { job_id: JOB_ID, type: 'spiderSite', pages_crawled: 3, results_found: null, total: 10, message: 'https://example.com/contact', timestamp: '2025-10-27T14:30:08Z' };
const completed = { job_id: JOB_ID, type: 'spiderSite', processing_time_seconds: 12.4, completed_at: '2025-10-27T14:30:15Z' };

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function serve(stream: Handler) {
  api = await startFakeApi({ [STREAM]: stream });
  return createClient({ baseUrl: api.baseUrl, token: TOKEN });
}

async function collect(events: AsyncIterable<JobStreamEvent>): Promise<JobStreamEvent[]> {
  const seen: JobStreamEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

function bytes(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('parseJobEvents', () => {
  it('reassembles frames split across chunks, even inside a UTF-8 character', () => {
    const frame = sseFrame('job.progress', { ...progress, message: 'Über uns' });
    const raw = new TextEncoder().encode(frame);
    const cut = frame.indexOf('Ü') + 1; // inside the two-byte Ü
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(raw.slice(0, cut));
        controller.enqueue(raw.slice(cut));
        controller.close();
      },
    });
    return expect(collect(parseJobEvents(stream))).resolves.toEqual([{ event: 'job.progress', ...progress, message: 'Über uns' }]);
  });

  it.each([
    ['takes the name from the event: line', 'event: job.completed\ndata: {"job_id":"a"}\n\n', [{ event: 'job.completed', job_id: 'a' }]],
    ['takes the name from the JSON without an event: line', 'data: {"event":"heartbeat","timestamp":"t"}\n\n', [{ event: 'heartbeat', timestamp: 't' }]],
    ['skips unknown events', 'event: campaign.created\ndata: {}\n\nevent: heartbeat\ndata: {"timestamp":"t"}\n\n', [{ event: 'heartbeat', timestamp: 't' }]],
    ['ignores comments and keep-alives', ': ping\n\nevent: heartbeat\ndata: {"timestamp":"t"}\n\n', [{ event: 'heartbeat', timestamp: 't' }]],
    ['reads CRLF framing', 'event: heartbeat\r\ndata: {"timestamp":"t"}\r\n\r\n', [{ event: 'heartbeat', timestamp: 't' }]],
  ])('%s', async (_name, wire, want) => {
    await expect(collect(parseJobEvents(bytes(wire)))).resolves.toEqual(want);
  });

  it('throws StreamError on data that is not JSON', async () => {
    await expect(collect(parseJobEvents(bytes('event: heartbeat\ndata: {oops\n\n')))).rejects.toBeInstanceOf(StreamError);
  });
});

describe('client.events', () => {
  it('sends the token and job filter and yields typed events in order', async () => {
    const client = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(sseFrame('connected', { client_id: 'cli_x', message: 'Connected' }));
      res.write(sseFrame('job.progress', progress));
      res.end(sseFrame('job.completed', completed));
    });
    const events = await collect(client.events({ jobId: JOB_ID }));
    expect(events.map((e) => e.event)).toEqual(['connected', 'job.progress', 'job.completed']);
    expect(events[1]).toEqual({ event: 'job.progress', ...progress });
    const request = api?.requests[0];
    expect(request?.query.get('token')).toBe(TOKEN);
    expect(request?.query.get('job_id')).toBe(JOB_ID);
    expect(request?.headers['accept']).toBe('text/event-stream');
  });

  it.each([
    ['a 401', ((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"detail":"Invalid token"}');
    }) satisfies Handler, { status: 401, detail: 'Invalid token' }],
    ['a JSON answer', ((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    }) satisfies Handler, { status: 200 }],
    ['a socket cut mid-stream', ((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(sseFrame('connected', { client_id: 'cli_x', message: 'Connected' }));
      setTimeout(() => res.destroy(), 20);
    }) satisfies Handler, {}],
  ])('throws StreamError on %s', async (_name, handler, fields) => {
    const client = await serve(handler);
    const error = await collect(client.events({ jobId: JOB_ID })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject(fields);
  });

  it('stops with AbortedError when the signal aborts', async () => {
    const client = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(sseFrame('connected', { client_id: 'cli_x', message: 'Connected' }));
    });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of client.events({ signal: controller.signal })) {
        seen.push(event.event);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['connected']);
    expect(error).toBeInstanceOf(AbortedError);
  });
});
