import { z } from 'zod';

/**
 * The three-part bearer token `client_id:api_key:api_secret` (spideriq-api.md §2.1):
 * `cli_` + 15 or more characters, `sk_` + hex, `secret_` + hex. Lengths are checked loosely, by prefix.
 */
export const ApiTokenSchema = z
  .string()
  .regex(/^cli_[A-Za-z0-9]{8,64}:sk_[A-Za-z0-9]{16,128}:secret_[A-Za-z0-9]{16,128}$/, 'expected client_id:api_key:api_secret')
  .meta({ description: 'Three-part API token `cli_…:sk_…:secret_…`.', example: 'cli_upxjrhfj3dzqmyf3:sk_0123456789abcdef0123456789abcdef0123456789abcdef:secret_0123456789abcdef0123456789abcdef0123456789abcdef' });

/** A parsed API token. */
export interface ApiToken {
  clientId: string;
  apiKey: string;
  apiSecret: string;
}

/** Splits a three-part token, or returns null when it does not have the documented shape. */
export function parseApiToken(token: string): ApiToken | null {
  if (!ApiTokenSchema.safeParse(token).success) return null;
  const [clientId, apiKey, apiSecret] = token.split(':') as [string, string, string];
  return { clientId, apiKey, apiSecret };
}

/** The documented 401 message for a token that is missing or malformed. */
export const INVALID_TOKEN_DETAIL = 'Invalid authentication token format. Expected: client_id:api_key:api_secret';
