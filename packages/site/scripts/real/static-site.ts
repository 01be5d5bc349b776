import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { applyRedirects, parseRedirects } from './netlify-redirects.js';

/** A snapshot folder served on 127.0.0.1 under the site's public hostname. */
export interface ServedSite {
  /** Origin the engine starts from, e.g. `http://www.example.de:41234`. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites absolute links to the site's own hostname (with or without `www.`, any scheme, and for
 * `<owner>.github.io` also the `/<repo>/` project prefix) so they point at the local origin: the crawl
 * then follows them on 127.0.0.1 instead of leaving for the real site.
 */
export function localiseLinks(body: string, host: string, origin: string, projectPrefix: string | null): string {
  const bare = host.replace(/^www\./, '');
  let out = body;
  if (projectPrefix) {
    out = out.replace(new RegExp(`(?:https?:)?//${escape(bare)}/${escape(projectPrefix)}(?=[/"'\\s?#)]|$)`, 'gi'), origin);
  }
  return out.replace(new RegExp(`(?:https?:)?//(?:www\\.)?${escape(bare)}(?::\\d+)?(?=[/"'\\s?#)<]|$)`, 'gi'), origin);
}

function fileFor(root: string, pathname: string, projectPrefix: string | null): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const tries = [decoded];
  if (projectPrefix && decoded.startsWith(`/${projectPrefix}/`)) tries.push(decoded.slice(projectPrefix.length + 1));
  for (const path of tries) {
    const rel = normalize(path).replace(/^([/\\])+/, '');
    if (rel.split(sep).includes('..')) return null;
    const candidates = rel === '' || rel.endsWith('/') ? [join(rel, 'index.html')] : [rel, `${rel}.html`, join(rel, 'index.html')];
    for (const candidate of candidates) {
      const full = join(root, candidate);
      if (!full.startsWith(root)) return null;
      if (existsSync(full) && statSync(full).isFile()) return full;
    }
  }
  return null;
}

/**
 * Serves `root` over HTTP on 127.0.0.1 (random port) the way GitHub Pages would: `/` is `index.html`,
 * `/about` is `about.html` or `about/index.html`, a Netlify `_redirects` file in the web root is obeyed
 * (a single-page build's `/* /index.html 200`), a miss answers 404 with the site's `404.html` if it has
 * one. Text bodies get their absolute self-links localised (see {@link localiseLinks}).
 */
export async function serveStaticSite(root: string, host: string, projectPrefix: string | null): Promise<ServedSite> {
  let origin = '';
  const redirectsFile = join(root, '_redirects');
  const redirects = existsSync(redirectsFile) ? parseRedirects(readFileSync(redirectsFile, 'utf8')) : [];
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site.invalid').pathname;
    const readable = req.method === 'GET' || req.method === 'HEAD';
    let file = readable ? fileFor(root, pathname, projectPrefix) : null;
    const rule = readable ? applyRedirects(redirects, pathname, file !== null) : null;
    if (rule && rule.status >= 300 && rule.status < 400) {
      res.writeHead(rule.status, { location: rule.to });
      res.end();
      return;
    }
    if (rule && rule.status === 200) file = fileFor(root, rule.to, projectPrefix) ?? file;
    const missing = join(root, '404.html');
    const target = file ?? (existsSync(missing) ? missing : null);
    const status = file ? 200 : 404;
    if (!target) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
      return;
    }
    const type = TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(target);
    if (type.includes('charset=utf-8') || type === 'image/svg+xml') {
      body = Buffer.from(localiseLinks(body.toString('utf8'), host, origin, projectPrefix));
    }
    res.writeHead(status, { 'content-type': type, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no port');
  origin = `http://${host}:${address.port}`;
  return {
    origin,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
