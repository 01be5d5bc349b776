import type { Format } from '@spideriq/schema';
import type { z } from 'zod';
import { FormatError } from './error.js';
import { renderJson } from './json.js';
import type { JsonOptions } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderYaml } from './yaml.js';

/** Options of {@link render}; each applies to one format and is ignored by the others. */
export interface RenderOptions {
  json?: JsonOptions;
}

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** The `Content-Type` of a body rendered in `format` (RFC 9512 registers `application/yaml`). */
export function contentTypeOf(format: Format): string {
  const type = CONTENT_TYPES[format];
  if (!type) throw new FormatError('UNSUPPORTED_FORMAT', `Unknown format "${String(format)}": expected json, yaml or md`);
  return type;
}

/**
 * Renders any API response body (`?format=json|yaml|md`). The schema, not the field names, decides the
 * layout: its field order, descriptions, nullability and shapes (lists, tables, records, unions resolved
 * by the value), so every response the API has renders with no code here.
 */
export function render(value: unknown, format: Format, schema: z.ZodType, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(value, options.json);
    case 'yaml':
      return renderYaml(value, schema);
    case 'md':
      return renderMarkdown(value, schema);
    default:
      throw new FormatError('UNSUPPORTED_FORMAT', `Unknown format "${String(format)}": expected json, yaml or md`);
  }
}
