import type { JobStatus, WaitProgress } from '@spideriq/client';
import type { OutputStream } from './io.js';

/** What the progress line shows about a job being waited on. */
export interface ProgressSnapshot {
  /** The job being waited on. */
  jobId: string;
  /** Last known state. */
  status: JobStatus;
  /** Pages fetched so far (spiderSite), from `job.progress`. */
  pagesCrawled: number | null;
  /** The planned total (page budget or listings), when the worker knows it. */
  total: number | null;
  /** Listings found so far (spiderMaps). */
  resultsFound: number | null;
  /** The worker's last message, for example the URL being crawled. */
  message: string | null;
}

/** A fresh snapshot for a job that was just submitted. */
export function initialSnapshot(jobId: string, status: JobStatus = 'queued'): ProgressSnapshot {
  return { jobId, status, pagesCrawled: null, total: null, resultsFound: null, message: null };
}

/** Folds one step reported by `waitForResults` into the snapshot (pure). */
export function applyProgress(snapshot: ProgressSnapshot, progress: WaitProgress): ProgressSnapshot {
  const next: ProgressSnapshot = { ...snapshot, status: progress.status };
  if (progress.source === 'sse' && progress.event.event === 'job.progress') {
    const { event } = progress;
    next.pagesCrawled = event.pages_crawled ?? next.pagesCrawled;
    next.resultsFound = event.results_found ?? next.resultsFound;
    next.total = event.total ?? next.total;
    next.message = event.message ?? next.message;
  }
  return next;
}

/** `1.2s`, `59.9s`, `1m05s`: short enough for a one-line display. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** The progress text: `processing · 3/10 pages · 4.2s · https://example.com/contact` (pure). */
export function describeProgress(snapshot: ProgressSnapshot, elapsedMs: number | null): string {
  const parts: string[] = [snapshot.status];
  const outOf = snapshot.total === null ? '' : `/${snapshot.total}`;
  if (snapshot.pagesCrawled !== null) parts.push(`${snapshot.pagesCrawled}${outOf} pages`);
  else if (snapshot.resultsFound !== null) parts.push(`${snapshot.resultsFound}${outOf} results`);
  if (elapsedMs !== null) parts.push(formatElapsed(elapsedMs));
  if (snapshot.message !== null && snapshot.message !== '') parts.push(snapshot.message);
  return parts.join(' · ');
}

/** Shows waiting progress on stderr. */
export interface ProgressReporter {
  /** A new state or progress event. */
  update(progress: WaitProgress): void;
  /** A one-off line (for example "live stream unavailable, polling"). */
  note(text: string): void;
  /** Clears the live line; call before printing anything else. */
  stop(): void;
}

/** How the progress is shown. */
export type ProgressStyle =
  /** A redrawn line with a spinner and a ticking clock: stdout and stderr are both terminals. */
  | 'live'
  /** A plain line per change of state or page count; no escape codes (pipes, CI logs). */
  | 'lines'
  /** Nothing (`--quiet`). */
  | 'none';

/** Options of {@link createProgressReporter}. */
export interface ProgressReporterOptions {
  /** Where progress goes: stderr, so stdout carries only results. */
  stream: OutputStream;
  /** See {@link ProgressStyle}. */
  style: ProgressStyle;
  /** The job and its state at the start. */
  snapshot: ProgressSnapshot;
  /** Clock, for elapsed time. */
  now: () => number;
  /** Redraw period of the live line, in ms. */
  tickMs?: number;
  /** In `lines` style, the least time between two lines about the same state, in ms. */
  lineEveryMs?: number;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
// Erase the line and return to its start; the only escape sequence the CLI ever writes, and only on a TTY.
const CLEAR_LINE = '\r\x1b[2K';

/**
 * Picks the style: live only when both streams are terminals (so `spideriq site x > out.json` and CI
 * logs never see escape codes), and not when NO_COLOR is set or TERM is `dumb`.
 */
export function progressStyle(options: { stdoutTTY: boolean; stderrTTY: boolean; quiet: boolean; noColor: boolean; dumb: boolean }): ProgressStyle {
  if (options.quiet) return 'none';
  if (options.stdoutTTY && options.stderrTTY && !options.noColor && !options.dumb) return 'live';
  return 'lines';
}

/** Creates the reporter for a style. */
export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const { stream, style, now } = options;
  const started = now();
  let snapshot = options.snapshot;
  if (style === 'none') return { update: () => undefined, note: () => undefined, stop: () => undefined };

  if (style === 'lines') {
    let lastText = '';
    let lastKind = '';
    let lastAt = -Infinity;
    const every = options.lineEveryMs ?? 1_000;
    const print = () => {
      // A new state, or the first count, is printed at once; later counts at most every `every` ms.
      const text = describeProgress(snapshot, null);
      const kind = `${snapshot.status}/${snapshot.pagesCrawled === null && snapshot.resultsFound === null}`;
      const at = now();
      if (text === lastText || (kind === lastKind && at - lastAt < every)) return;
      lastText = text;
      lastKind = kind;
      lastAt = at;
      stream.write(`${describeProgress(snapshot, at - started)}\n`);
    };
    print();
    return {
      update(progress) {
        snapshot = applyProgress(snapshot, progress);
        print();
      },
      note: (text) => void stream.write(`${text}\n`),
      stop: () => undefined,
    };
  }

  let frame = 0;
  let stopped = false;
  const draw = () => {
    if (stopped) return;
    frame = (frame + 1) % FRAMES.length;
    // A terminal of unknown size (0 columns, as under `script` or some CI ptys) is taken as 80 wide.
    const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
    const width = Math.max(20, columns - 1);
    const text = `${FRAMES[frame]} ${describeProgress(snapshot, now() - started)}`;
    stream.write(`${CLEAR_LINE}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
  };
  const timer = setInterval(draw, options.tickMs ?? 100);
  timer.unref();
  draw();
  return {
    update(progress) {
      snapshot = applyProgress(snapshot, progress);
      draw();
    },
    note(text) {
      stream.write(`${CLEAR_LINE}${text}\n`);
      draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stream.write(CLEAR_LINE);
    },
  };
}
