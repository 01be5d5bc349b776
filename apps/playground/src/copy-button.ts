import { h } from './element.js';

/** Copies text to the clipboard, falling back to a hidden textarea where the async API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { 'aria-hidden': 'true', class: 'offscreen' });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** A button that copies what `text()` returns at click time and says whether it worked. */
export function copyButton(label: string, text: () => string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button small copy' }, label);
  button.addEventListener('click', () => {
    void copyText(text()).then((copied) => {
      button.textContent = copied ? 'Copied ✓' : 'Copy failed';
      button.dataset['copied'] = String(copied);
      setTimeout(() => {
        button.textContent = label;
      }, 1500);
    });
  });
  return button;
}
