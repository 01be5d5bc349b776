import type { WaitProgress } from '@spideriq/client';
import type { JobStatus, JobType } from '@spideriq/schema';
import { h } from './element.js';

/** Live progress of one job, fed by the SSE events `waitForResults` reports. */
export interface ProgressView {
  readonly element: HTMLElement;
  update(progress: WaitProgress): void;
  /** Stops the clock and shows the final state. */
  finish(status: JobStatus): void;
}

/** `1234` → `1.2 s`, `75_000` → `1 min 15 s`. */
export function elapsedText(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.floor(seconds % 60)} s`;
}

/** Renders the job id, status, pages crawled (or listings found), the page being crawled and the elapsed time. */
export function renderProgress(jobId: string, type: JobType, onCancel: () => void, now: () => number = () => performance.now()): ProgressView {
  const started = now();
  const status = h('span', { class: 'status status-queued', 'data-testid': 'progress-status' }, 'queued');
  const count = h('span', { 'data-testid': 'progress-count' }, '0');
  const elapsed = h('span', { 'data-testid': 'progress-elapsed' }, elapsedText(0));
  const current = h('p', { class: 'progress-message muted', 'data-testid': 'progress-message' }, 'Waiting for a worker…');
  const bar = h('progress', { max: 1, 'aria-label': 'Progress' });
  bar.removeAttribute('value');
  const cancel = h('button', { type: 'button', class: 'button small danger' }, 'Cancel job');
  cancel.addEventListener('click', onCancel);
  const unit = type === 'spiderSite' ? 'Pages crawled' : 'Listings found';
  const element = h(
    'section',
    { class: 'progress', 'aria-label': 'Progress', 'aria-live': 'polite', 'data-testid': 'progress' },
    h('div', { class: 'progress-head' }, status, h('code', { class: 'job-id' }, jobId), cancel),
    h('dl', { class: 'facts' }, h('dt', {}, unit), h('dd', {}, count), h('dt', {}, 'Elapsed'), h('dd', {}, elapsed)),
    bar,
    current,
  );
  const timer = setInterval(() => {
    elapsed.textContent = elapsedText(now() - started);
  }, 100);

  const setStatus = (value: JobStatus) => {
    status.textContent = value;
    status.className = `status status-${value}`;
  };

  return {
    element,
    update(progress) {
      setStatus(progress.status);
      if (progress.source !== 'sse') return;
      const { event } = progress;
      if (event.event === 'job.processing') current.textContent = `Started on ${event.worker_id}`;
      if (event.event !== 'job.progress') return;
      const done = event.pages_crawled ?? event.results_found;
      if (done !== null) count.textContent = event.total === null ? String(done) : `${done} / ${event.total}`;
      if (done !== null && event.total) {
        bar.max = event.total;
        bar.value = Math.min(done, event.total);
      }
      if (event.message) current.textContent = event.message;
    },
    finish(final) {
      clearInterval(timer);
      elapsed.textContent = elapsedText(now() - started);
      setStatus(final);
      cancel.remove();
      bar.max = 1;
      bar.value = final === 'completed' ? 1 : 0;
      if (final !== 'completed') current.textContent = `The job ${final === 'cancelled' ? 'was cancelled' : 'failed'}.`;
      else current.textContent = 'Done.';
    },
  };
}
