import { z } from 'zod';

/** The input a field needs, chosen from its zod type. */
export type FieldKind = 'text' | 'integer' | 'number' | 'enum' | 'boolean';

/** Everything the form shows for one field, read from the schema (never restated here). */
export interface FieldSpec {
  /** Where the value goes in the payload, e.g. `['compendium', 'cleanup_level']`. */
  readonly path: readonly string[];
  /** `path` joined with dots: the input's name and the key of its error. */
  readonly id: string;
  /** `Compendium cleanup level`, from the field names. */
  readonly label: string;
  readonly kind: FieldKind;
  /** Whether the schema requires it (not optional and no default). */
  readonly required: boolean;
  /** The field's `description` meta, shown as help text. */
  readonly description: string | null;
  /** Enum members, in schema order. */
  readonly options: readonly string[];
  /** Numeric bounds and string length limits. */
  readonly min: number | null;
  readonly max: number | null;
  readonly maxLength: number | null;
  /** The `example` meta, used as the placeholder. */
  readonly example: string | null;
}

/** Thrown when a form names a field the schema does not have: a programming error caught by the unit tests. */
export class FieldSpecError extends Error {
  override name = 'FieldSpecError';
  readonly code = 'unknown_field';
  constructor(readonly path: readonly string[]) {
    super(`The schema has no field ${path.join('.')}`);
  }
}

/**
 * Describes one field of an object schema for a form: its input kind, bounds, enum members, description
 * and example all come from the zod model, so a change to the schema changes the form with no code here.
 */
export function describeField(schema: z.ZodType, path: readonly string[]): FieldSpec {
  let current: z.ZodType = schema;
  const chain: z.ZodType[] = [];
  let required = true;
  for (const [index, key] of path.entries()) {
    const shape = shapeOf(current);
    const next = shape?.[key];
    if (next === undefined) throw new FieldSpecError(path);
    chain.length = 0;
    const unwrapped = unwrap(next as z.ZodType, chain);
    if (chain.some((layer) => layer instanceof z.ZodOptional || layer instanceof z.ZodDefault)) {
      // Only the leaf's optionality matters: an optional parent object is created when a child has a value.
      if (index === path.length - 1) required = false;
    }
    current = unwrapped;
  }
  const leaf = current;
  const metaOf = (layer: z.ZodType) => layer.meta() as { description?: string; example?: unknown } | undefined;
  // `.optional().meta({...})` puts the description on the wrapper; `Enum.optional()` keeps it on the inner type.
  const layers = [...chain, leaf];
  const description = layers.map((layer) => metaOf(layer)?.description ?? layer.description).find((text) => text !== undefined) ?? null;
  const example = layers.map((layer) => metaOf(layer)?.example).find((value) => value !== undefined);
  const base = {
    path,
    id: path.join('.'),
    label: labelOf(path),
    required,
    description,
    options: [] as string[],
    min: null,
    max: null,
    maxLength: null,
    example: example === undefined || typeof example === 'object' ? null : String(example),
  };
  if (leaf instanceof z.ZodEnum) return { ...base, kind: 'enum', options: leaf.options.map(String) };
  if (leaf instanceof z.ZodBoolean) return { ...base, kind: 'boolean' };
  if (leaf instanceof z.ZodNumber) {
    return { ...base, kind: leaf.isInt ? 'integer' : 'number', min: finite(leaf.minValue), max: finite(leaf.maxValue) };
  }
  if (leaf instanceof z.ZodString) return { ...base, kind: 'text', maxLength: finite(leaf.maxLength) };
  throw new FieldSpecError(path);
}

/** Describes several fields of one schema, in the order given. */
export function describeFields(schema: z.ZodType, paths: readonly (readonly string[])[]): FieldSpec[] {
  return paths.map((path) => describeField(schema, path));
}

/** Field-name words that read badly as they are. */
const WORDS: Readonly<Record<string, string>> = { url: 'URL', lang: 'language', spa: 'SPA', ai: 'AI', icp: 'ICP' };

/** `['compendium', 'cleanup_level']` → `Compendium cleanup level`; `lang` → `Language`. */
export function labelOf(path: readonly string[]): string {
  const words = path
    .join('_')
    .split('_')
    .filter(Boolean)
    .map((word) => WORDS[word] ?? word)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The fields of an object schema; refinements keep the ZodObject class in zod 4, so refined payloads qualify. */
function shapeOf(schema: z.ZodType): Readonly<Record<string, z.core.$ZodType>> | undefined {
  return schema instanceof z.ZodObject ? schema.shape : undefined;
}

/** Strips optional, default and nullable layers, recording each one in `chain`. */
function unwrap(schema: z.ZodType, chain: z.ZodType[]): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      chain.push(current);
      current = current.unwrap() as z.ZodType;
      continue;
    }
    return current;
  }
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : null;
}
