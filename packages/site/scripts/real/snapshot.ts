import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { RealSite } from './corpus.js';

/**
 * The folder holding the fetched repository snapshots (`<owner>+<name>/repo`, a bare git directory or a
 * clone), from `SPIDERIQ_SNAPSHOTS_DIR`. It lies outside the repository on purpose: the sites' content is
 * never committed, so the user names where it is (see corpus/README.md).
 */
export function snapshotsDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['SPIDERIQ_SNAPSHOTS_DIR'];
  if (!dir) throw new SnapshotError('Set SPIDERIQ_SNAPSHOTS_DIR to the folder that holds the fetched snapshots (see packages/site/corpus/README.md)', 'not_fetched');
  return dir;
}

/** Why a site's snapshot could not be used. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  readonly code: 'not_fetched' | 'commit_missing';
  constructor(message: string, code: SnapshotError['code'], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Files the static server needs (and Netlify's `_redirects`); images, fonts and media are left out (no extractor reads them). */
const SERVED = /\.(?:html?|css|m?js|json|xml|txt|webmanifest|svg)$|(?:^|\/)_redirects$/i;

/** The git directory of a fetched snapshot, or null when it was never fetched. */
export function mirrorGitDir(repo: string, root: string = snapshotsDir()): string | null {
  const base = join(root, repo.replace('/', '+'), 'repo');
  if (existsSync(join(base, '.git'))) return join(base, '.git');
  return existsSync(join(base, 'HEAD')) ? base : null;
}

/**
 * Writes the site's web root at its pinned commit into `dest` (text files only), straight from the
 * snapshot's objects: blobs the snapshot lacks (files over its size limit) are skipped.
 * Returns the number of files written.
 */
export function extractWebRoot(site: RealSite, dest: string, root: string = snapshotsDir()): number {
  const gitDir = mirrorGitDir(site.repo, root);
  if (!gitDir) throw new SnapshotError(`${site.repo} is not fetched (run the search tool's fetch on github:${site.repo})`, 'not_fetched');
  const git = (args: string[], input?: string): Buffer =>
    execFileSync('git', [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] });
  try {
    git(['cat-file', '-e', `${site.commit}^{commit}`]);
  } catch (error) {
    throw new SnapshotError(`${site.repo}: commit ${site.commit} is not in the snapshot (fetch it again)`, 'commit_missing', { cause: error });
  }
  const prefix = site.web_root.replace(/^\/+|\/+$/g, '');
  const listing = git(['ls-tree', '-r', '-z', site.commit, '--', prefix === '' ? '.' : prefix]).toString('utf8');
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [, type, sha] = meta.split(' ') as [string, string, string];
      return { type, sha, path };
    })
    .filter((e) => e.type === 'blob' && SERVED.test(e.path) && !e.path.split('/').includes('node_modules'));
  // One `cat-file --batch` for every blob: "<sha> blob <size>\n<bytes>\n" or "<sha> missing\n".
  const batch = spawnSync('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch'], {
    input: blobs.map((b) => b.sha).join('\n') + '\n',
    maxBuffer: 1 << 30,
  }).stdout;
  let offset = 0;
  let written = 0;
  for (const blob of blobs) {
    const eol = batch.indexOf(0x0a, offset);
    const header = batch.subarray(offset, eol).toString('utf8');
    offset = eol + 1;
    const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue;
    const body = batch.subarray(offset, offset + Number(size));
    offset += Number(size) + 1;
    const rel = prefix === '' ? blob.path : blob.path.slice(prefix.length + 1);
    const target = normalize(join(dest, rel));
    if (!target.startsWith(dest + sep)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    written++;
  }
  return written;
}

/**
 * The hostname a site is served under: the pin's `host` (set when the real one cannot be served over
 * plain HTTP, e.g. an HSTS-preloaded `.app` name), else its CNAME file (web root, then repository root),
 * else `<owner>.github.io`.
 */
export function publicHost(site: RealSite, root: string = snapshotsDir()): string {
  if (site.host) return site.host.toLowerCase();
  const gitDir = mirrorGitDir(site.repo, root);
  const prefix = site.web_root.replace(/^\/+|\/+$/g, '');
  for (const path of [prefix ? `${prefix}/CNAME` : 'CNAME', 'CNAME']) {
    if (!gitDir) break;
    try {
      const name = execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${site.commit}:${path}`], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString('utf8')
        .trim()
        .split(/\s+/)[0]
        ?.toLowerCase();
      if (name && /^[a-z0-9.-]+\.[a-z]{2,}$/.test(name)) return name;
    } catch {
      // no CNAME at that path
    }
  }
  return `${site.repo.split('/')[0]!}.github.io`.toLowerCase();
}
