/**
 * `pnpm bench:intel`: prompt tokens per AI feature on the test sites against the budget, and the time the
 * intelligence pipeline adds to a job (page parsing, selection, tokenising, validation, grounding) with the
 * model's own latency excluded: every request's time inside the provider call is subtracted.
 */
import { performance } from 'node:perf_hooks';
import { createAnalyser, createOpenAiCompatibleClient, DEFAULT_PROMPT_BUDGET } from '../src/index.js';
import type { AnalysisInput, FeatureTrace, ModelClient, PageInput } from '../src/index.js';
import { startFakeModel } from '@spideriq/testkit';
import { techstartScript } from '@spideriq/testkit';
import { techstartPages } from '../test/support/pages.js';
import { TEAM_PAGES } from '../test/fixtures/team-pages.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const budget = Number(process.env.SPIDERIQ_LLM_PROMPT_TOKENS ?? DEFAULT_PROMPT_BUDGET);

/** A 40-page site whose text far exceeds the budget, to show selection and truncation at work. */
function largeSite(): PageInput[] {
  const paragraph = (topic: string, i: number) =>
    `<p>${topic} update ${i}: our customers asked for faster onboarding, so the team rebuilt the import pipeline and cut setup time by half. ` +
    'We also expanded support hours across Europe and hired engineers for reliability and security work.</p>';
  const pages: PageInput[] = [{ url: 'https://large.example/', html: `<html><head><title>Large Co</title><meta property="og:site_name" content="Large Co"></head><body>${Array.from({ length: 30 }, (_, i) => paragraph('Company', i)).join('')}</body></html>` }];
  for (let n = 0; n < 39; n += 1) {
    const kind = ['blog', 'news', 'careers', 'team', 'services', 'docs'][n % 6]!;
    pages.push({ url: `https://large.example/${kind}/${n}`, html: `<html><head><title>${kind} ${n} | Large Co</title></head><body>${Array.from({ length: 25 }, (_, i) => paragraph(kind, i)).join('')}</body></html>` });
  }
  return pages;
}

const sites: Array<{ name: string; url: string; pages: PageInput[] }> = [
  { name: 'techstart (7 pages)', url: 'https://techstart.example/', pages: techstartPages() },
  { name: 'team pages, 5 languages', url: TEAM_PAGES[0]!.url, pages: TEAM_PAGES.map((c) => ({ url: c.url, html: c.html })) },
  { name: 'large (40 pages)', url: 'https://large.example/', pages: largeSite() },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const fake = await startFakeModel({ script: techstartScript({ verdict: 'fit' }) });
try {
  console.log(`intel bench: prompt budget ${budget} tokens per request, ${ROUNDS} rounds, fake model on ${fake.url}\n`);
  console.log('| site | feature | prompt tokens (o200k) | budget | pages |');
  console.log('|---|---|---|---|---|');
  const timing: string[] = [];
  for (const site of sites) {
    const input = (): AnalysisInput => ({
      url: site.url,
      payload: { url: site.url, product_description: 'Support automation platform', icp_description: 'B2B SaaS, 50-500 employees', custom_ai_prompt: { enabled: true, user_prompt: 'One-word verdict.' } },
      requested: { extract_company_info: true, extract_team: true, extract_pain_points: true, lead_scoring: true, custom_ai_prompt: true },
      pages: site.pages,
      compendium: site.pages.map((p) => p.html.replace(/<[^>]+>/g, ' ')).join('\n\n---\n\n'),
      signal: new AbortController().signal,
    });
    const real = createOpenAiCompatibleClient({ baseUrl: fake.url });
    let modelMs = 0;
    const timed: ModelClient = {
      endpoint: real.endpoint,
      complete: async (request) => {
        const started = performance.now();
        try {
          return await real.complete(request);
        } finally {
          modelMs += performance.now() - started;
        }
      },
    };
    let traces: FeatureTrace[] = [];
    const analyse = createAnalyser({ model: { baseUrl: fake.url, model: 'bench', timeoutMs: 10_000, structuredOutput: 'auto' }, promptBudget: budget }, { client: timed, onTrace: (t) => traces.push(t) });
    const deterministic = createAnalyser({ model: null });
    await analyse(input()); // warm the tokenizer and the connection
    const added: number[] = [];
    const offline: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      traces = [];
      modelMs = 0;
      const started = performance.now();
      await analyse(input());
      added.push(performance.now() - started - modelMs);
      const t0 = performance.now();
      await deterministic(input());
      offline.push(performance.now() - t0);
    }
    for (const trace of traces) console.log(`| ${site.name} | ${trace.field} | ${trace.promptTokens} | ${budget} | ${trace.pages.length} |`);
    timing.push(`| ${site.name} | ${median(added).toFixed(1)} ms | ${median(offline).toFixed(1)} ms |`);
  }
  console.log('\n| site | pipeline time added, 5 features, model latency excluded (median) | no-model deterministic pass (median) |');
  console.log('|---|---|---|');
  for (const line of timing) console.log(line);
} finally {
  await fake.close();
}
