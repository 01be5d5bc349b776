import type { JobListResponse, ListJobsQuery, SpiderIQClient } from '@spideriq/client';
import { JobStatusSchema, JobTypeSchema } from '@spideriq/schema';
import { describeError } from '../error-message.js';
import type { ErrorReport } from '../error-message.js';
import { h, replaceChildren } from '../element.js';

/** Jobs shown per page. */
export const JOBS_PAGE_SIZE = 10;

/** What the list needs from the app. */
export interface JobsListOptions {
  /** A client for the current token (null while no token is set). */
  client(): SpiderIQClient | null;
  /** Opens a job's results in the results view. */
  open(jobId: string): void;
}

/** The jobs list, with filters, paging and cancel. */
export interface JobsList {
  readonly element: HTMLElement;
  refresh(): Promise<void>;
}

/** Status and type filters take their options from the schema's enums. */
export function renderJobsList(options: JobsListOptions): JobsList {
  let page = 1;
  const statusFilter = filterSelect('jobs-status-filter', 'Filter by status', 'All statuses', JobStatusSchema.options);
  const typeFilter = filterSelect('jobs-type-filter', 'Filter by type', 'All types', JobTypeSchema.options);
  const refreshButton = h('button', { type: 'button', class: 'button small' }, 'Refresh');
  const previous = h('button', { type: 'button', class: 'button small', 'aria-label': 'Previous page' }, '← Previous');
  const next = h('button', { type: 'button', class: 'button small', 'aria-label': 'Next page' }, 'Next →');
  const pageInfo = h('span', { class: 'muted', 'data-testid': 'jobs-page' });
  const body = h('tbody', {});
  const message = h('p', { class: 'muted', 'data-testid': 'jobs-message' });
  const table = h(
    'table',
    { class: 'jobs-table', 'data-testid': 'jobs-table' },
    h('thead', {}, h('tr', {}, ...['Status', 'Type', 'Target', 'Created', ''].map((title) => h('th', { scope: 'col' }, title)))),
    body,
  );

  const refresh = async (): Promise<void> => {
    const client = options.client();
    if (client === null) {
      body.replaceChildren();
      message.textContent = 'Enter a token to see your jobs.';
      return;
    }
    const query: ListJobsQuery = { page, page_size: JOBS_PAGE_SIZE };
    if (statusFilter.value) query.status_filter = statusFilter.value as NonNullable<ListJobsQuery['status_filter']>;
    if (typeFilter.value) query.type_filter = typeFilter.value as NonNullable<ListJobsQuery['type_filter']>;
    try {
      show(await client.list(query));
    } catch (error) {
      body.replaceChildren();
      showError(describeError(error));
    }
  };

  const show = (list: JobListResponse) => {
    replaceChildren(body, ...list.jobs.map((job) => row(job)));
    message.textContent = list.total === 0 ? 'No jobs match.' : '';
    pageInfo.textContent = `Page ${list.page} of ${Math.max(1, list.total_pages)} · ${list.total} job${list.total === 1 ? '' : 's'}`;
    previous.disabled = list.page <= 1;
    next.disabled = list.page >= list.total_pages;
  };

  const showError = (report: ErrorReport) => {
    message.textContent = `${report.title}: ${report.message}`;
  };

  const row = (job: JobListResponse['jobs'][number]) => {
    const actions = h('td', { class: 'actions' });
    if (job.status === 'queued' || job.status === 'processing') {
      const cancel = h('button', { type: 'button', class: 'button small danger' }, 'Cancel');
      cancel.addEventListener('click', () => {
        const client = options.client();
        if (!client) return;
        cancel.disabled = true;
        client.cancel(job.job_id).then(
          () => refresh(),
          (error: unknown) => showError(describeError(error)),
        );
      });
      actions.append(cancel);
    }
    const open = h('button', { type: 'button', class: 'button small' }, 'Open');
    open.addEventListener('click', () => options.open(job.job_id));
    actions.append(open);
    return h(
      'tr',
      { 'data-job-id': job.job_id },
      h('td', {}, h('span', { class: `status status-${job.status}` }, job.status)),
      h('td', {}, job.type),
      h('td', { class: 'target' }, job.url ?? job.query ?? ''),
      h('td', { title: job.created_at }, new Date(job.created_at).toLocaleString()),
      actions,
    );
  };

  for (const select of [statusFilter, typeFilter]) {
    select.addEventListener('change', () => {
      page = 1;
      void refresh();
    });
  }
  refreshButton.addEventListener('click', () => void refresh());
  previous.addEventListener('click', () => {
    page = Math.max(1, page - 1);
    void refresh();
  });
  next.addEventListener('click', () => {
    page += 1;
    void refresh();
  });

  const element = h(
    'section',
    { class: 'card jobs', 'aria-label': 'Jobs' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Your jobs'), h('div', { class: 'filters' }, statusFilter, typeFilter, refreshButton)),
    table,
    message,
    h('div', { class: 'pager' }, previous, pageInfo, next),
  );
  return { element, refresh };
}

function filterSelect(id: string, label: string, all: string, values: readonly string[]): HTMLSelectElement {
  const select = h('select', { id, 'aria-label': label }, h('option', { value: '' }, all));
  for (const value of values) select.append(h('option', { value }, value));
  return select;
}
