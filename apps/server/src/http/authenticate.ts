import type { MiddlewareHandler } from 'hono';
import { INVALID_TOKEN_DETAIL, parseApiToken } from '@spideriq/schema';
import { credentialsMatch } from '../auth/credentials.js';
import { CredentialCache } from '../auth/credential-cache.js';
import type { AppEnv } from '../app.js';
import type { Runtime } from '../runtime.js';
import { ApiError } from './errors.js';

/**
 * Bearer authentication and the per-client rate limit. The token comes from `Authorization: Bearer …`,
 * or from `?token=` where `allowQueryToken` is set (SSE: EventSource cannot send headers).
 * Rate-limit headers go on every authenticated response, errors included.
 */
export function authenticate(runtime: Runtime, options: { allowQueryToken?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    let raw: string | undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new ApiError(401, INVALID_TOKEN_DETAIL);
      raw = match[1];
    } else if (options.allowQueryToken) {
      raw = c.req.query('token');
    }
    if (!raw) throw new ApiError(401, INVALID_TOKEN_DETAIL);
    const now = Date.now();
    const cacheKey = CredentialCache.key(raw);
    let client = runtime.credentials.get(cacheKey, now);
    if (!client) {
      const token = parseApiToken(raw);
      if (!token) throw new ApiError(401, INVALID_TOKEN_DETAIL);
      const stored = await runtime.store.getClient(token.clientId);
      if (!stored || !credentialsMatch(stored, token)) throw new ApiError(401, 'Invalid API credentials');
      runtime.credentials.set(cacheKey, stored, now);
      client = stored;
    }
    if (client.disabled) throw new ApiError(403, 'Client account is inactive');

    const decision = await runtime.limiter.take(client.id, now);
    const headers = c.get('headers');
    headers['X-RateLimit-Limit'] = String(decision.limit);
    headers['X-RateLimit-Remaining'] = String(decision.remaining);
    headers['X-RateLimit-Reset'] = String(decision.resetAt);
    if (!decision.allowed) {
      throw new ApiError(429, `Rate limit exceeded: ${decision.limit} requests per minute. Retry in ${decision.retryAfter} s.`, {
        'Retry-After': String(decision.retryAfter),
      });
    }
    c.set('client', client);
    await next();
  };
}
