import fc from 'fast-check';

/** A JSON Schema node of the committed OpenAPI document (the subset the document uses). */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** Values outside a schema, tried now and then so that refusals are exercised too. */
const WRONG_STRINGS = ['', ' ', '\t\n', 'ftp://example.com/', 'example.com', 'http://1.2.3.999/', 'https://münchen.de/', 'http:// spaces.test/'];

/**
 * Generates values from a schema of the document: mostly values the schema describes (every
 * required property, some optional ones, enums, bounds, patterns), and with probability
 * `mistakes` per node a value just outside it (a blank or malformed string, a number past a bound, a
 * missing required property, a wrong type). Whether a value is valid is decided by the spec validator,
 * never by the generator: it only has to reach both sides of every rule.
 */
export function arbitraryFrom(schema: JsonSchema, resolve: (ref: string) => JsonSchema, mistakes = 0.04): fc.Arbitrary<unknown> {
  const mistakeWeight = Math.round(mistakes * 1000);
  const wrap = (valid: fc.Arbitrary<unknown>, wrong: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 1000 - mistakeWeight, arbitrary: valid }, { weight: mistakeWeight, arbitrary: wrong });

  const build = (node: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (node.$ref) return build(resolve(node.$ref), depth);
    if (node.const !== undefined) return wrap(fc.constant(node.const), fc.constantFrom(!node.const, null, 'other'));
    if (node.enum) return wrap(fc.constantFrom(...node.enum), fc.constantFrom('not-an-option', 7, null));
    const branches = node.anyOf ?? node.oneOf;
    if (branches && !node.type) return fc.oneof(...branches.map((branch) => build(branch, depth + 1)));
    const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : ['object'];
    if (types.length > 1) return fc.oneof(...types.map((type) => build({ ...node, type }, depth)));
    switch (types[0]) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return wrap(fc.boolean(), fc.constantFrom('true', 1, null));
      case 'integer':
      case 'number': {
        const min = node.minimum ?? -1000;
        const max = node.maximum ?? 1000;
        const valid = types[0] === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
        return wrap(valid, fc.constantFrom(min - 1, max + 1, 1.5, 'abc', '', null));
      }
      case 'string': {
        const minLength = node.minLength ?? 0;
        const maxLength = Math.min(node.maxLength ?? 40, 60);
        const fits = (s: string) => s.length >= minLength && s.length <= (node.maxLength ?? Infinity);
        let valid: fc.Arbitrary<string>;
        if (node.format === 'uuid') valid = fc.uuid();
        else if (node.pattern) {
          const pattern = new RegExp(node.pattern, 'u');
          valid = fc.oneof(fc.stringMatching(pattern), fc.string({ minLength, maxLength })).filter(fits);
        } else valid = fc.string({ minLength, maxLength });
        const tooLong = node.maxLength !== undefined ? ['x'.repeat(node.maxLength + 1)] : [];
        return wrap(valid, fc.constantFrom<unknown>(...WRONG_STRINGS, ...tooLong, 12, null, 'ffffffff-ffff-ffff-ffff-ffffffffffff'));
      }
      case 'array': {
        const item = node.items ? build(node.items, depth + 1) : fc.jsonValue();
        const maxLength = Math.min(node.maxItems ?? 3, 3);
        const valid = fc.array(item, { minLength: Math.min(node.minItems ?? 0, maxLength), maxLength });
        return wrap(valid, fc.constantFrom<unknown>('not-a-list', [], null));
      }
      default: {
        const properties = node.properties ?? {};
        const required = new Set(node.required ?? []);
        if (Object.keys(properties).length === 0) {
          return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
        }
        if (depth > 6) return fc.constant({});
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(properties)) {
          const value = build(property, depth + 1);
          record[name] = required.has(name) ? value : fc.option(value, { freq: 2, nil: undefined });
        }
        const valid = fc.record(record).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
        const missing = [...required];
        const wrong = missing.length
          ? valid.chain((value) => fc.constantFrom(...missing).map((drop) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== drop))))
          : fc.constantFrom<unknown>([], 'not-an-object');
        return wrap(valid, wrong);
      }
    }
  };
  return build(schema, 0);
}
