import { describe, expect, it } from 'vitest';
import { fixNullableRefs } from '../../src/openapi/nullable-refs.js';

const ref = { $ref: '#/components/schemas/SiteData' };

describe('fixNullableRefs', () => {
  it.each<[string, { given: unknown; want: unknown }]>([
    ['a nullable ref', { given: { allOf: [ref, { type: ['object', 'null'] }] }, want: { anyOf: [ref, { type: 'null' }] } }],
    [
      'keeps default and description',
      {
        given: { allOf: [ref, { type: ['object', 'null'], default: null }], description: 'Logo' },
        want: { anyOf: [ref, { type: 'null' }], default: null, description: 'Logo' },
      },
    ],
    ['nested in properties', { given: { properties: { data: { allOf: [ref, { type: ['object', 'null'] }] } } }, want: { properties: { data: { anyOf: [ref, { type: 'null' }] } } } }],
    ['leaves a real allOf alone', { given: { allOf: [ref, { required: ['x'] }] }, want: { allOf: [ref, { required: ['x'] }] } }],
    ['leaves a non-nullable type alone', { given: { allOf: [ref, { type: ['object', 'string'] }] }, want: { allOf: [ref, { type: ['object', 'string'] }] } }],
    ['leaves arrays and scalars alone', { given: [1, 'a', null, { type: 'null' }], want: [1, 'a', null, { type: 'null' }] }],
  ])('%s', (_name, { given, want }) => {
    expect(fixNullableRefs(given)).toEqual(want);
  });
});
