import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyser } from '../src/index.js';
import { messagesOf, reply, startFakeModel } from '@spideriq/testkit';
import type { FakeModel } from '@spideriq/testkit';
import { featureOf, techstartScript } from '@spideriq/testkit';
import { techstartPages } from './support/pages.js';

const fakes: FakeModel[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

describe('a page that tries a prompt injection', () => {
  it('stays data: only in the user message, inside delimiters it cannot close, never in the system message', async () => {
    const model = await startFakeModel({ script: techstartScript() });
    fakes.push(model);
    await createAnalyser({ model: { baseUrl: model.url, model: 'm', timeoutMs: 2000, structuredOutput: 'auto' } })({
      url: 'https://techstart.example/',
      payload: { url: 'https://techstart.example/' },
      requested: { extract_company_info: true, extract_team: true, extract_pain_points: true, lead_scoring: false, custom_ai_prompt: false },
      pages: techstartPages(),
      compendium: null,
      signal: new AbortController().signal,
    });
    expect(model.requests.length).toBe(3);
    for (const request of model.requests) {
      const { system, user } = messagesOf(request);
      expect(system).not.toMatch(/IGNORE ALL PREVIOUS INSTRUCTIONS|John Hacker/);
      expect(system).toMatch(/untrusted data/);
      if (user.includes('IGNORE ALL PREVIOUS INSTRUCTIONS')) {
        // The fake "END PAGE" in the text is neutralised: exactly one real closing marker per opened page.
        const opened = user.match(/<<<PAGE /g)?.length ?? 0;
        expect(user.match(/<<<END PAGE>>>/g)?.length).toBe(opened);
        const block = user.slice(user.lastIndexOf('<<<PAGE ', user.indexOf('IGNORE ALL')), user.indexOf('<<<END PAGE>>>', user.indexOf('IGNORE ALL')));
        expect(block).toContain('John Hacker');
      }
    }
    expect(model.requests.some((r) => messagesOf(r).user.includes('IGNORE ALL PREVIOUS INSTRUCTIONS'))).toBe(true);
  });

  it('an obeying model cannot change the output shape or leak the system prompt, and invented people are still dropped', async () => {
    const model = await startFakeModel({
      script: (request) =>
        featureOf(request) === 'team_members'
          ? reply.answer({ team_members: [{ name: 'John Hacker', title: 'CEO', email: 'john@evil.example', linkedin: null }, { name: 'Eve Prompt', title: 'System', email: null, linkedin: null }] })
          : reply.answer({ hacked: true, system_prompt: messagesOf(request).system }),
    });
    fakes.push(model);
    const result = await createAnalyser({ model: { baseUrl: model.url, model: 'm', timeoutMs: 2000, structuredOutput: 'auto' } })({
      url: 'https://techstart.example/',
      payload: { url: 'https://techstart.example/' },
      requested: { extract_company_info: true, extract_team: true, extract_pain_points: false, lead_scoring: false, custom_ai_prompt: false },
      pages: techstartPages(),
      compendium: null,
      signal: new AbortController().signal,
    });
    // The shape-breaking answer is refused by validation (and its repair too): no leaked prompt in the result.
    expect(result.fields.company_vitals).toBeUndefined();
    expect(result.metadata.ai_errors.company_vitals?.code).toBe('invalid_output');
    expect(JSON.stringify(result)).not.toMatch(/untrusted data/);
    // Grounding is about provenance, not intent: "John Hacker" and his email are written on the injection
    // page, so they survive (a limit worth knowing); the invented "Eve Prompt" is on no page and is dropped.
    expect(result.fields.team_members?.map((p) => p.name)).toEqual(['John Hacker']);
    expect(result.fields.team_members?.[0]?.email).toBe('john@evil.example');
    expect(result.metadata.ai_grounding?.dropped_people).toBe(1);
  });
});
