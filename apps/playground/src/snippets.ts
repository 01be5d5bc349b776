import type { JobType } from '@spideriq/schema';

/** A request as the playground sends it: the job type and its body (`{payload, priority}`). */
export interface SnippetRequest {
  readonly type: JobType;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Extension: where to POST the job's signed terminal event (the submit body's `webhook_url`). */
  readonly webhook_url?: string;
}

/** The submit body of a request: the payload, and the webhook URL when there is one. */
function submitBody(request: SnippetRequest): Record<string, unknown> {
  return request.webhook_url ? { payload: request.payload, webhook_url: request.webhook_url } : { payload: request.payload };
}

/** The languages a request can be copied as. */
export type SnippetLanguage = 'curl' | 'python' | 'js' | 'cli';

/** Tab labels, in the order shown. */
export const SNIPPET_LANGUAGES: readonly { language: SnippetLanguage; label: string }[] = [
  { language: 'curl', label: 'curl' },
  { language: 'python', label: 'Python' },
  { language: 'js', label: 'JavaScript' },
  { language: 'cli', label: 'CLI' },
];

/** The token is never pasted into a snippet: each one reads it from `SPIDERIQ_TOKEN`. */
const TOKEN_VARIABLE = 'SPIDERIQ_TOKEN';

const SUBMIT_PATH: Record<JobType, string> = {
  spiderSite: '/api/v1/jobs/spiderSite/submit',
  spiderMaps: '/api/v1/jobs/spiderMaps/submit',
};

/** Quotes a word for POSIX shells: single quotes, with embedded ones closed, escaped and reopened. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The same request as code, for `baseUrl` (the server origin). */
export function snippet(language: SnippetLanguage, baseUrl: string, request: SnippetRequest): string {
  switch (language) {
    case 'curl':
      return curlSnippet(baseUrl, request);
    case 'python':
      return pythonSnippet(baseUrl, request);
    case 'js':
      return jsSnippet(baseUrl, request);
    case 'cli':
      return cliSnippet(baseUrl, request);
  }
}

function curlSnippet(baseUrl: string, request: SnippetRequest): string {
  const body = JSON.stringify(submitBody(request));
  return [
    `curl -sS -X POST ${shellQuote(`${baseUrl}${SUBMIT_PATH[request.type]}`)} \\`,
    `  -H "Authorization: Bearer $${TOKEN_VARIABLE}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
    '',
    '# then, with the job_id it returns:',
    `curl -sS ${shellQuote(`${baseUrl}/api/v1/jobs/`)}"$JOB_ID/results?format=yaml" -H "Authorization: Bearer $${TOKEN_VARIABLE}"`,
  ].join('\n');
}

function pythonSnippet(baseUrl: string, request: SnippetRequest): string {
  const payload = pythonLiteral(request.payload, '');
  return [
    'import os, time',
    'import requests',
    '',
    `API = ${JSON.stringify(baseUrl)}`,
    `HEADERS = {"Authorization": f"Bearer {os.environ['${TOKEN_VARIABLE}']}"}`,
    '',
    `payload = ${payload}`,
    request.webhook_url
      ? `job = requests.post(f"{API}${SUBMIT_PATH[request.type]}", json={"payload": payload, "webhook_url": ${JSON.stringify(request.webhook_url)}}, headers=HEADERS).json()`
      : `job = requests.post(f"{API}${SUBMIT_PATH[request.type]}", json={"payload": payload}, headers=HEADERS).json()`,
    '',
    'while True:',
    `    r = requests.get(f"{API}/api/v1/jobs/{job['job_id']}/results", headers=HEADERS)`,
    '    if r.status_code != 202:',
    '        break',
    '    time.sleep(2)',
    'r.raise_for_status()',
    'print(r.json()["data"])',
  ].join('\n');
}

function jsSnippet(baseUrl: string, request: SnippetRequest): string {
  const method = request.type === 'spiderSite' ? 'submitSite' : 'submitMaps';
  const payload = JSON.stringify(request.payload, null, 2).replace(/\n/g, '\n  ');
  return [
    "import { createClient } from '@spideriq/client';",
    '',
    `const client = createClient({ baseUrl: ${JSON.stringify(baseUrl)}, token: process.env.${TOKEN_VARIABLE} });`,
    `const job = await client.${method}({`,
    `  payload: ${payload},`,
    ...(request.webhook_url ? [`  webhook_url: ${JSON.stringify(request.webhook_url)}, // signed; verify with the secret from client.webhookSecret()`] : []),
    '});',
    "const results = await client.waitForResults(job.job_id, { via: 'sse' });",
    'console.log(results.data);',
  ].join('\n');
}

/** CLI flags for the payload fields the `spideriq` command takes (apps/cli). */
const CLI_FLAGS: Record<JobType, readonly { path: readonly string[]; flag: string }[]> = {
  spiderSite: [
    { path: ['mode'], flag: '--mode' },
    { path: ['max_pages'], flag: '--max-pages' },
    { path: ['crawl_strategy'], flag: '--strategy' },
    { path: ['compendium', 'cleanup_level'], flag: '--compendium' },
  ],
  spiderMaps: [
    { path: ['max_results'], flag: '--max-results' },
    { path: ['lang'], flag: '--lang' },
  ],
};

function cliSnippet(baseUrl: string, request: SnippetRequest): string {
  const { payload } = request;
  const subject = request.type === 'spiderSite' ? ['site', String(payload['url'] ?? '')] : ['maps', String(payload['search_query'] ?? payload['query'] ?? '')];
  const words = ['spideriq', subject[0] ?? '', shellQuote(subject[1] ?? '')];
  for (const { path, flag } of CLI_FLAGS[request.type]) {
    const value = valueAt(payload, path);
    if (value !== undefined && value !== null) words.push(flag, shellQuote(String(value)));
  }
  words.push('--api-url', shellQuote(baseUrl), '--format', 'md');
  const note = request.webhook_url ? '# the CLI waits for the results itself; for a webhook, use the curl, Python or JS snippet\n' : '';
  return `export ${TOKEN_VARIABLE}=…   # your client_id:api_key:api_secret\n${note}${words.join(' ')}`;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A JSON value as a Python literal (JSON strings are valid Python strings; only the keywords differ). */
export function pythonLiteral(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)},`).join('\n')}\n${indent}}`;
}
