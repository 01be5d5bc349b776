/** Why a page was (or was not) judged to need a browser. */
export interface SpaVerdict {
  isSpa: boolean;
  /** Visible text length of the served HTML, scripts and styles excluded. */
  textLength: number;
  /** Framework or builder markers seen: `next`, `nuxt`, `angular`, `react-root`, `wix`, … */
  markers: string[];
  /** An empty mount point such as `<div id="root"></div>` was present. */
  emptyMountPoint: boolean;
}

const MARKERS: Array<[string, RegExp]> = [
  ['next', /id=["']__NEXT_DATA__["']|\/_next\/static\//i],
  ['nuxt', /window\.__NUXT__|id=["']__nuxt["']|\/_nuxt\//i],
  ['angular', /\bng-version=|<app-root\b/i],
  ['vue', /\bdata-v-app\b|id=["']app["'][^>]*>\s*<\/div>/i],
  ['svelte', /\bsvelte-[a-z0-9]+\b|__sveltekit/i],
  ['gatsby', /id=["']___gatsby["']/i],
  ['ember', /\bember-application\b|ember-cli/i],
  ['shopify', /cdn\.shopify\.com|Shopify\.theme/i],
  ['wix', /static\.parastorage\.com|wix-thunderbolt|X-Wix-/i],
  ['squarespace', /static1\.squarespace\.com|Static\.SQUARESPACE_CONTEXT/i],
  ['webflow', /data-wf-page|webflow\.js/i],
];

const MOUNT_POINT = /<(div|main|section)\b[^>]*\bid=["'](root|app|__next|__nuxt|___gatsby|svelte|main-app|application)["'][^>]*>\s*<\/\1>|<app-root\b[^>]*>\s*<\/app-root>/i;
const NOSCRIPT_JS = /<noscript\b[^>]*>[^<]*(enable|activate|aktivieren|activer|habilitar)[^<]*javascript/i;

function visibleTextLength(html: string): number {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const text = body
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length;
}

/**
 * Decides from the served HTML whether the page only shows its content after JavaScript runs:
 * a near-empty body with an empty mount point or a "please enable JavaScript" notice, or a
 * framework/site-builder marker on a page with little server-rendered text. Pages with substantial
 * server-rendered text are left to plain HTTP even when they use a framework (Next.js SSR, Shopify).
 */
export function detectSpa(html: string): SpaVerdict {
  const textLength = visibleTextLength(html);
  const markers = MARKERS.filter(([, pattern]) => pattern.test(html)).map(([name]) => name);
  const emptyMountPoint = MOUNT_POINT.test(html);
  const noscript = NOSCRIPT_JS.test(html);
  const isSpa =
    (textLength < 250 && (emptyMountPoint || noscript || markers.length > 0)) ||
    (emptyMountPoint && textLength < 600) ||
    (markers.length > 0 && textLength < 400);
  return { isSpa, textLength, markers, emptyMountPoint };
}
