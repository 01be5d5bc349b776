import { afterAll, describe, expect, it } from 'vitest';
import { JobResultsSchema } from '@spideriq/schema';
import { registerEngines } from '../src/engines.js';
import { startTestServer, waitForStatus } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { messagesOf, reply, startFakeModel } from '@spideriq/testkit';
import type { FakeModelOptions } from '@spideriq/testkit';
import { TECHSTART_ANSWERS, featureOf, serveTechstart, techstartScript } from '@spideriq/testkit';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function setup(model: FakeModelOptions | null, extraEnv: Record<string, string> = {}) {
  const site = await serveTechstart();
  closers.push(site.close);
  const fake = await startFakeModel(model ?? { script: () => reply.error(500) });
  closers.push(fake.close);
  const env: Record<string, string> = { SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true', SPIDERIQ_CHROMIUM_PATH: '/nonexistent/chromium', ...extraEnv };
  if (model) Object.assign(env, { SPIDERIQ_LLM_BASE_URL: fake.url, SPIDERIQ_LLM_API_KEY: 'sk-test', SPIDERIQ_LLM_MODEL: 'test-model' });
  const server = await startTestServer(registerEngines, env);
  closers.push(server.close);
  return { site, fake, server };
}

async function runJob(server: TestServer, payload: object) {
  const res = await server.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { test: true, ...payload } }) });
  expect(res.status).toBe(201);
  const { job_id: id } = (await res.json()) as { job_id: string };
  await waitForStatus(server, id, ['completed', 'failed'], 60_000);
  const results = await server.api(`/api/v1/jobs/${id}/results`);
  const body = (await results.json()) as Record<string, any>;
  expect(results.status, JSON.stringify(body.error_message)).toBe(200);
  JobResultsSchema.parse(body);
  return body.data as Record<string, any>;
}

const FULL = {
  mode: 'leads',
  max_pages: 10,
  product_description: 'Support automation platform',
  icp_description: 'B2B SaaS companies with 50-500 employees',
  custom_ai_prompt: { enabled: true, user_prompt: 'Give a one-word verdict.', json_schema: { type: 'object', properties: { verdict: { type: 'string' } }, required: ['verdict'], additionalProperties: false } },
};

describe('spiderSite with the intelligence engine, over HTTP', () => {
  it('fills every AI field with the seed shapes, grounded in the crawled site, usage as the endpoint reported it', async () => {
    const { site, fake, server } = await setup({ models: ['test-model'], apiKey: 'sk-test', script: techstartScript({ verdict: 'fit' }) });
    const data = await runJob(server, { url: site.url, ...FULL });
    expect(fake.violations).toEqual([]);
    expect(data.company_vitals).toEqual(TECHSTART_ANSWERS.company_vitals);
    expect(data.team_members).toEqual(TECHSTART_ANSWERS.team_members.team_members);
    expect(data.pain_points).toEqual(TECHSTART_ANSWERS.pain_points.pain_points);
    expect(data.lead_scoring).toEqual(TECHSTART_ANSWERS.lead_scoring.lead_scoring);
    expect(data.personalization_hooks).toEqual(TECHSTART_ANSWERS.lead_scoring.personalization_hooks);
    expect(data.custom_analysis).toEqual({ verdict: 'fit' });
    const { ai_usage, ai_errors, ai_sources, ai_pages, ai_grounding, ai } = data.metadata;
    expect(ai).toMatchObject({ configured: true });
    expect(ai_usage).toEqual({ prompt_tokens: fake.reported.prompt_tokens, completion_tokens: fake.reported.completion_tokens, total_tokens: fake.reported.total_tokens, requests: fake.requests.length });
    expect(fake.requests).toHaveLength(5);
    expect(ai_errors).toEqual({});
    expect(ai_sources).toMatchObject({ company_vitals: 'llm', team_members: 'llm', pain_points: 'llm', lead_scoring: 'llm', custom_analysis: 'llm' });
    expect(ai_pages.team_members[0]).toBe(new URL('/team', site.url).href);
    expect(ai_grounding).toEqual({ dropped_people: 0, dropped_emails: 0, dropped_linkedin: 0 });
    // The custom prompt read the compendium, which holds the crawled text.
    const custom = fake.requests.find((r) => featureOf(r) === 'custom')!;
    expect(JSON.stringify(custom.body.messages)).toContain('Manual ticket triage');
  });

  it('in the full mode, validate_with_llm takes out the contacts the model rejects from the result', async () => {
    const script = techstartScript({ verdict: 'fit' });
    const { site, fake, server } = await setup({
      models: ['test-model'],
      apiKey: 'sk-test',
      script: (request) => {
        if (featureOf(request) !== 'contact_validation') return script(request);
        const line = /^\[(\d+)\] email: mike@techstart\.com$/m.exec(messagesOf(request).user);
        return reply.answer({ rejected: line ? [{ id: Number(line[1]), reason: 'third_party' }] : [] });
      },
    });
    const before = await runJob(server, { url: site.url, mode: 'contacts', max_pages: 10 });
    expect(before.emails).toContain('mike@techstart.com');
    const data = await runJob(server, { url: site.url, mode: 'full', max_pages: 10, product_description: 'x', icp_description: 'y' });
    expect(data.metadata.ai.requested).toContain('validate_with_llm');
    expect(data.metadata.ai_validation).toEqual({ checked: expect.any(Number), removed: [{ kind: 'email', value: 'mike@techstart.com', reason: 'third_party' }] });
    expect(data.emails).toEqual(before.emails.filter((email: string) => email !== 'mike@techstart.com'));
    expect(data.phones).toEqual(before.phones);
    expect(fake.requests.filter((r) => featureOf(r) === 'contact_validation')).toHaveLength(1);
  });

  it('completes with every fault mode, each named under metadata.ai_errors', async () => {
    const { site, fake, server } = await setup(
      {
        script: (request) => {
          switch (featureOf(request)) {
            case 'company_vitals':
              return reply.raw('{"name": "TechStart", oops');
            case 'team_members':
              return reply.hang();
            case 'pain_points':
              return reply.error(500, { error: { message: 'upstream exploded' } });
            case 'lead_scoring':
              return reply.error(429, { error: { message: 'quota' } }, { 'retry-after': '3600' });
            default:
              return reply.answer({ verdict: 42 });
          }
        },
      },
      { SPIDERIQ_LLM_TIMEOUT_MS: '1000' },
    );
    const data = await runJob(server, { url: site.url, ...FULL });
    const errors = data.metadata.ai_errors;
    expect(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, (v as { code: string }).code]))).toEqual({
      company_vitals: 'invalid_output',
      team_members: 'timeout',
      pain_points: 'provider_error',
      lead_scoring: 'rate_limited',
      custom_analysis: 'invalid_output',
    });
    expect(data.company_vitals).toBeNull();
    expect(data.team_members).toEqual([]);
    expect(data.pain_points).toBeNull();
    expect(data.lead_scoring).toBeNull();
    expect(data.personalization_hooks).toBeNull();
    expect(data).not.toHaveProperty('custom_analysis');
    expect(data.emails.length).toBeGreaterThan(0);
    expect(data.metadata.ai_usage.total_tokens).toBe(fake.reported.total_tokens);
  });

  it('falls back to a forced tool call on an endpoint that rejects json_schema, and drops a hallucinated person', async () => {
    const { site, fake, server } = await setup({
      rejectJsonSchema: true,
      script: (request) =>
        featureOf(request) === 'team_members'
          ? reply.answer({ team_members: [...TECHSTART_ANSWERS.team_members.team_members, { name: 'Olivia Phantom', title: 'CTO', email: 'olivia@techstart.com', linkedin: null }] })
          : techstartScript()(request),
    });
    const data = await runJob(server, { url: site.url, extract_team: true, extract_company_info: true });
    expect(fake.requests.map((r) => r.mode)).toEqual(['json_schema', 'tool', 'tool']);
    expect(data.team_members.map((p: { name: string }) => p.name)).toEqual(['Sarah Johnson', 'Mike Chen']);
    expect(data.metadata.ai_grounding.dropped_people).toBe(1);
    expect(data.company_vitals).toEqual(TECHSTART_ANSWERS.company_vitals);
  });

  it('with no model configured, fills name, summary and the team from the markup and sends no request', async () => {
    const { site, fake, server } = await setup(null);
    const data = await runJob(server, { url: site.url, mode: 'leads', max_pages: 10, product_description: 'x', icp_description: 'y' });
    expect(fake.requests).toHaveLength(0);
    expect(data.company_vitals).toEqual({ name: 'TechStart Solutions', summary: 'AI-powered customer support automation for SaaS companies', industry: null, services: [], target_audience: null });
    expect(data.team_members).toEqual([
      { name: 'Sarah Johnson', title: 'CEO & Founder', email: 'sarah@techstart.com', linkedin: 'https://linkedin.com/in/sarahjohnson' },
      { name: 'Mike Chen', title: 'VP of Sales', email: 'mike@techstart.com', linkedin: 'https://linkedin.com/in/mikechen' },
    ]);
    expect(data.pain_points).toBeNull();
    expect(data.lead_scoring).toBeNull();
    expect(data.metadata.ai_sources).toEqual({ 'company_vitals.name': 'jsonld', 'company_vitals.summary': 'jsonld', team_members: 'markup' });
    expect(data.metadata.ai.configured).toBe(false);
    expect(data.metadata.ai_usage).toBeNull();
    expect(data.metadata.ai_errors.pain_points.code).toBe('unsupported');
  });
});
