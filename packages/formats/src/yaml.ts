import { Document, Pair, Scalar, YAMLMap, YAMLSeq, parse } from 'yaml';
import type { ToStringOptions } from 'yaml';
import type { z } from 'zod';
import { FormatError } from './error.js';
import { elementOf, fieldSchema, fieldsOf, isNamedObject, isPlainObject, nullIsImplied, orderedEntries, resolve, unionOptions, unwrap } from './walk.js';

/**
 * Serialisation settings: 1-space indent, sequences flush with their key and no folding, each of which
 * saves tokens without changing the data (see docs/guides/formats.md for the measurements).
 */
const TO_STRING: ToStringOptions = {
  indent: 1,
  indentSeq: false,
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: false,
};

type Node = Scalar | YAMLMap | YAMLSeq;

/**
 * A collection written as compact JSON (`{"name":"A","rating":4.6}`). JSON is YAML 1.2, so any YAML
 * parser reads it back as the same collection. Object arrays use it because YAML's mandatory space after
 * `:` costs one o200k token for every value that starts with a digit or a sign (`: 4.6`, `: +1-617…`),
 * which JSON fuses into `":`. Block YAML therefore costs more than minified JSON on long result lists;
 * JSON rows cost their minified JSON minus the nulls dropped from them.
 */
class JsonRow extends YAMLMap {
  override flow = true;
  override toString(): string {
    return JSON.stringify(this.toJSON());
  }
}
/** A whole object array on one line, for rows with too few nulls to pay for a line break each. */
class JsonRows extends YAMLSeq {
  override flow = true;
  override toString(): string {
    return JSON.stringify(this.toJSON());
  }
}

/**
 * Line break, indent and `- ` cost about two tokens per row more than JSON's `},{`; a dropped null
 * (`,"key":null`) saves at least three. Rows go one per line when the nulls they drop pay for the breaks.
 */
const NULLS_PER_ROW = 1;

/** Counts the nulls dropped while building, to choose the layout of object arrays. */
interface Build {
  dropped: number;
}

/** A scalar; multi-line text becomes a block literal so a markdown compendium stays readable. */
function scalarNode(value: unknown, inFlow: boolean): Scalar {
  const node = new Scalar(value);
  if (typeof value === 'string' && value.includes('\n')) {
    // Carriage returns, tabs and trailing spaces do not survive a block literal, and yaml 2.9.1 writes a wrong
    // indentation indicator for a leading space at a 1-space indent: those strings are double-quoted instead.
    node.type = !inFlow && !/[\r\t]| \n| $|^\s/.test(value) ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
  }
  return node;
}

function buildMap(value: Record<string, unknown>, schema: z.ZodType | undefined, build: Build, inFlow: boolean, map: YAMLMap): YAMLMap {
  const resolved = resolve(schema, value);
  const named = isNamedObject(resolved);
  if (inFlow) map.flow = true;
  for (const [key, item, field] of orderedEntries(resolved, value)) {
    if (item === undefined) continue;
    // Only nulls the schema can restore are dropped: record values and undeclared keys keep theirs.
    if (item === null && named && field && nullIsImplied(field)) {
      build.dropped++;
      continue;
    }
    map.items.push(new Pair(new Scalar(key), buildNode(item, field, build, inFlow)));
  }
  return map;
}

function buildObjectArray(value: Array<Record<string, unknown>>, element: z.ZodType | undefined, build: Build): YAMLSeq {
  const rowBuild: Build = { dropped: 0 };
  const rows = value.map((item) => buildMap(item, element, rowBuild, true, new JsonRow()));
  build.dropped += rowBuild.dropped;
  const seq = rowBuild.dropped >= value.length * NULLS_PER_ROW ? new YAMLSeq() : new JsonRows();
  seq.items = rows;
  return seq;
}

function buildNode(value: unknown, schema: z.ZodType | undefined, build: Build, inFlow: boolean): Node {
  if (Array.isArray(value)) {
    const element = elementOf(resolve(schema, value));
    if (value.length > 0 && value.every(isPlainObject)) return buildObjectArray(value, element, build);
    const seq = new YAMLSeq();
    seq.flow = inFlow || !value.some((item) => isPlainObject(item) || Array.isArray(item));
    const flow = seq.flow;
    seq.items = value.map((item) => buildNode(item, element, build, flow));
    return seq;
  }
  if (isPlainObject(value)) return buildMap(value, schema, build, inFlow, new YAMLMap());
  return scalarNode(value, inFlow);
}

/**
 * YAML with the same shape as the JSON: null fields the schema can restore are dropped, scalar lists are
 * flow sequences, object arrays are compact JSON rows, multi-line strings are block literals.
 */
export function renderYaml(value: unknown, schema: z.ZodType): string {
  const doc = new Document();
  doc.contents = buildNode(value, schema, { dropped: 0 }, false);
  return doc.toString(TO_STRING);
}

/** Puts back the nulls that {@link renderYaml} dropped, following the schema (and the value through unions). */
export function restoreNulls(value: unknown, schema: z.ZodType | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const element = elementOf(resolve(schema, value));
    return value.map((item) => restoreNulls(item, element));
  }
  if (!isPlainObject(value)) return value;
  const options = unionOptions(schema);
  if (options.length > 0) {
    // The dropped nulls may be what decides the option: try each one with its nulls restored.
    const candidates = options.map((option) => restoreNulls(value, option));
    const index = candidates.findIndex((candidate, i) => options[i]!.safeParse(candidate).success);
    if (index >= 0) return candidates[index];
    return restoreNulls(value, resolve(schema, value));
  }
  const resolved = unwrap(schema);
  if (!isNamedObject(resolved)) {
    const element = elementOf(resolved);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restoreNulls(item, element)]));
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of fieldsOf(resolved)) {
    if (Object.hasOwn(value, key)) out[key] = restoreNulls(value[key], field);
    else if (nullIsImplied(field)) out[key] = null;
  }
  for (const [key, item] of Object.entries(value)) if (!Object.hasOwn(out, key) && fieldSchema(resolved, key) === undefined) out[key] = item;
  return out;
}

/**
 * Parses YAML produced by {@link renderYaml} (or written by hand) back into the value the JSON carries:
 * the dropped nulls are restored from the schema and the result is validated, so
 * `parseYaml(render(x, 'yaml', S), S)` deep-equals `x` for any `x` that `S` produced.
 */
export function parseYaml<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (cause) {
    throw new FormatError('INVALID_YAML', `Not valid YAML: ${(cause as Error).message}`, { cause });
  }
  const restored = restoreNulls(raw, schema);
  const result = schema.safeParse(restored);
  if (!result.success) {
    throw new FormatError('INVALID_VALUE', `The YAML does not match the schema: ${result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`, {
      cause: result.error,
    });
  }
  return result.data;
}
