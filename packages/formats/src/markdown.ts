import type { z } from 'zod';
import { elementOf, isNamedObject, isPlainObject, orderedEntries, resolve, titleOf, typeOf } from './walk.js';

/**
 * Markdown for people and agents, derived from the schema. Every non-null value is present; null fields
 * and empty lists are left out. Layout rules, each chosen because labels are what Markdown pays for
 * over the bare values (docs/guides/formats.md has the measurements):
 *
 * - The root's closed-set fields (enums and literals, e.g. `type` and `status`) form the title.
 * - A one-line scalar is a `label: value` line; the label is the field name (or its `title` meta),
 *   lower case, with spaces. Lines end in a hard break so they render as lines.
 * - A number reads value first (`5 pages crawled`); a true flag is its label alone (`spa enabled`).
 * - A value that says what it is needs no label: a URL naming its field (`linkedin.com/company/x`),
 *   an email address, a phone number, a web address.
 * - `https://` is dropped from URLs.
 * - A nested object is a sub-section under a heading; an object array is a GFM table whose columns follow
 *   the schema; multi-line text (the compendium) is emitted as-is under its own heading.
 */

/** A list of scalars longer than this (in characters) is written one item per line. */
const INLINE_LIST_CHARS = 100;
/** Markdown hard line break: renders consecutive `label: value` lines as lines, and costs no o200k token. */
const BREAK = '  ';

type Entry = [key: string, value: unknown, field: z.ZodType | undefined];

/** `pages_crawled` → `pages crawled`: the field name is the label, kept terse on purpose. */
export function humanize(key: string): string {
  return key.replace(/_/g, ' ').trim();
}

/** The label of a field: its `title` meta when the model has one, else its name humanised (record keys stay as-is). */
function labelOf(key: string, field: z.ZodType | undefined, named: boolean): string {
  return (field && titleOf(field)) ?? (named ? humanize(key) : key);
}

/** Whether a value carries anything to show. */
function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(isPresent);
  if (isPlainObject(value)) return Object.values(value).some(isPresent);
  return true;
}

const isScalar = (value: unknown): boolean => value === null || (typeof value !== 'object' && value !== undefined);
const isMultiline = (value: unknown): value is string => typeof value === 'string' && value.includes('\n');

/** A scalar as text; the `https://` of a URL is dropped (it carries nothing for a reader). */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value.startsWith('https://') && value.length > 8 ? value.slice(8) : value;
  return String(value);
}

const URL_PATTERN = /^https?:\/\/\S+$/;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const PHONE_PATTERN = /^\+[\d\s().-]{7,}$/;

/** Whether a value shows what it is without a label: a URL, an email address or an international phone number. */
function speaksForItself(value: unknown): boolean {
  const items = Array.isArray(value) ? value : [value];
  return items.length > 0 && items.every((item) => typeof item === 'string' && (URL_PATTERN.test(item) || EMAIL_PATTERN.test(item) || PHONE_PATTERN.test(item)));
}

/** Any value as one line: lists joined with commas, objects as `key value` pairs. Used for table cells. */
function inlineText(value: unknown): string {
  if (Array.isArray(value)) return value.filter(isPresent).map(inlineText).join(', ');
  if (isPlainObject(value)) {
    return Object.entries(value)
      .filter(([, item]) => isPresent(item))
      .map(([key, item]) => `${key} ${inlineText(item)}`)
      .join(', ');
  }
  return scalarText(value);
}

/** GFM cells cannot hold `|` or line breaks: escape the one, turn the other into `<br>`. */
function cellText(value: unknown): string {
  return inlineText(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A GFM table of an object array; columns follow the schema and skip fields that are empty in every row. */
function table(rows: Array<Record<string, unknown>>, element: z.ZodType | undefined): string[] {
  const columns = new Map<string, string>();
  for (const row of rows) {
    const resolved = resolve(element, row);
    const named = isNamedObject(resolved) || !resolved;
    for (const [key, item, field] of orderedEntries(resolved, row)) {
      if (isPresent(item) && !columns.has(key)) columns.set(key, labelOf(key, field, named));
    }
  }
  const keys = [...columns.keys()];
  const line = (cells: string[]): string => `|${cells.join('|')}|`;
  return [
    line([...columns.values()].map((label) => label.replace(/\|/g, '\\|'))),
    line(keys.map(() => '-')),
    ...rows.map((row) => line(keys.map((key) => (isPresent(row[key]) ? cellText(row[key]) : '')))),
  ];
}

/** The lines of one inline field (see the module comment for the rules). */
function fieldLines(label: string, value: unknown): string[] {
  if (typeof value === 'number') return [`${value} ${label}`];
  if (value === true) return [label];
  if (speaksForItself(value)) return [(Array.isArray(value) ? value : [value]).map(scalarText).join(', ')];
  if (!Array.isArray(value)) return [`${label}: ${scalarText(value)}`];
  const items = value.filter(isPresent).map(scalarText);
  const joined = items.join(', ');
  if (items.length <= 1 || (joined.length <= INLINE_LIST_CHARS && !items.some((item) => item.includes(',')))) return [`${label}: ${joined}`];
  return [`${label}:`, ...items.map((item) => `- ${item}`)];
}

/** Whether a field fits on a line: a one-line scalar or a list of one-line scalars. */
function isInline(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => isScalar(item) && !isMultiline(item));
  return isScalar(value) && !isMultiline(value);
}

/** Whether a field's values come from a closed set the schema documents (enum or literal). */
function isClosedSet(field: z.ZodType | undefined): boolean {
  if (!field) return false;
  const type = typeOf(field);
  return type === 'enum' || type === 'literal';
}

/** The body of an object: its inline fields as lines, then one sub-section per nested field. */
function objectBody(entries: Entry[], named: boolean, level: number): string[] {
  const present = entries.filter(([, item]) => isPresent(item) || item === '');
  const out: string[] = [];
  for (const [key, item, field] of present.filter(([, item]) => isInline(item))) {
    const lines = fieldLines(labelOf(key, field, named), item);
    const last = out[out.length - 1];
    // A plain line after a list item would continue the item (CommonMark lazy continuation): leave a blank line.
    if (last?.startsWith('- ')) out.push('');
    // A hard break after a plain line that another plain line follows, so they render as lines.
    else if (last !== undefined && last !== '') out[out.length - 1] = `${last}${BREAK}`;
    out.push(...lines);
  }
  for (const entry of present.filter(([, item]) => !isInline(item))) {
    if (out.length > 0) out.push('');
    out.push(...section(entry, level, named));
  }
  return out;
}

/** A heading and its content for one nested field. */
function section([key, value, field]: Entry, level: number, named: boolean): string[] {
  return [`${'#'.repeat(Math.min(level, 6))} ${labelOf(key, field, named)}`, '', ...block(value, field, level + 1)];
}

/** Content of a nested value: raw text, a table, a sub-object or a list. */
function block(value: unknown, schema: z.ZodType | undefined, level: number): string[] {
  if (isMultiline(value)) return [value.replace(/\s+$/, '')];
  const resolved = resolve(schema, value);
  if (isPlainObject(value)) return objectBody(orderedEntries(resolved, value), isNamedObject(resolved) || !resolved, level);
  if (Array.isArray(value)) {
    const items = value.filter(isPresent);
    if (items.every(isPlainObject)) return table(items as Array<Record<string, unknown>>, elementOf(resolved));
    return items.map((item) => `- ${inlineText(item).replace(/\r?\n/g, '<br>')}`);
  }
  return [scalarText(value)];
}

/** Renders any API response as Markdown (see the module comment for the rules). */
export function renderMarkdown(value: unknown, schema: z.ZodType): string {
  const resolved = resolve(schema, value);
  let lines: string[];
  if (isPlainObject(value)) {
    const entries = orderedEntries(resolved, value);
    const closed = entries.filter(([, item, field]) => typeof item === 'string' && isClosedSet(field));
    const rest = entries.filter((entry) => !closed.includes(entry));
    const body = objectBody(rest, isNamedObject(resolved) || !resolved, closed.length > 0 ? 2 : 1);
    lines = closed.length > 0 ? [`# ${closed.map(([, item]) => item).join(' ')}`, '', ...body] : body;
  } else {
    lines = block(value, resolved, 1);
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
