/** File extensions that are never HTML pages; skipping them saves a request per link. */
const NON_HTML_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'rtf', 'csv', 'txt', 'xml', 'json', 'rss', 'atom',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'heic',
  'mp3', 'wav', 'ogg', 'm4a', 'flac', 'mp4', 'm4v', 'mov', 'avi', 'wmv', 'webm', 'mkv',
  'zip', 'rar', '7z', 'gz', 'tgz', 'tar', 'bz2', 'dmg', 'exe', 'msi', 'apk', 'iso', 'bin',
  'css', 'js', 'mjs', 'map', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'ics', 'vcf',
]);

/** True when the URL's path ends in an extension that is never a web page (guessed before fetching). */
export function looksLikeNonHtml(url: string | URL): boolean {
  const path = (typeof url === 'string' ? new URL(url) : url).pathname;
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return false;
  return NON_HTML_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}

/** True when a Content-Type header names an HTML document (a missing header is given the benefit of the doubt). */
export function isHtmlContentType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'text/html' || type === 'application/xhtml+xml';
}
