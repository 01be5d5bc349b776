/**
 * A page whose app renders its content and then throws it away (a React tree unmounted by an
 * uncaught error in a third-party widget, e.g. a 3D viewer whose asset request was blocked) shows
 * a visitor its contacts for a moment and the crawler nothing. These two functions run inside the
 * page (they must not close over anything): `trackRemovedContent` is installed before any page
 * script and remembers the largest subtree removed from the document; `restoreCollapsedContent`
 * puts it back where it was when the document has since shrunk to less than half of it, so the
 * crawler reads what the page showed, not its wreck.
 */

/** Size (text characters) below which a removed subtree is a spinner or a banner, not the page's content. */
const MIN_CONTENT = 200;

/** Installed with `addInitScript`: keeps the largest removed subtree, its former parent and its text length. */
export function trackRemovedContent(minContent: number): void {
  const state = window as unknown as { __spideriqRemoved?: { node: Node; parent: Node; size: number } };
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.removedNodes) {
        const size = node.textContent?.length ?? 0;
        if (size >= minContent && size > (state.__spideriqRemoved?.size ?? 0)) state.__spideriqRemoved = { node, parent: record.target, size };
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Puts the largest removed subtree back when it is gone for good and the page now holds less than half its text. True when it did. */
export function restoreCollapsedContent(): boolean {
  const removed = (window as unknown as { __spideriqRemoved?: { node: Node; parent: Node; size: number } }).__spideriqRemoved;
  if (!removed || removed.node.isConnected || !removed.parent.isConnected) return false;
  // innerText, not textContent: the page's own inline scripts are not content it shows.
  const now = document.body?.innerText.length ?? 0;
  if (now * 2 >= removed.size) return false;
  removed.parent.appendChild(removed.node);
  return true;
}

export { MIN_CONTENT };
