import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 for tests; `requests` lists every path asked for, in order. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

/** Answers one request; a thrown error or rejected promise becomes a 500 with its message. */
export type LocalHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Starts a server on an ephemeral 127.0.0.1 port: the one place tests open a socket, so nothing a
 * test serves is ever reachable from outside the machine. `close()` drops kept-alive connections.
 */
export async function startLocalServer(handler: LocalHandler): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads a request's whole body as UTF-8 (fakes record it for assertions). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A static site: path → [content type, body] (a string body is sent as-is). */
export type Pages = Record<string, { type?: string; body: string | Buffer; status?: number; headers?: Record<string, string> }>;

/** Serves a fixed map of pages; unknown paths get 404. */
export function staticSite(pages: Pages): LocalHandler {
  return (req, res) => {
    const path = (req.url ?? '/').split('#')[0]!;
    const page = pages[path] ?? pages[path.split('?')[0]!];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>not found</body></html>');
      return;
    }
    res.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html; charset=utf-8', ...page.headers });
    res.end(page.body);
  };
}
