import { readBody, startLocalServer } from '../local-server.js';

/** A request a fake server received, for assertions. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/places:searchText`. */
  url: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

/** What a fake answers. */
export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A running fake: its base URL, what it received, and how to stop it. */
export interface RunningFake {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a fake provider on 127.0.0.1 that records each request and answers what `handle` returns. */
export async function startFakeServer(handle: (request: RecordedRequest) => FakeReply | Promise<FakeReply>): Promise<RunningFake> {
  const requests: RecordedRequest[] = [];
  const server = await startLocalServer(async (req, res) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: await readBody(req) };
    requests.push(recorded);
    const reply = await handle(recorded);
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...reply.headers });
    res.end(text);
  });
  return { url: server.origin, requests, close: () => server.close() };
}
