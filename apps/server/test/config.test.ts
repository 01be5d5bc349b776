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
    ['SPIDERIQ_ROLE', 'scheduler', /SPIDERIQ_ROLE="scheduler"/],
    ['SPIDERIQ_REDIS_URL', 'http://127.0.0.1:6379', /SPIDERIQ_REDIS_URL/],
    ['SPIDERIQ_QUEUE_PREFIX', 'Has Spaces', /SPIDERIQ_QUEUE_PREFIX/],
    ['SPIDERIQ_WEBHOOK_RETRY_SECONDS', '5,30,120', /SPIDERIQ_WEBHOOK_RETRY_SECONDS="5,30,120": must be at least 4/],
    ['SPIDERIQ_WEBHOOK_RETRY_SECONDS', '5,x,1,2', /SPIDERIQ_WEBHOOK_RETRY_SECONDS/],
    ['SPIDERIQ_WEBHOOK_TIMEOUT_SECONDS', '0', /SPIDERIQ_WEBHOOK_TIMEOUT_SECONDS/],
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

  it('reads the scale-out roles, and refuses a separate role without the shared database', () => {
    expect(loadConfig({})).toMatchObject({ role: 'all', database: null, redisUrl: null });
    const worker = loadConfig({ SPIDERIQ_ROLE: 'worker', SPIDERIQ_INSTANCE: 'w-7', SPIDERIQ_DATABASE_URL: 'postgres://db/x', SPIDERIQ_REDIS_URL: 'redis://r:6379/2', SPIDERIQ_RECONCILE_SECONDS: '5' });
    expect(worker).toMatchObject({ role: 'worker', instance: 'w-7', redisUrl: 'redis://r:6379/2', queue: { prefix: 'spideriq', reconcileMs: 5000 } });
    expect(() => loadConfig({ SPIDERIQ_ROLE: 'api' })).toThrow(/SPIDERIQ_ROLE="api".*SPIDERIQ_DATABASE_URL/);
  });

  it('reads the webhook schedule and the MCP Host allow-list', () => {
    const defaults = loadConfig({ PORT: '9000', SPIDERIQ_PUBLIC_URL: 'https://api.example.com' });
    expect(defaults.webhooks).toEqual({ retryScheduleMs: [5, 30, 120, 600, 1800, 3600, 10_800, 21_600, 43_200].map((s) => s * 1000), timeoutMs: 10_000, pollMs: 1000 });
    expect(defaults.mcpAllowedHosts).toEqual(['api.example.com', '127.0.0.1:9000', 'localhost:9000', '[::1]:9000']);
    const set = loadConfig({ SPIDERIQ_WEBHOOK_RETRY_SECONDS: '0.2, 0.4,0.8,1.6', SPIDERIQ_WEBHOOK_TIMEOUT_SECONDS: '0.5', SPIDERIQ_MCP_ALLOWED_HOSTS: 'mcp.internal:8080, 10.0.0.5:8080' });
    expect(set.webhooks).toMatchObject({ retryScheduleMs: [200, 400, 800, 1600], timeoutMs: 500 });
    expect(set.mcpAllowedHosts).toEqual(['mcp.internal:8080', '10.0.0.5:8080']);
  });
});
