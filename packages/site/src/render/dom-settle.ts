/** How long the rendered DOM must stay unchanged before it is read, and the longest wait for it. */
export interface DomQuietOptions {
  quietMs: number;
  maxMs: number;
}

/**
 * Runs inside the page (passed to Playwright's `page.evaluate`, so it must not close over
 * anything): resolves true once no node, text or attribute has changed for `quietMs`, or false
 * when `maxMs` passes first. Network idleness alone misses content that scripts build after their
 * last request (a spinner, then a timer, then the contact block), so the crawler waits for both.
 */
export function waitForDomQuiet(options: DomQuietOptions): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let observer: MutationObserver | undefined;
    const finish = (quiet: boolean): void => {
      observer?.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(deadline);
      resolve(quiet);
    };
    const arm = (): void => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish(true), options.quietMs);
    };
    observer = new MutationObserver(arm);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    deadline = setTimeout(() => finish(false), options.maxMs);
    arm();
  });
}
