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

  it('reads the webhook schedule and the MCP Host allow-list', () => {
    const defaults = loadConfig({ PORT: '9000', SPIDERIQ_PUBLIC_URL: 'https://api.example.com' });
    expect(defaults.webhooks).toEqual({ retryScheduleMs: [5, 30, 120, 600, 1800, 3600, 10_800, 21_600, 43_200].map((s) => s * 1000), timeoutMs: 10_000, pollMs: 1000 });
    expect(defaults.mcpAllowedHosts).toEqual(['api.example.com', '127.0.0.1:9000', 'localhost:9000', '[::1]:9000']);
    const set = loadConfig({ SPIDERIQ_WEBHOOK_RETRY_SECONDS: '0.2, 0.4,0.8,1.6', SPIDERIQ_WEBHOOK_TIMEOUT_SECONDS: '0.5', SPIDERIQ_MCP_ALLOWED_HOSTS: 'mcp.internal:8080, 10.0.0.5:8080' });
    expect(set.webhooks).toMatchObject({ retryScheduleMs: [200, 400, 800, 1600], timeoutMs: 500 });
    expect(set.mcpAllowedHosts).toEqual(['mcp.internal:8080', '10.0.0.5:8080']);
  });
});
