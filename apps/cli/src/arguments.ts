import { InvalidArgumentError } from 'commander';

/** The part of a zod schema an argument parser needs (keeps zod out of this app's dependencies). */
export interface FieldSchema<T> {
  /** Zod's `safeParse`. */
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

/**
 * A commander argument parser that validates a flag with the API's own field schema, so bounds such as
 * `max_pages` 1-50 are checked before anything is sent and never restated here. A failure is a usage
 * error (exit code 2).
 */
export function schemaArgument<T>(schema: FieldSchema<T>, convert: (raw: string) => unknown = (raw) => raw): (raw: string) => T {
  return (raw) => {
    const parsed = schema.safeParse(convert(raw));
    if (parsed.success) return parsed.data;
    throw new InvalidArgumentError(parsed.error.issues.map((issue) => issue.message).join('; '));
  };
}

/** Converts a flag to a number, leaving anything unparsable for the schema to reject. */
export function toNumber(raw: string): unknown {
  return raw.trim() === '' ? raw : Number(raw);
}

/** A whole number of at least `min` (`--retries`, `--page`). */
export function integerArgument(min: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    return value;
  };
}

/** A positive number of seconds (`--timeout 2.5`). */
export function secondsArgument(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return value;
}
