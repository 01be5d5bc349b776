import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal payloads give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The 24-hour identical-submission key: client, type and canonical payload. Null when the payload asks
 * to bypass the cache with `test: true`.
 */
export function dedupKey(clientId: string, type: string, payload: unknown): string | null {
  if (payload && typeof payload === 'object' && (payload as { test?: unknown }).test === true) return null;
  return createHash('sha256').update(`${clientId}\n${type}\n${canonicalJson(payload)}`).digest('hex');
}

/** Identical submissions within this window return the existing job. */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;
