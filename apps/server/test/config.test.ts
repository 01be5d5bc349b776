import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8080, publicUrl: 'http://127.0.0.1:8080', rateLimit: { perMinute: 100, burst: 20 }, maxAttempts: 3, allowPrivateNetworks: false });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty"/],
    ['SPIDERIQ_RATE_LIMIT_PER_MINUTE', '0', /SPIDERIQ_RATE_LIMIT_PER_MINUTE="0"/],
    ['SPIDERIQ_PUBLIC_URL', 'not a url', /SPIDERIQ_PUBLIC_URL/],
    ['SPIDERIQ_ALLOW_PRIVATE_NETWORKS', 'maybe', /SPIDERIQ_ALLOW_PRIVATE_NETWORKS/],
    ['SPIDERIQ_MAPS_PROVIDER', 'bing', /SPIDERIQ_MAPS_PROVIDER/],
    ['SPIDERIQ_LLM_BASE_URL', 'http://127.0.0.1:11434', /SPIDERIQ_LLM_BASE_URL=.*must end in \/v1/],
    ['SPIDERIQ_LLM_STRUCTURED_OUTPUT', 'grammar', /SPIDERIQ_LLM_STRUCTURED_OUTPUT/],
    ['SPIDERIQ_LLM_PROMPT_TOKENS', '10', /SPIDERIQ_LLM_PROMPT_TOKENS="10"/],
  ])('stops start-up on a bad %s, naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('splits bootstrap tokens and derives the public URL', () => {
    const config = loadConfig({ SPIDERIQ_BOOTSTRAP_TOKEN: ' a , b ,', HOST: '0.0.0.0', PORT: '9000' });
    expect(config.bootstrapTokens).toEqual(['a', 'b']);
    expect(config.publicUrl).toBe('http://127.0.0.1:9000');
  });

  it('configures the AI model only with both a base URL and a model, with the documented defaults', () => {
    expect(loadConfig({}).intel).toEqual({ model: null, promptBudget: 6000, maxTokensPerJob: null });
    const config = loadConfig({ SPIDERIQ_LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', SPIDERIQ_LLM_MODEL: 'qwen2.5:7b', SPIDERIQ_LLM_MAX_TOKENS_PER_JOB: '20000' });
    expect(config.intel).toEqual({
      model: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', timeoutMs: 60000, structuredOutput: 'auto' },
      promptBudget: 6000,
      maxTokensPerJob: 20000,
    });
    expect(() => loadConfig({ SPIDERIQ_LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/SPIDERIQ_LLM_MODEL/);
  });
});
