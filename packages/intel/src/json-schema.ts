import { z } from 'zod';

/** A JSON Schema object, as sent in `response_format` or a tool's `parameters`. */
export type JsonSchema = Record<string, unknown>;

const DROPPED_KEYWORDS = new Set(['$schema', 'examples', 'example', 'id', '$id']);

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    // `properties` maps names to schemas: its keys are field names, not keywords.
    out[key] = key === 'properties' && child && typeof child === 'object' ? Object.fromEntries(Object.entries(child).map(([k, v]) => [k, clean(v)])) : clean(child);
  }
  return out;
}

/**
 * The JSON Schema of a zod answer model, without the documentation keywords (`examples`, `$schema`)
 * that strict structured-output endpoints reject. zod emits `required` for every non-optional field and
 * `additionalProperties: false`, which is what strict mode needs.
 */
export function answerJsonSchema(schema: z.ZodType): JsonSchema {
  return clean(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })) as JsonSchema;
}

/**
 * Whether a schema can be sent with `strict: true` (OpenAI's structured-outputs subset): every object
 * lists all its properties as required and forbids additional ones. Other schemas go non-strict.
 */
export function isStrictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictCompatible);
  if (schema === null || typeof schema !== 'object') return true;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' || node.properties) {
    const props = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false) return false;
    if (!props.every((p) => required.has(p))) return false;
  }
  return Object.entries(node).every(([key, child]) => key === 'enum' || key === 'const' || isStrictCompatible(child));
}
