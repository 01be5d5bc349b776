import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

/** Starts an HTTP server on 127.0.0.1 with a random port; nothing here ever leaves the machine. */
export async function startFakeServer(handle: (request: RecordedRequest) => FakeReply | Promise<FakeReply>): Promise<RunningFake> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const recorded: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      Promise.resolve()
        .then(() => handle(recorded))
        .then((reply) => {
          const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
          res.writeHead(reply.status, { 'Content-Type': typeof reply.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...reply.headers });
          res.end(text);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
