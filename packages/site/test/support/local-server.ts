import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 for tests; `requests` lists every path asked for, in order. */
export interface LocalServer {
  origin: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

/** Starts a server on an ephemeral 127.0.0.1 port. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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

/** A static site: path → [content type, body] (a string body is sent as-is). */
export type Pages = Record<string, { type?: string; body: string | Buffer; status?: number; headers?: Record<string, string> }>;

/** Serves a fixed map of pages; unknown paths get 404. */
export function staticSite(pages: Pages): (req: IncomingMessage, res: ServerResponse) => void {
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
