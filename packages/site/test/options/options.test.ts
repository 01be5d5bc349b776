import { describe, expect, it } from 'vitest';
import { SpiderSitePayloadSchema } from '@spideriq/schema';
import { resolveSiteOptions } from '../../src/options.js';

const resolve = (payload: Record<string, unknown>) => resolveSiteOptions(SpiderSitePayloadSchema.parse({ url: 'https://a.com', ...payload }));

describe('resolveSiteOptions', () => {
  it.each([
    ['no mode', {}, 10, true, 'fit', 100_000, ['css', 'jsonld', 'regex', 'microformat']],
    ['contacts', { mode: 'contacts' }, 5, false, 'fit', 100_000, ['css', 'jsonld', 'regex']],
    ['compendium', { mode: 'compendium' }, 10, true, 'fit', 100_000, ['css']],
    ['leads', { mode: 'leads' }, 50, true, 'fit', 100_000, ['css', 'jsonld', 'regex', 'microformat']],
    ['full', { mode: 'full' }, 100, true, 'raw', 200_000, ['css', 'jsonld', 'regex', 'microformat']],
  ])('mode preset %s', (_name, payload, maxPages, compendium, cleanup, maxChars, strategies) => {
    const o = resolve(payload);
    expect(o.max_pages).toBe(maxPages);
    expect(o.compendium.enabled).toBe(compendium);
    expect(o.compendium.cleanup_level).toBe(cleanup);
    expect(o.compendium.max_chars).toBe(maxChars);
    expect(o.strategies).toEqual(strategies);
  });

  it('applies payload field > overrides > mode preset > default', () => {
    expect(resolve({ mode: 'leads', overrides: { max_pages: 20 } }).max_pages).toBe(20);
    expect(resolve({ mode: 'leads', overrides: { max_pages: 20 }, max_pages: 7 }).max_pages).toBe(7);
    expect(resolve({ mode: 'contacts', overrides: { compendium: { enabled: true, cleanup_level: 'minimal' } } }).compendium).toMatchObject({
      enabled: true,
      cleanup_level: 'minimal',
      max_chars: 100_000,
    });
    expect(resolve({ mode: 'full', compendium: { cleanup_level: 'citations' }, overrides: { compendium: { cleanup_level: 'fit' } } }).compendium.cleanup_level).toBe(
      'citations',
    );
    expect(resolve({ overrides: { strategies: ['regex'] } }).strategies).toEqual(['regex']);
    expect(resolve({ crawl_strategy: 'dfs', overrides: { crawl_strategy: 'bfs' } }).crawl_strategy).toBe('dfs');
  });

  it('uses the documented defaults', () => {
    expect(resolve({})).toMatchObject({
      mode: null,
      crawl_strategy: 'bestfirst',
      target_pages: ['contact', 'about', 'team', 'news', 'blog'],
      timeout: 30,
      enable_spa: true,
      spa_timeout: 30,
      compendium: { include_in_response: true, remove_duplicates: true, separator: '\n\n---\n\n', priority_sections: ['main', 'article', 'content'] },
    });
  });

  it('records which AI features were asked for, from flags and presets', () => {
    expect(resolve({}).ai).toEqual({
      extract_team: false,
      extract_company_info: false,
      extract_pain_points: false,
      lead_scoring: false,
      custom_ai_prompt: false,
      validate_with_llm: false,
    });
    expect(resolve({ mode: 'leads', extract_team: false }).ai).toMatchObject({ extract_team: false, extract_company_info: true, extract_pain_points: true });
    expect(resolve({ product_description: 'CRM', icp_description: 'Plumbers' }).ai.lead_scoring).toBe(true);
    expect(resolve({ mode: 'full' }).ai.validate_with_llm).toBe(true);
  });
});
