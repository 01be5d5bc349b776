import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, startLocalServer } from '@spideriq/testkit';

/** One request the fake API received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A canned answer. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers one request; `hits` counts earlier requests to the same route. */
export type Handler = (req: IncomingMessage, res: ServerResponse, hits: number) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 that answers like the SpiderIQ API. */
export interface FakeApi {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Requests to one `METHOD /path`. */
  hits(route: string): number;
  close(): Promise<void>;
}

/** Replies in order, repeating the last one. */
export function sequence(...replies: Reply[]): Handler {
  return (_req, res, hits) => {
    const reply = replies[Math.min(hits, replies.length - 1)];
    if (reply === undefined) throw new Error('sequence() needs at least one reply');
    send(res, reply);
  };
}

/** Writes a JSON reply. */
export function send(res: ServerResponse, reply: Reply): void {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
  res.end(body);
}

/** Starts a server routing `METHOD /path` (path without query) to handlers; anything else is 404. */
export async function startFakeApi(routes: Record<string, Handler>): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const counts = new Map<string, number>();
  const server = await startLocalServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body });
    const hits = counts.get(route) ?? 0;
    counts.set(route, hits + 1);
    const handler = routes[route];
    if (handler === undefined) {
      send(res, { status: 404, body: { detail: 'Not Found' } });
      return;
    }
    await handler(req, res, hits);
  });
  return { baseUrl: server.origin, requests, hits: (route) => counts.get(route) ?? 0, close: () => server.close() };
}

/** Formats one SSE frame: `event:` line, `data:` line, blank line. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
