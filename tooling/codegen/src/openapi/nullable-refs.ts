/**
 * zod-to-openapi 9 renders `Model.nullable()` for a named model as
 * `allOf: [{$ref: Model}, {type: ['object', 'null']}]`. Under JSON Schema 2020-12 that rejects `null`
 * (every `allOf` branch must hold and the `$ref` branch demands an object), so the seed's 202 and 410
 * bodies, whose `data` is null, would fail. This rewrites the pattern to
 * `anyOf: [{$ref: Model}, {type: 'null'}]`, keeping the other keywords (description, default…) beside it.
 */
export function fixNullableRefs<T>(document: T): T {
  return rewrite(document) as T;
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== 'object') return node;
  const object = Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([key, value]) => [key, rewrite(value)]));
  const nullableRef = asNullableRef(object['allOf']);
  if (!nullableRef) return object;
  const { allOf: _allOf, ...siblings } = object;
  return { anyOf: [nullableRef.ref, { type: 'null' }], ...nullableRef.keywords, ...siblings };
}

/** `[{$ref}, {type: [T, 'null'], ...keywords}]` → the ref and the extra keywords (default, description…). */
function asNullableRef(allOf: unknown): { ref: { $ref: string }; keywords: Record<string, unknown> } | null {
  if (!Array.isArray(allOf) || allOf.length !== 2) return null;
  const [ref, nullable] = allOf as [unknown, unknown];
  if (!isObject(ref) || typeof ref['$ref'] !== 'string' || Object.keys(ref).length !== 1) return null;
  if (!isObject(nullable)) return null;
  const { type, ...keywords } = nullable;
  if (!Array.isArray(type) || type.length !== 2 || !type.includes('null')) return null;
  return { ref: { $ref: ref['$ref'] }, keywords };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
