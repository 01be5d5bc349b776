import { copyButton } from './copy-button.js';
import { h } from './element.js';
import { SNIPPET_LANGUAGES, snippet } from './snippets.js';
import type { SnippetLanguage, SnippetRequest } from './snippets.js';
import { renderTabs } from './tabs.js';

/** The request as curl, Python, JavaScript and CLI code, each with a copy button; refreshed as the form changes. */
export interface SnippetsView {
  readonly element: HTMLElement;
  update(request: SnippetRequest): void;
}

/** Renders the snippet tabs for the server at `baseUrl`. */
export function renderSnippets(baseUrl: string): SnippetsView {
  let request: SnippetRequest = { type: 'spiderSite', payload: {} };
  const codes = new Map<SnippetLanguage, HTMLElement>();
  const tabs = renderTabs(
    'Request as code',
    SNIPPET_LANGUAGES.map(({ language, label }) => {
      const code = h('code', {});
      codes.set(language, code);
      const panel = h(
        'div',
        { class: 'snippet' },
        h('pre', { class: 'code', 'data-testid': `snippet-${language}` }, code),
        copyButton(`Copy ${label}`, () => snippet(language, baseUrl, request)),
      );
      return { key: language, label, panel };
    }),
  );
  const update = (next: SnippetRequest) => {
    request = next;
    for (const [language, code] of codes) code.textContent = snippet(language, baseUrl, request);
  };
  update(request);
  return { element: h('section', { class: 'card snippets', 'aria-label': 'Request as code' }, h('h2', {}, 'Same request as code'), tabs.element), update };
}
