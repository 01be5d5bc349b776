import { z } from 'zod';

/**
 * Schema introspection shared by every renderer. Zod 4 keeps a schema's structure in `_zod.def`;
 * descriptions live in the global registry (`.meta({description})`). Renderers never look at field
 * names: they ask this module for the fields of an object, the element of an array and whether a field
 * may be null, so a field added to the schema renders everywhere without touching this package.
 */

/** The zod 4 definition shape this module reads (a structural subset of `$ZodTypeDef`). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
  values?: readonly unknown[];
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that change presence or nullability but not the shape of the value. */
const WRAPPERS = new Set(['nullable', 'optional', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'lazy', 'pipe', 'promise']);

/** One step inside a wrapper; `undefined` when the schema is not a wrapper. */
function innerOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  if (!WRAPPERS.has(def.type)) return undefined;
  if (def.type === 'lazy') return def.getter?.();
  if (def.type === 'pipe') {
    // A pipe's output side describes the value we render, unless it is a bare transform.
    return def.out && defOf(def.out).type !== 'transform' ? def.out : def.in;
  }
  return def.innerType;
}

/** Strips nullable/optional/default/readonly/lazy/pipe wrappers down to the schema of the shape itself. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let inner = innerOf(current); inner; inner = innerOf(current)) current = inner;
  return current;
}

/** The zod type name of a schema once its wrappers are removed (`object`, `array`, `string`…). */
export function typeOf(schema: z.ZodType): string {
  return defOf(unwrap(schema)).type;
}

/** The first metadata found from the outermost wrapper inwards: a field's own meta wins over its type's. */
function metaOf(schema: z.ZodType): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (let current: z.ZodType | undefined = schema; current; current = innerOf(current)) {
    const meta = z.globalRegistry.get(current);
    if (meta) for (const [key, value] of Object.entries(meta)) if (!(key in merged)) merged[key] = value;
  }
  return merged;
}

/** The schema's description (`.meta({description})` or `.describe()`), looking through wrappers. */
export function descriptionOf(schema: z.ZodType): string | undefined {
  const description = metaOf(schema)['description'];
  return typeof description === 'string' ? description : undefined;
}

/** The schema's short `title` meta, when the model gives one; renderers prefer it to the field name. */
export function titleOf(schema: z.ZodType): string | undefined {
  const title = metaOf(schema)['title'];
  return typeof title === 'string' ? title : undefined;
}

/** Whether the value this schema produces may be `null` (a nullable wrapper, a null literal or a union with null). */
export function acceptsNull(schema: z.ZodType): boolean {
  for (let current: z.ZodType | undefined = schema; current; current = innerOf(current)) {
    const def = defOf(current);
    if (def.type === 'nullable' || def.type === 'null' || def.type === 'any' || def.type === 'unknown') return true;
    if (def.type === 'literal' && def.values?.includes(null)) return true;
    if (def.type === 'union' && def.options?.some(acceptsNull)) return true;
  }
  return false;
}

/**
 * Whether the field may be absent from a parsed value. A `.default()` fills the field in, so it is
 * always present in the output even though it is optional on input.
 */
export function acceptsAbsence(schema: z.ZodType): boolean {
  for (let current: z.ZodType | undefined = schema; current; current = innerOf(current)) {
    const type = defOf(current).type;
    if (type === 'default' || type === 'prefault' || type === 'catch' || type === 'nonoptional') return false;
    if (type === 'optional' || type === 'undefined' || type === 'any' || type === 'unknown') return true;
  }
  return false;
}

/**
 * Whether a null in this field can be dropped from YAML and re-added on parse without ambiguity:
 * the field may be null and may not be absent, so "absent" can only mean "null".
 */
export function nullIsImplied(schema: z.ZodType): boolean {
  return acceptsNull(schema) && !acceptsAbsence(schema);
}

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a discriminated-union option declares `value` for its discriminator key. */
function matchesDiscriminator(option: z.ZodType, key: string, value: unknown): boolean {
  const field = fieldSchema(option, key);
  if (!field) return false;
  const def = defOf(unwrap(field));
  if (def.type === 'literal') return def.values?.includes(value) ?? false;
  if (def.type === 'enum') return Object.values((def as unknown as { entries: Record<string, unknown> }).entries).includes(value);
  return false;
}

/** A coarse kind of a schema, used to match union options against a value when no option parses. */
function kindOfSchema(schema: z.ZodType): 'object' | 'array' | 'scalar' | 'any' {
  const type = typeOf(schema);
  if (type === 'object' || type === 'record' || type === 'intersection') return 'object';
  if (type === 'array' || type === 'tuple' || type === 'set') return 'array';
  if (type === 'any' || type === 'unknown' || type === 'union') return 'any';
  return 'scalar';
}

function kindOfValue(value: unknown): 'object' | 'array' | 'scalar' {
  if (Array.isArray(value)) return 'array';
  return isPlainObject(value) ? 'object' : 'scalar';
}

/**
 * The schema that describes `value`, with wrappers removed and unions resolved by the value:
 * a discriminated union by its discriminator, any other union by the first option the value parses
 * with, then by the first option of the same kind. Renderers call this at every node.
 */
export function resolve(schema: z.ZodType | undefined, value: unknown): z.ZodType | undefined {
  if (!schema) return undefined;
  const bare = unwrap(schema);
  const def = defOf(bare);
  if (def.type !== 'union') return bare;
  const options = def.options ?? [];
  let chosen: z.ZodType | undefined;
  if (def.discriminator && isPlainObject(value)) {
    const key = def.discriminator;
    chosen = options.find((option) => matchesDiscriminator(option, key, value[key]));
  }
  chosen ??= options.find((option) => option.safeParse(value).success);
  chosen ??= options.find((option) => {
    const kind = kindOfSchema(option);
    return kind === 'any' || kind === kindOfValue(value);
  });
  return chosen ? resolve(chosen, value) : bare;
}

/** The union options of a schema (after unwrapping), or an empty list when it is not a union. */
export function unionOptions(schema: z.ZodType): readonly z.ZodType[] {
  const def = defOf(unwrap(schema));
  return def.type === 'union' ? (def.options ?? []) : [];
}

/** The named fields of an object schema, in declaration order (empty for anything else). */
export function fieldsOf(schema: z.ZodType | undefined): Array<[key: string, field: z.ZodType]> {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? Object.entries(def.shape) : [];
}

/** The schema of one named field of an object schema. */
export function fieldSchema(schema: z.ZodType | undefined, key: string): z.ZodType | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return Object.hasOwn(def.shape ?? {}, key) ? def.shape?.[key] : undefined;
  if (def.type === 'record') return def.valueType;
  return undefined;
}

/** The element schema of an array schema, or the value schema of a record. */
export function elementOf(schema: z.ZodType | undefined): z.ZodType | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  return undefined;
}

/** Whether the schema is an object with named fields (as opposed to a record keyed by data). */
export function isNamedObject(schema: z.ZodType | undefined): boolean {
  return schema !== undefined && typeOf(schema) === 'object';
}

/**
 * The entries of an object value in schema order: declared fields first (those present in the value),
 * then any keys the schema does not declare, in the value's order, so nothing is lost.
 */
export function orderedEntries(schema: z.ZodType | undefined, value: Record<string, unknown>): Array<[key: string, value: unknown, field: z.ZodType | undefined]> {
  const declared = fieldsOf(schema);
  const seen = new Set<string>();
  const entries: Array<[string, unknown, z.ZodType | undefined]> = [];
  for (const [key, field] of declared) {
    seen.add(key);
    if (Object.hasOwn(value, key)) entries.push([key, value[key], field]);
  }
  const rest = isNamedObject(schema) ? undefined : elementOf(schema);
  for (const [key, item] of Object.entries(value)) if (!seen.has(key)) entries.push([key, item, rest]);
  return entries;
}
