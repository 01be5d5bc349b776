import { readFileSync, readdirSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Resident bytes of every process whose process group is `pgid`, read from /proc (Linux only). */
export function groupRssBytes(pgid: number, include: (comm: string) => boolean = () => true): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended between readdir and read
    }
    // Fields after the parenthesised command name: state ppid pgrp … rss is field 24 overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (Number(fields[2]) === pgid && include(comm)) total += Number(fields[21]) * PAGE_BYTES;
  }
  return total;
}

/**
 * Samples the RSS of a process group every `intervalMs` until stopped, and keeps the peak. The
 * child is started `detached`, so its pid is its group id and the group holds everything it spawns
 * (a browser, an esbuild helper), which `process.resourceUsage().maxRSS` would miss.
 */
export function sampleGroupRss(pgid: number, intervalMs = 100, include?: (comm: string) => boolean): { stop(): number } {
  let peak = groupRssBytes(pgid, include);
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRssBytes(pgid, include));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, groupRssBytes(pgid, include));
      return peak / (1024 * 1024);
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
