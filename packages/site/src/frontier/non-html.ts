/** File extensions that are never HTML pages; skipping them saves a request per link. */
const NON_HTML_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'rtf', 'csv', 'txt', 'xml', 'json', 'rss', 'atom',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'heic',
  'mp3', 'wav', 'ogg', 'm4a', 'flac', 'mp4', 'm4v', 'mov', 'avi', 'wmv', 'webm', 'mkv',
  'zip', 'rar', '7z', 'gz', 'tgz', 'tar', 'bz2', 'dmg', 'exe', 'msi', 'apk', 'iso', 'bin',
  'css', 'js', 'mjs', 'map', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'ics', 'vcf',
]);

/**
 * Cloudflare's own endpoints on every proxied site (`/cdn-cgi/l/email-protection`, challenges, trace):
 * linked from pages that protect emails, never content of the site.
 */
const SERVICE_PATH = /^\/cdn-cgi\//i;

/**
 * True when the URL is never a web page of the site, guessed before fetching: a file extension that is not
 * HTML, or a CDN service path.
 */
export function looksLikeNonHtml(url: string | URL): boolean {
  const path = (typeof url === 'string' ? new URL(url) : url).pathname;
  if (SERVICE_PATH.test(path)) return true;
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return false;
  return NON_HTML_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

/** True when a Content-Type header names an HTML document (a missing header is given the benefit of the doubt). */
export function isHtmlContentType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'text/html' || type === 'application/xhtml+xml';
}
