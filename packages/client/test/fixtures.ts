import { seedExamples } from '@spideriq/schema/examples';
import type { JobResults } from '../src/index.js';

const examples = seedExamples();

function example(name: string): unknown {
  const found = examples.find((e) => e.name === name);
  if (found === undefined) throw new Error(`seed example ${name} missing`);
  return found.body;
}

/** The seed's job id. */
export const JOB_ID = '550e8400-e29b-41d4-a716-446655440000';
/** The seed's 200 body (spiderSite, minimal). */
export const COMPLETED = example('SpiderSite - Minimal') as JobResults;
/** The seed's 202 body. */
export const PROCESSING = example('Processing (202)') as JobResults;
/** The seed's 410 body. */
export const FAILED = example('Failed (410)') as JobResults;
/** The seed's 404 body. */
export const NOT_FOUND = example('Not Found (404)') as { detail: string };
