import type { JobResults } from '@spideriq/client';
import { describe, expect, it } from 'vitest';
import { siteData } from '@spideriq/testkit/server';
import { compendiumDownload } from '../../src/results/compendium-download.ts';

const JOB = '550e8400-e29b-41d4-a716-446655440000';
const info = {
  available: true,
  chars: 10,
  cleanup_level: 'fit' as const,
  storage_location: 'local',
  download_url: `http://127.0.0.1:8080/artifacts/c/compendiums/${JOB}.md`,
  filename: `compendiums/${JOB}.md`,
  size_bytes: 10,
  content_hash: 'x',
  estimated_tokens: 3,
};

function results(data: Partial<ReturnType<typeof siteData>> | null): JobResults {
  return {
    success: true,
    job_id: JOB,
    type: 'spiderSite',
    status: 'completed',
    processing_time_seconds: 1,
    worker_id: 'w',
    completed_at: '2025-01-01T00:00:00Z',
    message: null,
    data: data === null ? null : ({ ...siteData('https://a.test'), ...data } as JobResults['data'] & object),
    error_message: null,
  } as JobResults;
}

describe('compendiumDownload', () => {
  it.each([
    ['inline markdown first', { markdown_compendium: '# A', compendium: info }, { kind: 'inline', filename: `${JOB}.md`, markdown: '# A' }],
    ['the stored file when not inlined', { markdown_compendium: null, compendium: info }, { kind: 'link', filename: `${JOB}.md`, url: info.download_url }],
    ['inline without metadata', { markdown_compendium: '# A', compendium: null }, { kind: 'inline', filename: `${JOB}.md`, markdown: '# A' }],
    ['nothing without a compendium', { markdown_compendium: null, compendium: null }, null],
  ])('%s', (_name, data, want) => {
    expect(compendiumDownload(results(data))).toEqual(want);
  });

  it('is null while there is no data', () => {
    expect(compendiumDownload(results(null))).toBeNull();
  });
});
