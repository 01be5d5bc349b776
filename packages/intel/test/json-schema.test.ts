import { describe, expect, it } from 'vitest';
import { CompanyAnswerSchema, LeadScoringAnswerSchema, PainPointsAnswerSchema, TeamAnswerSchema, answerJsonSchema, isStrictCompatible, readJson, validateReply } from '../src/index.js';

describe('answer schemas', () => {
  it.each([
    ['company_vitals', CompanyAnswerSchema],
    ['team_members', TeamAnswerSchema],
    ['pain_points', PainPointsAnswerSchema],
    ['lead_scoring', LeadScoringAnswerSchema],
  ] as const)('%s converts to a strict-compatible JSON Schema without documentation keywords', (_name, schema) => {
    const json = answerJsonSchema(schema);
    expect(isStrictCompatible(json)).toBe(true);
    expect(JSON.stringify(json)).not.toMatch(/"examples"|"\$schema"/);
  });

  it.each([
    ['an open object', { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, false],
    ['an optional property', { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'], additionalProperties: false }, false],
    ['a closed object', { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }, true],
    ['a nested open object', { type: 'object', properties: { a: { type: 'object', properties: {} } }, required: ['a'], additionalProperties: false }, false],
  ])('isStrictCompatible: %s → %s', (_name, schema, want) => {
    expect(isStrictCompatible(schema)).toBe(want);
  });
});

describe('readJson / validateReply', () => {
  it.each([
    ['plain JSON', '{"a":1}', { a: 1 }],
    ['a code fence', '```json\n{"a":1}\n```', { a: 1 }],
    ['prose around it', 'Sure! Here it is: {"a":1} Hope that helps.', { a: 1 }],
    ['truncated JSON', '{"a":', undefined],
  ])('%s', (_name, text, want) => {
    expect(readJson(text)).toEqual(want);
  });

  it('words schema violations with their paths for the repair turn', () => {
    const result = validateReply('{"pain_points": "one"}', PainPointsAnswerSchema);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toMatch(/^pain_points: /);
  });
});
