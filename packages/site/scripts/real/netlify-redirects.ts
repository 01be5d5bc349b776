/**
 * Netlify's `_redirects` file (https://docs.netlify.com/routing/redirects/), the part a static
 * single-page build uses: `/* /index.html 200` serves the app for every client-side route. A site
 * published on Netlify with that file answers `/contact` with the app; without it the corpus server
 * would answer 404 and the crawl would never see the app's other pages.
 */

/** One rule: `from` (with `*` and `:name` placeholders), `to`, and the status (200 rewrites, 3xx redirects). */
export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  /** `200!`: applies even when a file exists at the path (Netlify's "shadowing" is off). */
  force: boolean;
}

/** Parses a `_redirects` file; comments, blank lines, and rules with query or country conditions are skipped. */
export function parseRedirects(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [from, to, status = '301', ...rest] = line.split(/\s+/);
    if (!from || !to || rest.length > 0 || !/^\d{3}!?$/.test(status)) continue;
    rules.push({ from, to, status: Number(status.replace('!', '')), force: status.endsWith('!') });
  }
  return rules;
}

/**
 * Where a rule sends a request path, or null when no rule matches. `*` captures the rest of the
 * path as `:splat`; `:name` captures one segment. The first matching rule wins, as on Netlify.
 */
export function applyRedirects(rules: readonly RedirectRule[], pathname: string, fileExists: boolean): { to: string; status: number } | null {
  for (const rule of rules) {
    if (fileExists && !rule.force) continue;
    const names: string[] = [];
    const source = rule.from
      .split('/')
      .map((part) => {
        if (part === '*') {
          names.push('splat');
          return '(.*)';
        }
        if (part.startsWith(':')) {
          names.push(part.slice(1));
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    const match = new RegExp(`^${source}/?$`).exec(pathname);
    if (!match) continue;
    const to = names.reduce((out, name, i) => out.replace(`:${name}`, match[i + 1] ?? ''), rule.to);
    return { to, status: rule.status };
  }
  return null;
}
