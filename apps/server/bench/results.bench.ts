/**
 * `pnpm bench`: requests/s and p99 of `GET /api/v1/jobs/{id}/results` (a completed job, JSON) on the
 * real API, against a bare Hono endpoint returning the same bytes, in the same run. Each target runs
 * in its own process; autocannon drives it from this one. Loopback only.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_DURATION ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

async function measure(mode: 'api' | 'bare') {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./results-target.ts', import.meta.url).pathname, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [url, jobId, token] = await new Promise<string[]>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+) (\S+) (\S+)/.exec(out);
      if (m) resolve([m[1]!, m[2]!, m[3]!]);
    });
    child.once('exit', (code) => reject(new Error(`${mode} target exited with ${code}`)));
  });
  try {
    const target = { url: `${url}/api/v1/jobs/${jobId}/results`, headers: { authorization: `Bearer ${token}` } };
    const check = await fetch(target.url, { headers: target.headers });
    if (check.status !== 200) throw new Error(`${mode}: expected 200, got ${check.status}`);
    await autocannon({ ...target, connections: CONNECTIONS, duration: 2 }); // warm-up
    const result = await autocannon({ ...target, connections: CONNECTIONS, duration: DURATION });
    if (result.non2xx || result.errors) throw new Error(`${mode}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.average };
  } finally {
    child.kill('SIGKILL');
  }
}

// Alternate the two targets over several rounds and report medians: on a shared 2-core machine single
// runs swing by ±20%.
const rounds: { bare: Awaited<ReturnType<typeof measure>>; api: Awaited<ReturnType<typeof measure>> }[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const bare = await measure('bare');
  const api = await measure('api');
  rounds.push({ bare, api });
  console.log(`round ${i + 1}: bare ${bare.rps.toFixed(0)} req/s, api ${api.rps.toFixed(0)} req/s, ratio ${((api.rps / bare.rps) * 100).toFixed(1)}%`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows = [
  ['endpoint', 'requests/s (median)', 'p99 ms (median)'],
  ['bare Hono (same body)', median(rounds.map((r) => r.bare.rps)).toFixed(0), String(median(rounds.map((r) => r.bare.p99)))],
  ['GET /results (auth + rate limit + SQLite)', median(rounds.map((r) => r.api.rps)).toFixed(0), String(median(rounds.map((r) => r.api.p99)))],
];
const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log('');
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(width[i]!)).join('  '));
const ratio = median(rounds.map((r) => r.api.rps / r.bare.rps));
console.log(`\nmedian ratio: ${(ratio * 100).toFixed(1)}% of the bare endpoint (target ≥ 60%); ${ROUNDS} rounds, ${CONNECTIONS} connections, ${DURATION} s each, node ${process.version}`);
