import type { JobResults } from '@spideriq/client';
import { countTokens, render } from '@spideriq/formats';
import { JobResultsSchema } from '@spideriq/schema';
import type { Format } from '@spideriq/schema';
import { copyButton } from '../copy-button.js';
import { h } from '../element.js';
import { markdownToHtml } from '../markdown-html.js';
import { renderTabs } from '../tabs.js';
import { compendiumDownload } from './compendium-download.js';

const FORMATS: readonly { format: Format; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'yaml', label: 'YAML' },
  { format: 'md', label: 'Markdown' },
];

/** `1234` → `1,234 tokens`. */
export function tokenLabel(count: number): string {
  return `${count.toLocaleString('en-US')} tokens`;
}

/**
 * The results of a finished job: a summary, a compendium download, and tabs with the body rendered as
 * JSON, YAML and Markdown by `@spideriq/formats` (the same renderers as the API's `?format=`), each
 * with its o200k token count so the cost of a format is visible before an agent pays it.
 */
export function renderResults(results: JobResults): HTMLElement {
  const texts = new Map(FORMATS.map(({ format }) => [format, render(results, format, JobResultsSchema)] as const));
  const text = (format: Format) => texts.get(format) ?? '';

  const markdown = text('md');
  const rendered = h('div', { class: 'markdown-body', 'data-testid': 'markdown-rendered' });
  rendered.innerHTML = markdownToHtml(markdown);
  const raw = h('pre', { class: 'code', 'data-testid': 'markdown-raw' }, h('code', {}, markdown));
  const markdownTabs = renderTabs('Markdown view', [
    { key: 'rendered', label: 'Rendered', panel: rendered },
    { key: 'raw', label: 'Raw', panel: raw },
  ]);

  const panelOf = (format: Format): HTMLElement =>
    h(
      'div',
      { class: 'format-panel' },
      h('div', { class: 'panel-actions' }, copyButton(`Copy ${format === 'md' ? 'Markdown' : format.toUpperCase()}`, () => text(format))),
      format === 'md' ? markdownTabs.element : h('pre', { class: 'code', 'data-testid': `result-${format}` }, h('code', {}, text(format))),
    );
  const tabs = renderTabs(
    'Result format',
    FORMATS.map(({ format, label }) => ({ key: format, label, panel: panelOf(format) })),
  );
  for (const { format } of FORMATS) {
    tabs.setBadge(format, '… tokens');
    countTokens(text(format)).then(
      (count) => tabs.setBadge(format, tokenLabel(count)),
      () => tabs.setBadge(format, 'tokens n/a'),
    );
  }

  return h('section', { class: 'results', 'aria-label': 'Results', 'data-testid': 'results' }, summary(results), tabs.element);
}

function summary(results: JobResults): HTMLElement {
  const facts: [string, string][] = [['Job', results.job_id]];
  if (results.processing_time_seconds !== null) facts.push(['Time', `${results.processing_time_seconds.toFixed(2)} s`]);
  if (results.type === 'spiderSite' && results.data) {
    facts.push(['Pages', String(results.data.pages_crawled)], ['Emails', String(results.data.emails.length)], ['Phones', String(results.data.phones.length)]);
  }
  if (results.type === 'spiderMaps' && results.data) facts.push(['Listings', String(results.data.results_count)]);
  const download = compendiumDownload(results);
  let action: HTMLElement;
  if (download === null) {
    action = h('span', { class: 'muted' }, results.type === 'spiderSite' ? 'No compendium in this result' : '');
  } else if (download.kind === 'link') {
    action = h('a', { class: 'button small', href: download.url, download: download.filename, target: '_blank', rel: 'noopener' }, 'Download compendium');
  } else {
    action = h('button', { type: 'button', class: 'button small' }, 'Download compendium');
    action.addEventListener('click', () => saveBlob(download.filename, download.markdown));
  }
  return h(
    'div',
    { class: 'results-summary' },
    h(
      'div',
      { class: 'results-title' },
      h('span', { class: `status status-${results.status}`, 'data-testid': 'result-status' }, results.status),
      h('span', { class: 'type' }, results.type),
      action,
    ),
    h('dl', { class: 'facts' }, ...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
  );
}

/** Offers text as a file download without a server round trip. */
function saveBlob(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = h('a', { href: url, download: filename, class: 'offscreen' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
