// Builds the offline docs site into docs/site/: home page, guides (Markdown → HTML), the API reference
// (Scalar's standalone bundle with the committed OpenAPI inlined), the AsyncAPI HTML and typedoc for the
// published packages. Every URL is relative, so the site works from disk and under /docs/ on the server.
// Run from the root with `pnpm docs` (which builds the packages first), or `pnpm --filter @spideriq/docs build`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { Application, OptionDefaults } from 'typedoc';
import { checkSite } from './check-site.mjs';

const docsDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(docsDir, '..');
const siteDir = join(docsDir, 'site');
const guidesDir = join(docsDir, 'guides');
const openapiPath = join(repoRoot, 'packages/schema/generated/openapi.json');
const asyncapiPath = join(repoRoot, 'packages/schema/generated/asyncapi.yaml');
const require = createRequire(import.meta.url);

/** The published packages typedoc documents, in the order the API index lists them. */
const PACKAGES = [
  ['schema', 'packages/schema', 'Zod models of every request, result, error and event.'],
  ['formats', 'packages/formats', 'Render results as JSON, YAML or Markdown, driven by the schema.'],
  ['client', 'packages/client', 'Typed client for Node 20 and browsers: createClient, waitForResults, events.'],
  ['jobs', 'packages/jobs', 'Job store, queue and artifact storage.'],
  ['site', 'packages/site', 'The spiderSite engine: fetch, frontier, extraction, compendium.'],
  ['maps', 'packages/maps', 'The spiderMaps engine: providers and normalisation.'],
  ['cli', 'apps/cli', 'The spideriq command line.'],
];

/** Guides in reading order; any other Markdown file in guides/ follows alphabetically. */
const GUIDE_ORDER = ['quickstart', 'polling', 'formats', 'self-hosting'];

function buildGuides() {
  const files = existsSync(guidesDir) ? readdirSync(guidesDir).filter((f) => f.endsWith('.md')) : [];
  const rank = (slug) => (GUIDE_ORDER.includes(slug) ? GUIDE_ORDER.indexOf(slug) : GUIDE_ORDER.length);
  const slugs = files.map((f) => basename(f, '.md')).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const missing of GUIDE_ORDER.filter((slug) => !slugs.includes(slug))) console.warn(`docs: guides/${missing}.md is missing; skipped`);
  const guides = slugs.map((slug) => {
    const markdown = readFileSync(join(guidesDir, `${slug}.md`), 'utf8');
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? slug;
    return { slug, title, markdown };
  });
  for (const guide of guides) {
    const html = marked.parse(guide.markdown, { async: false, walkTokens: relinkMarkdown });
    const nav = guides.map((g) => `<a href="${g.slug}.html"${g.slug === guide.slug ? ' aria-current="page"' : ''}>${escapeHtml(g.title)}</a>`).join('');
    writePage(`guides/${guide.slug}.html`, 1, `${guide.title} · SpiderIQ docs`, `<nav class="guides">${nav}</nav><article>${html}</article>`);
  }
  return guides;
}

/** Guides link to each other as `polling.md` (readable on GitHub); the site serves `polling.html`. */
function relinkMarkdown(token) {
  if (token.type !== 'link' || SCHEME.test(token.href) || token.href.startsWith('#') || token.href.startsWith('/')) return;
  token.href = token.href.replace(/\.md(?=$|#)/, '.html');
}
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function buildReference(document) {
  const dir = join(siteDir, 'reference');
  mkdirSync(dir, { recursive: true });
  // The package exports no ./package.json or browser subpath; its entry sits in dist/, beside dist/browser/.
  const scalar = join(dirname(require.resolve('@scalar/api-reference')), 'browser/standalone.js');
  copyFileSync(scalar, join(dir, 'scalar.js'));
  copyFileSync(openapiPath, join(dir, 'openapi.json'));
  // `<` is escaped so no string in the spec can close the script element.
  const inlined = JSON.stringify(document).replace(/</g, '\\u003c');
  const config = {
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    hideClientButton: false,
    showDeveloperTools: 'never',
    documentDownloadType: 'json',
    proxyUrl: '',
    showOperationId: true,
  };
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · SpiderIQ docs</title>
</head>
<body>
<p style="margin:0;padding:.5rem 1rem;font:14px system-ui,sans-serif;border-bottom:1px solid #ddd"><a href="../index.html">← SpiderIQ docs</a> · <a href="openapi.json">openapi.json</a></p>
<div id="app"></div>
<script id="spec" type="application/json">${inlined}</script>
<script src="scalar.js"></script>
<script>
Scalar.createApiReference('#app', Object.assign(${JSON.stringify(config)}, {
  content: JSON.parse(document.getElementById('spec').textContent),
}));
</script>
</body>
</html>
`;
  writeFileSync(join(dir, 'index.html'), html);
}

function buildEvents() {
  if (!existsSync(asyncapiPath)) {
    console.warn('docs: packages/schema/generated/asyncapi.yaml is missing; the event reference is skipped');
    return false;
  }
  const dir = join(siteDir, 'events');
  // The codegen package owns the AsyncAPI generator (and its heavy template); it writes index.html here.
  execFileSync('pnpm', ['--filter', '@spideriq/codegen', 'asyncapi:html', dir], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  copyFileSync(asyncapiPath, join(dir, 'asyncapi.yaml'));
  return existsSync(join(dir, 'index.html'));
}

async function buildTypedoc() {
  const built = [];
  for (const [name, path, summary] of PACKAGES) {
    const packageDir = join(repoRoot, path);
    const entry = join(packageDir, 'src/index.ts');
    if (!existsSync(entry)) {
      console.warn(`docs: ${path}/src/index.ts does not exist; typedoc skips @spideriq/${name}`);
      continue;
    }
    const out = join(siteDir, 'api', name);
    const tsconfig = existsSync(join(packageDir, 'tsconfig.build.json')) ? join(packageDir, 'tsconfig.build.json') : join(packageDir, 'tsconfig.json');
    try {
      const app = await Application.bootstrapWithPlugins({
        entryPoints: [entry],
        tsconfig,
        name: `@spideriq/${name}`,
        readme: 'none',
        skipErrorChecking: true,
        disableSources: true,
        disableGit: true,
        hideGenerator: true,
        excludePrivate: true,
        excludeInternal: true,
        githubPages: false,
        logLevel: 'Error',
        // openapi-typescript writes `@description` into the generated client types.
        blockTags: [...OptionDefaults.blockTags, '@description'],
        navigationLinks: { 'All packages': '../index.html', 'SpiderIQ docs': '../../index.html' }, // repo-scan: not a path (typedoc links between generated pages)
      });
      const project = await app.convert();
      if (!project) throw new Error('typedoc could not convert the package');
      await app.generateDocs(project, out);
      built.push({ name, summary });
    } catch (error) {
      console.warn(`docs: typedoc failed for @spideriq/${name}; skipped (${error instanceof Error ? error.message : error})`);
    }
  }
  const items = built.map((p) => `<li><a href="${p.name}/index.html"><code>@spideriq/${p.name}</code></a>: ${escapeHtml(p.summary)}</li>`).join('\n');
  writePage('api/index.html', 1, 'Packages · SpiderIQ docs', `<h1>Package reference</h1><p>Generated by typedoc from each package's <code>src/index.ts</code>.</p><ul>${items}</ul>`);
  return built;
}

function homeBody(document, guides, events, packages) {
  const guideItems = guides.map((g) => `<li><a href="guides/${g.slug}.html">${escapeHtml(g.title)}</a></li>`).join('');
  const eventsItem = events ? '<li><a href="events/index.html">Event stream (AsyncAPI)</a>: the server-sent job events and their payloads. <a href="events/asyncapi.yaml">asyncapi.yaml</a></li>' : '';
  return `<h1>${escapeHtml(document.info.title)}</h1>
<p>Version ${escapeHtml(document.info.version)}. Self-host the SpiderIQ web-intelligence API: crawl a website for contacts, social profiles and a Markdown compendium, or search business listings, and read the results as JSON, YAML or Markdown.</p>
<h2>Guides</h2>
<ul>${guideItems}</ul>
<h2>Reference</h2>
<ul>
<li><a href="reference/index.html">HTTP API (OpenAPI 3.1)</a>: every operation, its status codes and examples. <a href="reference/openapi.json">openapi.json</a></li>
${eventsItem}
<li><a href="api/index.html">Packages (typedoc)</a>: ${packages.map((p) => `<a href="api/${p.name}/index.html"><code>@spideriq/${p.name}</code></a>`).join(', ')}</li>
</ul>`;
}

function writePage(path, depth, title, body) {
  const up = '../'.repeat(depth);
  const file = join(siteDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${up}assets/docs.css">
</head>
<body>
<header><a href="${up}index.html"><strong>SpiderIQ</strong> docs</a><nav><a href="${up}guides/quickstart.html">Guides</a><a href="${up}reference/index.html">API</a><a href="${up}events/index.html">Events</a><a href="${up}api/index.html">Packages</a></nav></header>
<main>
${body}
</main>
</body>
</html>
`,
  );
  mkdirSync(join(siteDir, 'assets'), { recursive: true });
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const CSS = `:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--muted:#6b6b70;--line:#e2e2e6;--code:#f4f4f6;--accent:#0b62d6}
@media (prefers-color-scheme:dark){:root{--fg:#ececf0;--bg:#141416;--muted:#a0a0a8;--line:#2c2c31;--code:#1f1f23;--accent:#6ea8ff}}
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header{display:flex;gap:2rem;align-items:center;padding:.75rem 1.5rem;border-bottom:1px solid var(--line)}
header a{color:var(--fg);text-decoration:none}header nav{display:flex;gap:1.25rem}header nav a{color:var(--muted)}
main{max-width:52rem;margin:0 auto;padding:1.5rem}a{color:var(--accent)}
nav.guides{display:flex;flex-wrap:wrap;gap:1rem;padding-bottom:.75rem;border-bottom:1px solid var(--line)}
nav.guides a[aria-current]{font-weight:600;color:var(--fg);text-decoration:none}
code,pre{font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--code);border-radius:4px}
code{padding:.1em .3em}pre{padding:1rem;overflow-x:auto}pre code{padding:0;background:none}
table{border-collapse:collapse;width:100%;font-size:15px}th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left}
blockquote{margin:0;padding:.25rem 1rem;border-left:3px solid var(--line);color:var(--muted)}
`;

await main();

/** Builds every part, then refuses a site that would fetch anything from elsewhere. */
async function main() {
  const started = performance.now();
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });

  const spec = JSON.parse(readFileSync(openapiPath, 'utf8'));
  const guides = buildGuides();
  buildReference(spec);
  const events = buildEvents();
  const packages = await buildTypedoc();
  writePage('index.html', 0, 'SpiderIQ docs', homeBody(spec, guides, events, packages));
  writeFileSync(join(siteDir, 'assets/docs.css'), CSS);

  const ownPages = ['index.html', 'api/index.html', 'reference/index.html', ...guides.map((g) => `guides/${g.slug}.html`)];
  const problems = checkSite(siteDir, { requiredPages: ['index.html', 'reference/index.html', 'guides/quickstart.html'], ownPages });
  if (problems.length) {
    for (const problem of problems) console.error(`docs check: ${problem}`);
    console.error(`docs check failed with ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`docs: built ${siteDir} in ${((performance.now() - started) / 1000).toFixed(1)} s; offline check passed`);
}
