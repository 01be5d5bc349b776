import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { DEFAULT_RETRY_SCHEDULE_MS, RETRY_JITTER, retryDelay } from '../src/webhooks/retry-schedule.js';
import { generateWebhookSecret, signatureHeaders, signingSecrets } from '../src/webhooks/signing.js';

describe('the default retry schedule', () => {
  it('makes at least 5 attempts, three of them within two minutes even at the slowest jitter', () => {
    expect(DEFAULT_RETRY_SCHEDULE_MS.length + 1).toBeGreaterThanOrEqual(5);
    const slowest = () => 1;
    const thirdAttemptAt = retryDelay(1, DEFAULT_RETRY_SCHEDULE_MS, slowest)! + retryDelay(2, DEFAULT_RETRY_SCHEDULE_MS, slowest)!;
    expect(thirdAttemptAt).toBeLessThanOrEqual(120_000);
    expect(DEFAULT_RETRY_SCHEDULE_MS).toEqual([...DEFAULT_RETRY_SCHEDULE_MS].sort((a, b) => a - b));
  });

  it.each([
    ['no jitter at the midpoint', 1, 0.5, 5000],
    ['-20 % at the low end', 1, 0, 4000],
    ['+20 % at the high end', 2, 1, 36_000],
    ['nothing after the last pause', 10, 0.5, null],
  ])('%s', (_name, attemptsMade, random, want) => {
    expect(retryDelay(attemptsMade, DEFAULT_RETRY_SCHEDULE_MS, () => random)).toBe(want);
  });

  it('spreads retries within ±20 %', () => {
    const delays = Array.from({ length: 500 }, () => retryDelay(3, [10_000]) ?? retryDelay(1, [10_000])!);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(10_000 * (1 - RETRY_JITTER));
    expect(Math.max(...delays)).toBeLessThanOrEqual(10_000 * (1 + RETRY_JITTER));
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});

describe('Standard Webhooks signatures', () => {
  const body = JSON.stringify({ event: 'job.completed', job_id: '550e8400-e29b-41d4-a716-446655440000' });

  it('signs so the reference verifier accepts it, with the three headers', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const now = new Date();
    const headers = signatureHeaders([secret], 'msg_1', now, body);
    expect(headers).toEqual({ 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': expect.stringMatching(/^v1,/) });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow();
  });

  it('signs with the previous secret too until it expires', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const record = { clientId: 'c', secret: 'whsec_new', createdAt: now.toISOString(), previousSecret: 'whsec_old', previousExpiresAt: '2026-01-02T00:00:00Z' };
    expect(signingSecrets(record, now)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(record, new Date('2026-01-02T00:00:01Z'))).toEqual(['whsec_new']);
    const [a, b] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signatureHeaders([a, b], 'msg_1', new Date(), body);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [a, b]) expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });
});
