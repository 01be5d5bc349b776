import type { z } from 'zod';

/** A reply checked against its answer schema. */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string };

/**
 * Reads the JSON in a reply: the whole text, or the first `{…}` in it (small models wrap JSON in prose
 * or code fences in `json_object` mode). Returns undefined when there is none.
 */
export function readJson(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start >= 0 && end > start) {
      try {
        return JSON.parse(trimmed.slice(start, end + 1));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
}

/** Parses and validates a reply with zod; the errors are worded for the model's repair attempt. */
export function validateReply<T>(text: string, schema: z.ZodType<T>): Validated<T> {
  const json = readJson(text);
  if (json === undefined) return { ok: false, errors: 'the reply is not JSON.' };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, errors };
}
