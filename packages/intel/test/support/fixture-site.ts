import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A served fixture site. */
export interface FixtureSite {
  /** Base URL with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Serves a map of path → HTML on 127.0.0.1 (random port), with a sitemap of every path and an allow-all robots.txt. */
export async function serveSite(pages: Record<string, string>): Promise<FixtureSite> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const base = `http://${req.headers.host}`;
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end(`User-agent: *\nAllow: /\nSitemap: ${base}/sitemap.xml\n`);
    }
    if (path === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      return res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Object.keys(pages).map((p) => `<url><loc>${base}${p}</loc></url>`).join('')}</urlset>`);
    }
    const html = pages[path];
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/html' });
      return res.end('<h1>Not found</h1>');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
