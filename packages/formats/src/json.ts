/** Options of the JSON rendering. */
export interface JsonOptions {
  /** Spaces per level; `0` gives the compact body the API sends when no `?format=` is asked for. Default 2. */
  indent?: number;
}

/**
 * JSON exactly as the API sends it: `JSON.stringify` of the value, in the value's own key order and with
 * every null kept. JSON needs no schema; the parameter keeps the three renderers interchangeable.
 */
export function renderJson(value: unknown, options: JsonOptions = {}): string {
  const indent = options.indent ?? 2;
  return JSON.stringify(value, null, indent > 0 ? indent : undefined) ?? 'null';
}
