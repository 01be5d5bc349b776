import { describe, expect, it } from 'vitest';
import type { JobStreamEvent, WaitProgress } from '@spideriq/client';
import { applyProgress, createProgressReporter, describeProgress, formatElapsed, initialSnapshot, progressStyle, type ProgressStyle } from '../src/progress.ts';

const ID = '550e8400-e29b-41d4-a716-446655440000';
const progressEvent = (pages: number | null, results: number | null, total: number | null, message: string | null): WaitProgress => ({
  source: 'sse',
  status: 'processing',
  event: { event: 'job.progress', job_id: ID, type: 'spiderSite', pages_crawled: pages, results_found: results, total, message, timestamp: '2025-01-01T00:00:00Z' } as JobStreamEvent,
});

describe('describeProgress', () => {
  it.each<[string, WaitProgress[], number | null, string]>([
    ['a queued job', [], 0, 'queued · 0.0s'],
    ['pages out of a total, with the URL', [progressEvent(3, null, 10, 'https://example.com/contact')], 4_200, 'processing · 3/10 pages · 4.2s · https://example.com/contact'],
    ['listings found', [progressEvent(null, 7, null, null)], 61_000, 'processing · 7 results · 1m01s'],
    ['a poll keeps the last counts', [progressEvent(2, null, 5, null), { source: 'poll', status: 'processing', results: {} as never }], null, 'processing · 2/5 pages'],
  ])('%s', (_name, steps, elapsed, want) => {
    const snapshot = steps.reduce(applyProgress, initialSnapshot(ID));
    expect(describeProgress(snapshot, elapsed)).toBe(want);
  });

  it.each([[0, '0.0s'], [59_949, '59.9s'], [60_000, '1m00s'], [3_725_000, '62m05s']])('formats %i ms as %s', (ms, want) => {
    expect(formatElapsed(ms)).toBe(want);
  });
});

describe('progressStyle', () => {
  it.each<[string, Parameters<typeof progressStyle>[0], ProgressStyle]>([
    ['both terminals', { stdoutTTY: true, stderrTTY: true, quiet: false, noColor: false, dumb: false }, 'live'],
    ['stdout redirected to a file', { stdoutTTY: false, stderrTTY: true, quiet: false, noColor: false, dumb: false }, 'lines'],
    ['stderr piped', { stdoutTTY: true, stderrTTY: false, quiet: false, noColor: false, dumb: false }, 'lines'],
    ['NO_COLOR', { stdoutTTY: true, stderrTTY: true, quiet: false, noColor: true, dumb: false }, 'lines'],
    ['TERM=dumb', { stdoutTTY: true, stderrTTY: true, quiet: false, noColor: false, dumb: true }, 'lines'],
    ['--quiet', { stdoutTTY: true, stderrTTY: true, quiet: true, noColor: false, dumb: false }, 'none'],
  ])('%s', (_name, input, want) => {
    expect(progressStyle(input)).toBe(want);
  });
});

describe('createProgressReporter', () => {
  const capture = () => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY: true, columns: 60, write: (chunk: string) => (chunks.push(chunk), true) } };
  };

  it('redraws one line with a spinner on a TTY and clears it when stopped', () => {
    const { chunks, stream } = capture();
    let now = 0;
    const reporter = createProgressReporter({ stream, style: 'live', snapshot: initialSnapshot(ID), now: () => now, tickMs: 60_000 });
    now = 1_500;
    reporter.update(progressEvent(4, null, 10, `https://example.com/${'x'.repeat(80)}`));
    reporter.stop();
    expect(chunks[1]).toMatch(/^\r\u001b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] processing · 4\/10 pages · 1\.5s · https:\/\/example\.com\/x+…$/);
    expect(chunks[1]!.length).toBeLessThanOrEqual('\r\u001b[2K'.length + 59);
    expect(chunks.at(-1)).toBe('\r\u001b[2K');
    expect(chunks.join('')).not.toContain('\n');
  });

  it('writes plain lines without escape codes: each new state at once, counts at most once a second', () => {
    const { chunks, stream } = capture();
    let now = 0;
    const reporter = createProgressReporter({ stream, style: 'lines', snapshot: initialSnapshot(ID), now: () => now });
    reporter.update({ source: 'sse', status: 'processing', event: { event: 'job.processing' } as JobStreamEvent });
    now = 100;
    reporter.update(progressEvent(1, null, 10, null));
    now = 200;
    reporter.update(progressEvent(2, null, 10, null)); // within the second: skipped
    now = 1_200;
    reporter.update(progressEvent(3, null, 10, null));
    reporter.stop();
    expect(chunks).toEqual(['queued · 0.0s\n', 'processing · 0.0s\n', 'processing · 1/10 pages · 0.1s\n', 'processing · 3/10 pages · 1.2s\n']);
  });

  it('writes nothing when quiet', () => {
    const { chunks, stream } = capture();
    const reporter = createProgressReporter({ stream, style: 'none', snapshot: initialSnapshot(ID), now: () => 0 });
    reporter.update(progressEvent(1, null, 1, null));
    reporter.note('hello');
    reporter.stop();
    expect(chunks).toEqual([]);
  });
});
