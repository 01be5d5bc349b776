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
    ['SPIDERIQ_ROLE', 'scheduler', /SPIDERIQ_ROLE="scheduler"/],
    ['SPIDERIQ_REDIS_URL', 'http://127.0.0.1:6379', /SPIDERIQ_REDIS_URL/],
    ['SPIDERIQ_QUEUE_PREFIX', 'Has Spaces', /SPIDERIQ_QUEUE_PREFIX/],
  ])('stops start-up on a bad %s, naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('splits bootstrap tokens and derives the public URL', () => {
    const config = loadConfig({ SPIDERIQ_BOOTSTRAP_TOKEN: ' a , b ,', HOST: '0.0.0.0', PORT: '9000' });
    expect(config.bootstrapTokens).toEqual(['a', 'b']);
    expect(config.publicUrl).toBe('http://127.0.0.1:9000');
  });

  it('reads the scale-out roles, and refuses a separate role without the shared database', () => {
    expect(loadConfig({})).toMatchObject({ role: 'all', database: null, redisUrl: null });
    const worker = loadConfig({ SPIDERIQ_ROLE: 'worker', SPIDERIQ_INSTANCE: 'w-7', SPIDERIQ_DATABASE_URL: 'postgres://db/x', SPIDERIQ_REDIS_URL: 'redis://r:6379/2', SPIDERIQ_RECONCILE_SECONDS: '5' });
    expect(worker).toMatchObject({ role: 'worker', instance: 'w-7', redisUrl: 'redis://r:6379/2', queue: { prefix: 'spideriq', reconcileMs: 5000 } });
    expect(() => loadConfig({ SPIDERIQ_ROLE: 'api' })).toThrow(/SPIDERIQ_ROLE="api".*SPIDERIQ_DATABASE_URL/);
  });
});
