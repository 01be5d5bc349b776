import { parentPort } from 'node:worker_threads';
import { processPage } from './page-work.js';
import type { PageWork } from './page-work.js';
import { warmUp } from './warm-up.js';

/**
 * The worker-thread side of `PagePool`: reduces each page it is sent and answers with the result,
 * or with the error's message when the page could not be reduced.
 */
// Loaded, with the extractors' tables built and the per-page code compiled: the pool may count on this thread.
warmUp();
parentPort?.postMessage({ ready: true });
parentPort?.on('message', ({ id, work }: { id: number; work: PageWork }) => {
  try {
    parentPort!.postMessage({ id, result: processPage(work) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
