import { z } from 'zod';

/**
 * Cross-field rules stated once: each rule is a declaration from which both the server's check (a zod
 * refinement) and the JSON Schema 2020-12 keywords of the generated document are derived, so a client
 * generated from the spec and the server cannot disagree about it.
 */

/** A value pattern: leaves are exact values (`const`), objects match field by field. */
export type ValuePattern = { [field: string]: string | number | boolean | null | ValuePattern };

/** One rule over an object: the JSON Schema fragment that states it and the check that enforces it. */
export interface ObjectRule {
  /** A JSON Schema 2020-12 fragment the object must also validate against. */
  jsonSchema: Record<string, unknown>;
  /** Whether a parsed object satisfies the rule. */
  holds(value: Record<string, unknown>): boolean;
  /** The issue reported when it does not. */
  message: string;
  /** Where the issue is reported, relative to the object. */
  path: (value: Record<string, unknown>) => string[];
}

/** The pattern of a non-blank string: at least one character that is not white space. */
export const NON_BLANK_PATTERN = /\S/;

/** A string of `min`-`max` characters that is not only white space. */
export function nonBlankString(min = 1, max?: number): z.ZodString {
  const base = z.string().min(min);
  return (max === undefined ? base : base.max(max)).regex(NON_BLANK_PATTERN, 'must not be blank');
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const present = (value: Record<string, unknown>, field: string) => value[field] !== undefined;

function matches(value: unknown, pattern: ValuePattern): boolean {
  if (!isPlainObject(value)) return false;
  return Object.entries(pattern).every(([field, want]) => (isPlainObject(want) ? matches(value[field], want) : value[field] === want));
}

function patternSchema(pattern: ValuePattern): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(pattern).map(([field, want]) => [field, isPlainObject(want) ? patternSchema(want) : { const: want }])),
    required: Object.keys(pattern),
  };
}

/** Each of `fields` requires all the others (`dependentRequired`). */
export function requiredTogether(fields: readonly string[], message: string): ObjectRule {
  return {
    jsonSchema: { dependentRequired: Object.fromEntries(fields.map((field) => [field, fields.filter((other) => other !== field)])) },
    holds: (value) => fields.every((field) => present(value, field)) || fields.every((field) => !present(value, field)),
    message,
    path: (value) => [fields.find((field) => !present(value, field)) ?? fields[0]!],
  };
}

/** `field` may only be given together with `needed` (a one-way `dependentRequired`). */
export function requires(field: string, needed: string, message: string): ObjectRule {
  return {
    jsonSchema: { dependentRequired: { [field]: [needed] } },
    holds: (value) => !present(value, field) || present(value, needed),
    message,
    path: () => [field],
  };
}

/** At least one of `fields` is present (`anyOf` of `required`). */
export function requiredOneOf(fields: readonly string[], message: string): ObjectRule {
  return {
    jsonSchema: { anyOf: fields.map((field) => ({ required: [field] })) },
    holds: (value) => fields.some((field) => present(value, field)),
    message,
    path: () => [fields[0]!],
  };
}

/**
 * When the object matches `when`, at least one of `fields` holds a non-blank string (`if`/`then` with an
 * `anyOf` of `required` + `pattern`).
 */
export function nonBlankOneOfWhen(when: ValuePattern, fields: readonly string[], message: string): ObjectRule {
  return {
    jsonSchema: {
      if: patternSchema(when),
      then: { anyOf: fields.map((field) => ({ required: [field], properties: { [field]: { type: 'string', pattern: NON_BLANK_PATTERN.source } } })) },
    },
    holds: (value) => !matches(value, when) || fields.some((field) => typeof value[field] === 'string' && NON_BLANK_PATTERN.test(value[field] as string)),
    message,
    path: () => [],
  };
}

/** The object must not match `combination` (`not`). */
export function forbiddenCombination(combination: ValuePattern, message: string, path: readonly string[]): ObjectRule {
  return {
    jsonSchema: { not: patternSchema(combination) },
    holds: (value) => !matches(value, combination),
    message,
    path: () => [...path],
  };
}

/**
 * The object schema with its rules: enforced by a refinement and stated in its JSON Schema as `allOf`
 * (kept beside the schema's other metadata).
 */
export function withRules<T extends z.ZodObject>(schema: T, rules: readonly ObjectRule[]): T {
  const refined = schema.superRefine((value, ctx) => {
    for (const rule of rules) {
      const object = value as Record<string, unknown>;
      if (!rule.holds(object)) ctx.addIssue({ code: 'custom', path: rule.path(object), message: rule.message });
    }
  }) as T;
  return refined.meta({ ...(schema.meta() ?? {}), allOf: rules.map((rule) => rule.jsonSchema) } as never) as T;
}
