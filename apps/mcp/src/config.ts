import { z } from 'zod';

const EnvSchema = z.object({
  SPIDERIQ_API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8080'),
  SPIDERIQ_TOKEN: z.string().regex(/^\S+:\S+:\S+$/, 'must be the three-part token client_id:api_key:api_secret'),
});

/** What the stdio server needs: the API to call and the client token to call it with. */
export interface McpConfig {
  apiUrl: string;
  token: string;
}

/** A configuration value that stops start-up, naming the variable. */
export class McpConfigError extends Error {
  override readonly name = 'McpConfigError';
  readonly code = 'invalid_config';
}

/** Reads `SPIDERIQ_API_URL` (default `http://127.0.0.1:8080`) and `SPIDERIQ_TOKEN`, once, at start-up. */
export function loadMcpConfig(env: Record<string, string | undefined>): McpConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new McpConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { apiUrl: parsed.data.SPIDERIQ_API_URL.replace(/\/+$/, ''), token: parsed.data.SPIDERIQ_TOKEN };
}
