import { afterEach, describe, expect, it } from 'vitest';
import { SiteDataSchema } from '@spideriq/schema';
import type { PhoneDetail, SpiderSitePayload } from '@spideriq/schema';
import { createAnalyser } from '../src/index.js';
import type { AnalysisInput, IntelSettings, RequestedFeatures } from '../src/index.js';
import { messagesOf, reply, startFakeModel } from '@spideriq/testkit';
import type { FakeModel, FakeModelOptions } from '@spideriq/testkit';
import { TECHSTART_ANSWERS, featureOf, techstartScript } from '@spideriq/testkit';
import { techstartPages } from './support/pages.js';

const fakes: FakeModel[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

const ALL: RequestedFeatures = { extract_company_info: true, extract_team: true, extract_pain_points: true, lead_scoring: true, custom_ai_prompt: false };
const PAYLOAD: SpiderSitePayload = { url: 'https://techstart.example/', product_description: 'Support automation platform', icp_description: 'B2B SaaS with 50-500 employees' };

async function fake(options: FakeModelOptions) {
  const started = await startFakeModel({ models: ['test-model'], apiKey: 'sk-test', ...options });
  fakes.push(started);
  return started;
}

function settings(model: FakeModel, extra: Partial<IntelSettings['model']> & { maxTokensPerJob?: number } = {}): IntelSettings {
  const { maxTokensPerJob, ...rest } = extra;
  return {
    model: { baseUrl: model.url, apiKey: 'sk-test', model: 'test-model', timeoutMs: 2000, structuredOutput: 'auto', ...rest },
    ...(maxTokensPerJob !== undefined ? { maxTokensPerJob } : {}),
  };
}

const phone = (international: string, e164: string, national: string): PhoneDetail => ({ raw: national, e164, national, international, country_code: 'GB', type: 'FIXED_LINE', valid: true });
/** A bakery whose contact page shows its own contacts, a demo email in a form hint and its web agency's credit. */
const CONTACT_PAGES = [
  {
    url: 'https://bakery.example/contact',
    html: `<html><head><title>Contact</title></head><body><main><h1>Contact us</h1>
      <p>Email hello@bakery.example or call 01233 612345.</p><p>12 High Street, Ashford, Kent, TN23 1AA</p>
      <form><label>Your email</label><p class="hint">for example jane.doe@example.com</p></form></main>
      <footer><p>Website by Pixel Forge Ltd, 020 7946 0991</p></footer></body></html>`,
  },
];
const CONTACTS = {
  emails: ['hello@bakery.example', 'jane.doe@example.com'],
  phones: ['+44 1233 612345', '+44 20 7946 0991'],
  phone_details: [phone('+44 1233 612345', '+441233612345', '01233 612345'), phone('+44 20 7946 0991', '+442079460991', '020 7946 0991')],
  addresses: ['12 High Street, Ashford, Kent, TN23 1AA'],
};

function input(requested: Partial<RequestedFeatures> = ALL, payload: SpiderSitePayload = PAYLOAD): AnalysisInput {
  return {
    url: payload.url,
    payload,
    requested: { ...{ extract_company_info: false, extract_team: false, extract_pain_points: false, lead_scoring: false, custom_ai_prompt: false }, ...requested },
    pages: techstartPages(),
    compendium: null,
    signal: new AbortController().signal,
  };
}

describe('createAnalyser against the fake OpenAI-compatible endpoint', () => {
  it('fills every feature with the seed shapes, one json_schema request each, usage summed exactly', async () => {
    const model = await fake({ script: techstartScript() });
    const result = await createAnalyser(settings(model))(input());
    expect(model.violations).toEqual([]);
    expect(model.requests.map((r) => r.mode)).toEqual(['json_schema', 'json_schema', 'json_schema', 'json_schema']);
    expect(model.requests.every((r) => r.body.response_format?.json_schema?.strict === true)).toBe(true);
    expect(result.fields.company_vitals).toEqual(TECHSTART_ANSWERS.company_vitals);
    expect(result.fields.team_members).toEqual(TECHSTART_ANSWERS.team_members.team_members);
    expect(result.fields.pain_points).toEqual(TECHSTART_ANSWERS.pain_points.pain_points);
    expect(result.fields.lead_scoring).toEqual(TECHSTART_ANSWERS.lead_scoring.lead_scoring);
    expect(result.fields.personalization_hooks).toEqual(TECHSTART_ANSWERS.lead_scoring.personalization_hooks);
    expect(result.metadata.ai_usage).toEqual({ ...model.reported, replies: undefined, requests: 4 });
    expect(result.metadata.ai_errors).toEqual({});
    expect(result.metadata.ai_sources).toMatchObject({ company_vitals: 'llm', team_members: 'llm', pain_points: 'llm', lead_scoring: 'llm' });
    expect(result.metadata.ai_pages.team_members?.[0]).toBe('https://techstart.example/team');
    expect(result.metadata.ai_pages.pain_points?.slice(0, 2).sort()).toEqual(['https://techstart.example/blog/scaling-support', 'https://techstart.example/careers'].sort());
    expect(result.metadata.ai_grounding).toEqual({ dropped_people: 0, dropped_emails: 0, dropped_linkedin: 0 });
    // The whole data object still validates with the extension metadata.
    const data = SiteDataSchema.shape.metadata.parse({ spa_enabled: false, sitemap_used: false, browser_rendering_available: false, crawl_strategy: 'bfs', total_emails_found: 0, total_phones_found: 0, ...result.metadata });
    expect(data.ai_usage?.requests).toBe(4);
    // The product and ICP reach the CHAMP request as user text.
    const champ = model.requests.find((r) => featureOf(r) === 'lead_scoring')!;
    expect(messagesOf(champ).user).toContain('B2B SaaS with 50-500 employees');
    expect(messagesOf(champ).system).not.toContain('B2B SaaS with 50-500 employees');
  });

  it('has validate_with_llm take out the contacts the model rejects, and nothing else', async () => {
    // A model that reads the numbered contacts as a model would: rejects the demo email and the web agency's phone.
    const model = await fake({
      script: (request) => {
        const user = messagesOf(request).user;
        const rejected = [...user.matchAll(/^\[(\d+)\] (\w+): (.+)\n {4}(.*)$/gm)].flatMap(([, id, , value, where]) =>
          /example\.com/.test(value!) ? [{ id: Number(id), reason: 'example' }] : /Website by/.test(where!) ? [{ id: Number(id), reason: 'third_party' }] : [],
        );
        return reply.answer({ rejected });
      },
    });
    const result = await createAnalyser(settings(model))({ ...input({ validate_with_llm: true }), pages: CONTACT_PAGES, contacts: CONTACTS });
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]!.body.response_format?.json_schema?.name).toBe('contact_validation');
    // Each contact reaches the model with where it was written: the agency's number with its credit line.
    const user = messagesOf(model.requests[0]!).user;
    expect(user).toContain('[4] phone: +44 20 7946 0991');
    expect(user).toMatch(/Website by Pixel Forge Ltd, 020 7946 0991/);
    expect(user).toContain('found on https://bakery.example/contact');
    expect(result.fields.emails).toEqual(['hello@bakery.example']);
    expect(result.fields.phones).toEqual(['+44 1233 612345']);
    expect(result.fields.phone_details?.map((p) => p.e164)).toEqual(['+441233612345']);
    expect(result.fields.addresses).toEqual(CONTACTS.addresses);
    expect(result.metadata.ai_validation).toEqual({
      checked: 5,
      removed: [
        { kind: 'email', value: 'jane.doe@example.com', reason: 'example' },
        { kind: 'phone', value: '+44 20 7946 0991', reason: 'third_party' },
      ],
    });
    expect(result.metadata.ai?.requested).toEqual(['validate_with_llm']);
    expect(result.metadata.ai_usage?.requests).toBe(1);
  });

  it('ignores a validation answer naming contacts it was not given, and keeps every contact when the model fails', async () => {
    const invented = await fake({ script: () => reply.answer({ rejected: [{ id: 99, reason: 'example' }, { id: 0, reason: 'malformed' }] }) });
    const kept = await createAnalyser(settings(invented))({ ...input({ validate_with_llm: true }), pages: CONTACT_PAGES, contacts: CONTACTS });
    expect(kept.fields).not.toHaveProperty('emails');
    expect(kept.metadata.ai_validation).toEqual({ checked: 5, removed: [] });

    const down = await fake({ script: () => reply.error(500) });
    const failed = await createAnalyser(settings(down))({ ...input({ validate_with_llm: true }), pages: CONTACT_PAGES, contacts: CONTACTS });
    expect(failed.fields).not.toHaveProperty('emails');
    expect(failed.metadata.ai_validation).toBeNull();
    expect(failed.metadata.ai_errors.validate_with_llm?.code).toBe('provider_error');
  });

  it('shows validate_with_llm only as many contacts as the prompt budget holds, keeping the rest unchecked', async () => {
    const model = await fake({ script: () => reply.answer({ rejected: [{ id: 1, reason: 'example' }] }) });
    const emails = Array.from({ length: 60 }, (_, i) => `person${i}@bakery.example`);
    const contacts = { ...CONTACTS, emails };
    const result = await createAnalyser({ ...settings(model), promptBudget: 900 })({ ...input({ validate_with_llm: true }), pages: CONTACT_PAGES, contacts });
    const checked = result.metadata.ai_validation!.checked;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThan(emails.length);
    const sent = messagesOf(model.requests[0]!);
    expect(sent.user).toContain(`[${checked}] `);
    expect(sent.user).not.toContain(`[${checked + 1}] `);
    expect(result.fields.emails).toEqual(emails.slice(1));
  });

  it('sends nothing for validate_with_llm without a model or without contacts, and says why', async () => {
    const none = await createAnalyser({ model: null })({ ...input({ validate_with_llm: true }), pages: CONTACT_PAGES, contacts: CONTACTS });
    expect(none.fields).toEqual({});
    expect(none.metadata.ai?.requested).toEqual(['validate_with_llm']);
    expect(none.metadata.ai_errors.validate_with_llm).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/needs an AI model/) });

    const model = await fake({ script: techstartScript() });
    const empty = await createAnalyser(settings(model))({ ...input({ validate_with_llm: true }), contacts: { emails: [], phones: [], phone_details: [], addresses: [] } });
    expect(model.requests).toHaveLength(0);
    expect(empty.metadata.ai_validation).toEqual({ checked: 0, removed: [] });
  });

  it('sends nothing for features that were not asked for', async () => {
    const model = await fake({ script: techstartScript() });
    const result = await createAnalyser(settings(model))(input({ extract_company_info: true }));
    expect(model.requests).toHaveLength(1);
    expect(result.fields).not.toHaveProperty('team_members');
    expect(result.fields).not.toHaveProperty('pain_points');
  });

  it('drops a hallucinated person, an email and a LinkedIn URL that no page shows, and counts them', async () => {
    const model = await fake({
      script: (request) =>
        featureOf(request) === 'team_members'
          ? reply.answer({
              team_members: [
                { name: 'Sarah Johnson', title: 'CEO', email: 'sarah.johnson@gmail.com', linkedin: 'https://www.linkedin.com/in/sarahjohnson/' },
                { name: 'Jane Ghost', title: 'CTO', email: 'jane@techstart.com', linkedin: null },
                { name: 'Mike Chen', title: 'VP of Sales', email: 'mike@techstart.com', linkedin: 'https://linkedin.com/in/mike-chen-invented' },
              ],
            })
          : reply.error(500),
    });
    const result = await createAnalyser(settings(model))(input({ extract_team: true }));
    expect(result.fields.team_members).toEqual([
      { name: 'Sarah Johnson', title: 'CEO', email: null, linkedin: 'https://linkedin.com/in/sarahjohnson' },
      { name: 'Mike Chen', title: 'VP of Sales', email: 'mike@techstart.com', linkedin: null },
    ]);
    expect(result.metadata.ai_grounding).toEqual({ dropped_people: 1, dropped_emails: 1, dropped_linkedin: 1 });
  });

  it('repairs malformed JSON once, with the errors in a user message', async () => {
    const model = await fake({ script: (_request, i) => (i === 0 ? reply.raw('{"name": "TechStart", "summary": ') : reply.answer(TECHSTART_ANSWERS.company_vitals)) });
    const result = await createAnalyser(settings(model))(input({ extract_company_info: true }));
    expect(result.fields.company_vitals).toEqual(TECHSTART_ANSWERS.company_vitals);
    expect(model.requests).toHaveLength(2);
    const repair = model.requests[1]!.body.messages!;
    expect(repair.at(-2)).toMatchObject({ role: 'assistant' });
    expect(repair.at(-1)).toMatchObject({ role: 'user' });
    expect(String(repair.at(-1)!.content)).toMatch(/not JSON/);
    expect(result.metadata.ai_usage).toMatchObject({ requests: 2, total_tokens: model.reported.total_tokens });
  });

  it('fails only the feature whose reply violates the schema twice, naming the fields', async () => {
    const model = await fake({
      script: (request) =>
        featureOf(request) === 'lead_scoring'
          ? reply.answer({ lead_scoring: { icp_fit_score: 7, champ_analysis: { challenges: 'many' } }, personalization_hooks: {} })
          : techstartScript()(request),
    });
    const result = await createAnalyser(settings(model))(input());
    expect(result.fields.lead_scoring).toBeUndefined();
    expect(result.metadata.ai_errors.lead_scoring?.code).toBe('invalid_output');
    expect(result.metadata.ai_errors.lead_scoring?.message).toMatch(/icp_fit_score/);
    expect(result.fields.company_vitals).toEqual(TECHSTART_ANSWERS.company_vitals);
    expect(model.requests.filter((r) => featureOf(r) === 'lead_scoring')).toHaveLength(2);
  });

  it('waits for Retry-After on a 429 and then succeeds', async () => {
    const model = await fake({ script: (_request, i) => (i === 0 ? reply.error(429, { error: { message: 'slow down' } }, { 'retry-after': '1' }) : reply.answer(TECHSTART_ANSWERS.company_vitals)) });
    const started = Date.now();
    const result = await createAnalyser(settings(model))(input({ extract_company_info: true }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.fields.company_vitals).toEqual(TECHSTART_ANSWERS.company_vitals);
    expect(result.metadata.ai_usage?.requests).toBe(2);
  });

  it('names a 429 whose Retry-After is too long as rate_limited, without waiting it out', async () => {
    const model = await fake({ script: () => reply.error(429, undefined, { 'retry-after': '3600' }) });
    const result = await createAnalyser(settings(model))(input({ extract_company_info: true }));
    expect(result.metadata.ai_errors.company_vitals?.code).toBe('rate_limited');
  });

  it('fails a feature on a 500 and on a hang past the timeout, and runs the others', async () => {
    const model = await fake({
      script: (request) => {
        const feature = featureOf(request);
        if (feature === 'company_vitals') return reply.error(500, { error: { message: 'upstream crashed' } });
        if (feature === 'pain_points') return reply.hang();
        return techstartScript()(request);
      },
    });
    const result = await createAnalyser(settings(model, { timeoutMs: 500 }))(input({ extract_company_info: true, extract_pain_points: true, extract_team: true }));
    expect(result.metadata.ai_errors.company_vitals).toMatchObject({ code: 'provider_error' });
    expect(result.metadata.ai_errors.company_vitals?.message).toMatch(/500/);
    expect(result.metadata.ai_errors.pain_points).toMatchObject({ code: 'timeout' });
    expect(result.fields.team_members).toHaveLength(2);
    expect(result.fields.company_vitals).toBeUndefined();
    expect(result.fields.pain_points).toBeUndefined();
  });

  it('falls back from json_schema to a forced tool call and remembers it for the endpoint', async () => {
    const model = await fake({ rejectJsonSchema: true, script: techstartScript() });
    const analyse = createAnalyser(settings(model));
    const first = await analyse(input({ extract_company_info: true, extract_team: true }));
    expect(model.violations).toEqual([]);
    expect(model.requests.map((r) => r.mode)).toEqual(['json_schema', 'tool', 'tool']);
    expect(first.fields.company_vitals).toEqual(TECHSTART_ANSWERS.company_vitals);
    await analyse(input({ extract_pain_points: true }));
    expect(model.requests.at(-1)!.mode).toBe('tool');
    expect(model.requests).toHaveLength(4);
  });

  it('falls back to json_object with the schema in the system message when tools are refused too', async () => {
    const model = await fake({ rejectJsonSchema: true, rejectTools: true, script: techstartScript() });
    const result = await createAnalyser(settings(model))(input({ extract_team: true }));
    expect(model.requests.map((r) => r.mode)).toEqual(['json_schema', 'tool', 'json_object']);
    expect(messagesOf(model.requests[2]!).system).toContain('"team_members"');
    expect(result.fields.team_members).toHaveLength(2);
  });

  it('with SPIDERIQ_LLM_STRUCTURED_OUTPUT=json_schema, a rejecting endpoint fails the feature instead of falling back', async () => {
    const model = await fake({ rejectJsonSchema: true, script: techstartScript() });
    const result = await createAnalyser(settings(model, { structuredOutput: 'json_schema' }))(input({ extract_company_info: true }));
    expect(model.requests).toHaveLength(1);
    expect(result.metadata.ai_errors.company_vitals?.code).toBe('invalid_request');
  });

  it('skips the features past SPIDERIQ_LLM_MAX_TOKENS_PER_JOB and says so', async () => {
    const model = await fake({ script: (request) => reply.answer(TECHSTART_ANSWERS[featureOf(request) as 'company_vitals'], { prompt_tokens: 900, completion_tokens: 100 }) });
    const result = await createAnalyser(settings(model, { maxTokensPerJob: 1500 }))(input({ extract_company_info: true, extract_team: true, extract_pain_points: true }));
    expect(model.requests).toHaveLength(1);
    expect(result.metadata.ai_usage).toMatchObject({ total_tokens: 1000, requests: 1 });
    expect(result.metadata.ai_errors.team_members?.code).toBe('token_cap');
    expect(result.metadata.ai_errors.pain_points?.code).toBe('token_cap');
  });

  it('runs a custom prompt with its model, temperature and max_tokens and validates the caller json_schema', async () => {
    const model = await fake({ models: ['test-model', 'other-model'], script: (_request, i) => (i === 0 ? reply.answer({ verdict: 3 }) : reply.answer({ verdict: 'good fit' })) });
    const payload: SpiderSitePayload = {
      url: 'https://techstart.example/',
      custom_ai_prompt: {
        enabled: true,
        user_prompt: 'Is this company a fit for us?',
        json_schema: { type: 'object', properties: { verdict: { type: 'string' } }, required: ['verdict'], additionalProperties: false },
        output_field_name: 'fit_check',
        model: 'other-model',
        temperature: 0.4,
        max_tokens: 300,
      },
    };
    const result = await createAnalyser(settings(model))({ ...input({ custom_ai_prompt: true }, payload), compendium: '# TechStart Solutions\n\nAI support automation.' });
    expect(result.fields.fit_check).toEqual({ verdict: 'good fit' });
    expect(model.requests[0]!.body).toMatchObject({ model: 'other-model', temperature: 0.4, max_tokens: 300 });
    expect(messagesOf(model.requests[0]!).user).toContain('Is this company a fit for us?');
    expect(messagesOf(model.requests[0]!).user).toContain('AI support automation.');
  });
});
