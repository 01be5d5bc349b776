import { h } from './element.js';

/** One tab: its label (updatable later, e.g. with a token count) and its panel content. */
export interface TabSpec {
  readonly key: string;
  readonly label: string;
  readonly panel: HTMLElement;
}

/** A rendered tab set. */
export interface Tabs {
  readonly element: HTMLElement;
  select(key: string): void;
  /** Sets the text shown after the label, e.g. `1,204 tokens`. */
  setBadge(key: string, text: string): void;
  readonly selected: string;
}

/** Accessible tabs (WAI-ARIA tab pattern: arrow keys move between tabs). */
export function renderTabs(name: string, specs: readonly TabSpec[], onSelect: (key: string) => void = () => undefined): Tabs {
  const list = h('div', { class: 'tablist', role: 'tablist', 'aria-label': name });
  const panels = h('div', { class: 'tabpanels' });
  const buttons = new Map<string, HTMLButtonElement>();
  const badges = new Map<string, HTMLElement>();
  const panelOf = new Map<string, HTMLElement>();
  let selected = specs[0]?.key ?? '';
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  for (const spec of specs) {
    const badge = h('span', { class: 'badge', 'data-testid': `${slug}-${spec.key}-badge` });
    const button = h(
      'button',
      { type: 'button', role: 'tab', id: `${slug}-tab-${spec.key}`, 'aria-controls': `${slug}-panel-${spec.key}`, class: 'tab' },
      h('span', { class: 'tab-label' }, spec.label),
      badge,
    );
    button.addEventListener('click', () => select(spec.key));
    button.addEventListener('keydown', (event) => {
      const index = specs.findIndex((candidate) => candidate.key === spec.key);
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = specs[(index + step + specs.length) % specs.length];
      if (next) {
        select(next.key);
        buttons.get(next.key)?.focus();
      }
    });
    const panel = h('div', { role: 'tabpanel', id: `${slug}-panel-${spec.key}`, 'aria-labelledby': `${slug}-tab-${spec.key}`, class: 'tabpanel' }, spec.panel);
    buttons.set(spec.key, button);
    badges.set(spec.key, badge);
    panelOf.set(spec.key, panel);
    list.append(button);
    panels.append(panel);
  }

  function select(key: string): void {
    selected = key;
    for (const [candidate, button] of buttons) {
      const active = candidate === key;
      button.setAttribute('aria-selected', String(active));
      button.tabIndex = active ? 0 : -1;
      const panel = panelOf.get(candidate);
      if (panel) panel.hidden = !active;
    }
    onSelect(key);
  }
  select(selected);

  return {
    element: h('div', { class: 'tabs' }, list, panels),
    select,
    setBadge(key, text) {
      const badge = badges.get(key);
      if (badge) badge.textContent = text;
    },
    get selected() {
      return selected;
    },
  };
}
