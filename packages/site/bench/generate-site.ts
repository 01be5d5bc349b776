/**
 * A deterministic synthetic small-business site of `count` pages: shared header and footer, a few
 * paragraphs, and links to other pages so every page is reachable from the home page. Pages weigh
 * about 12-20 KB, like a typical brochure-site page without its assets.
 */
export function generateSite(count: number): Map<string, string> {
  const pages = new Map<string, string>();
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const path = (i: number): string => (i === 0 ? '/' : `/section-${i % 10}/page-${i}.html`);
  const nav = ['/', '/section-1/page-1.html', '/section-2/page-2.html', '/section-3/page-3.html', '/section-4/page-4.html']
    .map((href, i) => `<li><a href="${href}">Menu ${i}</a></li>`)
    .join('');
  const words = 'plumbing heating repair boiler service emergency bathroom kitchen install local family business quality trusted'.split(' ');
  for (let i = 0; i < count; i++) {
    const links = new Set<number>();
    // Children in a tree (2i+1, 2i+2) keep every page reachable; random extras make the graph realistic.
    for (const child of [2 * i + 1, 2 * i + 2]) if (child < count) links.add(child);
    while (links.size < 10) links.add(Math.floor(random() * count));
    const paragraphs = Array.from({ length: 12 }, () =>
      `<p>${Array.from({ length: 120 }, () => words[Math.floor(random() * words.length)]).join(' ')}.</p>`,
    ).join('\n');
    const body = [...links].map((j) => `<li><a href="${path(j)}" class="card">Page ${j} title</a></li>`).join('');
    pages.set(
      path(i),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${i} | Bench Plumbing</title>
<meta name="description" content="Page ${i} of the benchmark site"><link rel="stylesheet" href="/style.css"></head>
<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>Page ${i}</h1>${paragraphs}<ul>${body}</ul></article></main>
<footer><p>Bench Plumbing Ltd, 1 High Street, Leeds LS1 1AA · <a href="mailto:info@bench.test">info@bench.test</a> · <a href="tel:+441130000000">0113 000 0000</a></p></footer></body></html>`,
    );
  }
  return pages;
}
