import { createClient, JobFailedError } from '@spideriq/client';
import type { JobResults, SpiderIQClient, SubmitMapsRequest, SubmitSiteRequest } from '@spideriq/client';
import type { JobType } from '@spideriq/schema';
import { h, replaceChildren } from './element.js';
import { describeError } from './error-message.js';
import type { ErrorReport } from './error-message.js';
import { renderForm } from './form/form-view.js';
import type { FormView } from './form/form-view.js';
import { JOB_FORMS } from './form/job-forms.js';
import { checkPayload, fieldOf, payloadFromValues } from './form/payload.js';
import { renderJobsList } from './jobs/jobs-list.js';
import { renderProgress } from './progress-view.js';
import type { ProgressView } from './progress-view.js';
import { renderResults } from './results/results-view.js';
import { renderSnippets } from './snippets-view.js';
import { renderTabs } from './tabs.js';
import { loadToken, saveToken } from './token-store.js';
import type { TokenStorage } from './token-store.js';

/** Where the playground runs: the API origin and the token's storage (injected so nothing here reads globals). */
export interface PlaygroundOptions {
  /** The server origin; the playground is served by the server, so `location.origin`. */
  baseUrl: string;
  storage: TokenStorage;
}

const JOB_TYPES: readonly JobType[] = ['spiderSite', 'spiderMaps'];

/**
 * Builds the playground into `root`: token, schema-built forms, code snippets, live progress, results in
 * three formats, and the jobs list. Every HTTP call goes through `@spideriq/client`.
 */
export function mountPlayground(root: HTMLElement, options: PlaygroundOptions): void {
  let token = loadToken(options.storage);
  let running: AbortController | null = null;
  const client = (): SpiderIQClient | null => (token === '' ? null : createClient({ baseUrl: options.baseUrl, token }));

  // Token
  const tokenInput = h('input', {
    id: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'client_id:api_key:api_secret',
    'aria-describedby': 'token-help',
  });
  tokenInput.value = token;
  const tokenHelp = h('span', { id: 'token-help', class: 'muted' }, token === '' ? 'Not set' : 'Saved in this browser');
  const reveal = h('button', { type: 'button', class: 'button small ghost', 'aria-pressed': 'false' }, 'Show');
  reveal.addEventListener('click', () => {
    const shown = tokenInput.type === 'text';
    tokenInput.type = shown ? 'password' : 'text';
    reveal.textContent = shown ? 'Show' : 'Hide';
    reveal.setAttribute('aria-pressed', String(!shown));
  });
  tokenInput.addEventListener('change', () => {
    token = saveToken(options.storage, tokenInput.value);
    tokenHelp.textContent = token === '' ? 'Not set' : 'Saved in this browser';
    void jobs.refresh();
  });

  // Output: errors, progress, results
  const errorPanel = h('div', { class: 'error-panel', role: 'alert', 'data-testid': 'error', hidden: true });
  const progressSlot = h('div', { class: 'progress-slot' });
  const resultsSlot = h('div', { class: 'results-slot' }, h('p', { class: 'placeholder muted' }, 'Submit a job to see its progress and results here.'));
  const showError = (report: ErrorReport | null) => {
    if (report === null) {
      errorPanel.hidden = true;
      errorPanel.replaceChildren();
      return;
    }
    replaceChildren(errorPanel, h('strong', {}, report.title), ...report.message.split('\n').map((line) => h('p', {}, line)));
    errorPanel.hidden = false;
  };

  // Forms and snippets
  const snippets = renderSnippets(options.baseUrl);
  // Extension: a webhook for the job's terminal event, beside the payload in the submit body.
  const webhookInput = h('input', { id: 'webhook-url', type: 'url', placeholder: 'https://crm.example.com/hooks/spideriq', spellcheck: 'false' });
  const webhookField = h(
    'div',
    { class: 'field webhook-field' },
    h('label', { for: 'webhook-url' }, 'Webhook URL (optional)'),
    webhookInput,
    h('span', { class: 'muted' }, 'The job’s final event is POSTed here, signed with your secret (GET /api/v1/webhooks/secret).'),
  );
  const webhookUrl = (): string | undefined => webhookInput.value.trim() || undefined;
  webhookInput.addEventListener('input', () => refreshSnippet());
  const forms = new Map<JobType, FormView>();
  let activeType: JobType = 'spiderSite';
  const refreshSnippet = () => {
    const spec = JOB_FORMS[activeType];
    const form = forms.get(activeType);
    const webhook = webhookUrl();
    if (form) snippets.update({ type: activeType, payload: payloadFromValues(spec.fields, form.values()), ...(webhook ? { webhook_url: webhook } : {}) });
  };
  const formTabs = renderTabs(
    'Job type',
    JOB_TYPES.map((type) => {
      const spec = JOB_FORMS[type];
      const form = renderForm(type, spec.fields, () => {
        form.clearErrors();
        refreshSnippet();
      });
      forms.set(type, form);
      form.element.append(h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button primary' }, type === 'spiderSite' ? 'Crawl site' : 'Search listings')));
      form.element.addEventListener('submit', (event) => {
        event.preventDefault();
        submit(type, form);
      });
      return { key: type, label: type, panel: h('div', {}, h('p', { class: 'muted form-intro' }, spec.title), form.element) };
    }),
    (key) => {
      activeType = key as JobType;
      refreshSnippet();
    },
  );

  const jobs = renderJobsList({ client, open: (jobId) => void openJob(jobId) });

  function begin(): { api: SpiderIQClient; signal: AbortSignal } | null {
    running?.abort();
    showError(null);
    const api = client();
    if (api === null) {
      showError({ title: 'Token needed', message: 'Enter your API token (client_id:api_key:api_secret) at the top first.', issues: [], retryAfterMs: null });
      tokenInput.focus();
      return null;
    }
    running = new AbortController();
    return { api, signal: running.signal };
  }

  function submit(type: JobType, form: FormView): void {
    const spec = JOB_FORMS[type];
    const checked = checkPayload(spec.schema, spec.fields, payloadFromValues(spec.fields, form.values()));
    if (!checked.ok) {
      form.showErrors(checked.errors);
      return;
    }
    form.clearErrors();
    const started = begin();
    if (started === null) return;
    void run(started.api, started.signal, type, form, checked.payload as Record<string, unknown>);
  }

  async function run(api: SpiderIQClient, signal: AbortSignal, type: JobType, form: FormView, payload: Record<string, unknown>): Promise<void> {
    replaceChildren(resultsSlot);
    replaceChildren(progressSlot, h('p', { class: 'muted' }, 'Submitting…'));
    let jobId: string;
    try {
      // The payload passed the same zod schema the server validates with.
      const webhook = webhookUrl();
      const hook = webhook ? { webhook_url: webhook } : {};
      const job =
        type === 'spiderSite'
          ? await api.submitSite({ payload: payload as SubmitSiteRequest['payload'], ...hook }, { signal })
          : await api.submitMaps({ payload: payload as SubmitMapsRequest['payload'], ...hook }, { signal });
      jobId = job.job_id;
    } catch (error) {
      progressSlot.replaceChildren();
      const report = describeError(error);
      showError(report);
      const fields = JOB_FORMS[type].fields;
      form.showErrors(report.issues.map((issue) => ({ field: fieldOf(fields, issue.location), message: issue.message })).filter((issue) => issue.field !== null));
      return;
    }
    void jobs.refresh();
    await follow(api, signal, jobId, type);
  }

  async function follow(api: SpiderIQClient, signal: AbortSignal, jobId: string, type: JobType): Promise<void> {
    const progress: ProgressView = renderProgress(jobId, type, () => {
      api.cancel(jobId).catch((error: unknown) => showError(describeError(error)));
    });
    replaceChildren(progressSlot, progress.element);
    try {
      const results = await api.waitForResults(jobId, { via: 'sse', signal, interval: 1000, onProgress: (step) => progress.update(step) });
      progress.finish('completed');
      showResults(results);
    } catch (error) {
      if (signal.aborted) return;
      progress.finish(error instanceof JobFailedError && error.body?.status === 'cancelled' ? 'cancelled' : 'failed');
      showError(describeError(error));
    } finally {
      void jobs.refresh();
    }
  }

  function showResults(results: JobResults): void {
    replaceChildren(resultsSlot, renderResults(results));
  }

  async function openJob(jobId: string): Promise<void> {
    const started = begin();
    if (started === null) return;
    replaceChildren(progressSlot);
    replaceChildren(resultsSlot, h('p', { class: 'muted' }, 'Loading…'));
    try {
      const results = await started.api.results(jobId, { signal: started.signal });
      if (results.status === 'completed') return showResults(results);
      replaceChildren(resultsSlot);
      await follow(started.api, started.signal, jobId, results.type);
    } catch (error) {
      if (started.signal.aborted) return;
      replaceChildren(resultsSlot);
      showError(describeError(error));
    }
  }

  const header = h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'S'), h('strong', {}, 'SpiderIQ'), h('span', { class: 'muted' }, 'Playground')),
    h('div', { class: 'token' }, h('label', { for: 'token' }, 'API token'), tokenInput, reveal, tokenHelp),
    h('nav', { class: 'links' }, h('a', { href: '/docs/' }, 'Docs'), h('a', { href: '/openapi.json' }, 'OpenAPI')),
  );

  replaceChildren(
    root,
    header,
    h(
      'main',
      { class: 'layout' },
      h('div', { class: 'column' }, h('section', { class: 'card submit', 'aria-label': 'New job' }, h('h2', {}, 'New job'), formTabs.element, webhookField), snippets.element),
      h('section', { class: 'card output', 'aria-label': 'Job output', 'data-testid': 'output' }, h('h2', {}, 'Progress and results'), errorPanel, progressSlot, resultsSlot),
    ),
    jobs.element,
  );
  refreshSnippet();
  void jobs.refresh();
}
