import { h } from './element.js';

/**
 * Schema descriptions quote values in backticks (`bestfirst`); shows those as code. Text only: nothing
 * is parsed as HTML.
 */
export function inlineCode(text: string): (string | HTMLElement)[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? h('code', {}, part) : part));
}
