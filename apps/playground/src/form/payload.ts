import type { z } from 'zod';
import type { FieldSpec } from './field-spec.js';

/** What the inputs hold: text for text, number and enum inputs, a flag for checkboxes. */
export type FormValues = Readonly<Record<string, string | boolean>>;

/** One validation message for one field (or for the form, when `field` is null). */
export interface FieldError {
  /** The FieldSpec id it belongs to, or null when no field shows it. */
  readonly field: string | null;
  readonly message: string;
}

/**
 * Builds the request payload from the inputs: empty inputs are left out (so the schema's defaults and the
 * mode preset apply), numbers are parsed, and nested paths create their parent objects.
 */
export function payloadFromValues(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.id];
    const value = coerce(field, raw);
    if (value === undefined) continue;
    let target = payload;
    for (const key of field.path.slice(0, -1)) {
      const next = target[key];
      target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Record<string, unknown>;
    }
    target[field.path[field.path.length - 1] ?? field.id] = value;
  }
  return payload;
}

function coerce(field: FieldSpec, raw: string | boolean | undefined): unknown {
  if (field.kind === 'boolean') return raw === true ? true : undefined;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (field.kind === 'integer' || field.kind === 'number') {
    // A value like "12abc" stays text so the schema reports it, instead of silently becoming 12.
    const number = Number(raw.trim());
    return Number.isNaN(number) ? raw : number;
  }
  return raw.trim();
}

/** The outcome of checking a payload against its schema before anything is sent. */
export type CheckedPayload<T> = { ok: true; payload: T } | { ok: false; errors: FieldError[] };

/** Validates with the same zod schema the server uses, and files each issue under its field. */
export function checkPayload<T>(schema: z.ZodType<T>, fields: readonly FieldSpec[], payload: unknown): CheckedPayload<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, payload: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ field: fieldOf(fields, issue.path), message: issue.message })) };
}

/**
 * The field an issue location points at. Server locations start with `body` and `payload`
 * (FastAPI's `loc`); a location deeper than a field (a list item) belongs to that field.
 */
export function fieldOf(fields: readonly FieldSpec[], location: readonly PropertyKey[]): string | null {
  const path = location.map(String);
  while (path[0] === 'body' || path[0] === 'payload') path.shift();
  for (let length = path.length; length > 0; length--) {
    const id = path.slice(0, length).join('.');
    if (fields.some((field) => field.id === id)) return id;
  }
  return null;
}
