import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (the one holding `pnpm-workspace.yaml`). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Folders never scanned: installs, build output and caches (all git-ignored). */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', '.turbo', 'coverage', 'data', 'test-artifacts', 'bench-results']);

/** Lists files under `dir` (absolute paths), skipping installs and build output. */
export function listFiles(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return SKIPPED_DIRS.has(entry) || full === join(REPO_ROOT, 'docs', 'site') ? [] : listFiles(full, keep);
    return keep(full) ? [full] : [];
  });
}

/** The folder of the workspace package a file belongs to: the nearest folder with a `package.json`. */
export function packageRootOf(file: string, root = REPO_ROOT): string {
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === root) break;
  }
  return root;
}

/** Module specifiers of static imports, re-exports, side-effect imports, `import()` and `require()`. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\b(?:import|require)\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[2]!);
  return found;
}

/** A relative import that leaves the importing file's own package. */
export interface ForeignImport {
  file: string;
  specifier: string;
}

/**
 * The relative imports in `source` (the text of `file`) that resolve outside `file`'s package:
 * another package's `src/` or `test/` reached by `../`, which should be a package import instead.
 */
export function foreignRelativeImports(file: string, source: string, packageRoot: string): ForeignImport[] {
  return importSpecifiers(source)
    .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier);
      return target !== packageRoot && !target.startsWith(packageRoot + sep);
    })
    .map((specifier) => ({ file, specifier }));
}

/** A path in a file that points outside the repository. */
export interface OutsidePath {
  file: string;
  line: number;
  path: string;
  /** Where it resolves to. */
  resolved: string;
}

/** System folders a build may legitimately use (binaries, temp files, devices). */
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib64', '/etc', '/tmp', '/var', '/dev', '/proc', '/sys', '/run', '/opt', '/nonexistent'];

/**
 * A line comment that marks a relative string on its line as a link between generated pages (e.g.
 * typedoc's navigation links), not a file a build reads.
 */
export const NOT_A_PATH = 'repo-scan: not a path';

const STRING_LITERAL = /(['"`])((?:(?!\1)[^\\\n$]|\\.)*)\1/g;
/** A path-building call whose string arguments are joined: `resolve(here, '..', '../x')`, `new URL('../..', import.meta.url)`. */
const PATH_CALL = /\b(?:resolve|join|URL)\s*\(([^()]*)\)/g;

function isOutside(resolved: string, root: string): boolean {
  return resolved !== root && !resolved.startsWith(root + sep);
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/**
 * Paths in a script, test or config file that climb above `root` or name an existing folder
 * outside it: a relative literal (or the string arguments of one `resolve`/`join`/`new URL` call)
 * resolved from the file's folder (a package.json script runs there too, so each word of a
 * command is checked the same way), and absolute literals that exist on this machine outside the repository and
 * outside the system folders (`/usr`, `/tmp`, …). URL paths such as `/api/v1/jobs` are not files
 * on disk, so they never match; a line carrying {@link NOT_A_PATH} in a comment is skipped.
 */
export function outsidePaths(file: string, source: string, root = REPO_ROOT, exists: (path: string) => boolean = existsSync): OutsidePath[] {
  const found: (OutsidePath & { index: number })[] = [];
  const base = dirname(file);
  const seen = new Set<string>();
  const report = (index: number, path: string, resolved: string) => {
    const key = `${index}:${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ file, line: lineOf(source, index), path, resolved, index });
  };
  const checkRelative = (index: number, path: string) => {
    if (!path.split(/[\\/]/).includes('..')) return;
    const resolved = resolve(base, path);
    if (isOutside(resolved, root)) report(index, path, resolved);
  };
  const checkAbsolute = (index: number, path: string) => {
    if (!/^\/[\w.@+-]+(\/[\w.@+-]*)*$/.test(path)) return;
    const resolved = normalize(path);
    if (!isOutside(resolved, root) || SYSTEM_DIRS.some((dir) => resolved === dir || resolved.startsWith(`${dir}/`))) return;
    if (resolved !== '/' && exists(resolved)) report(index, path, resolved);
  };
  const optedOut = (index: number) => {
    const end = source.indexOf('\n', index);
    return source.slice(index, end === -1 ? undefined : end).includes(NOT_A_PATH);
  };
  for (const match of source.matchAll(PATH_CALL)) {
    const literals = [...match[1]!.matchAll(STRING_LITERAL)].map((literal) => literal[2]!);
    if (literals.length > 1 && !isAbsolute(literals[0]!)) checkRelative(match.index, join(...literals));
  }
  for (const match of source.matchAll(STRING_LITERAL)) {
    const value = match[2]!;
    if (optedOut(match.index)) continue;
    if (value.startsWith('/')) checkAbsolute(match.index, value);
    else checkRelative(match.index, value);
    // Shell commands inside a string (package.json scripts): check each whitespace-separated word.
    if (/\s/.test(value)) {
      for (const word of value.split(/[\s=;&|()<>]+/)) {
        const token = word.replace(/^['"]|['"]$/g, '');
        if (token.startsWith('/')) checkAbsolute(match.index, token);
        else if (token !== value) checkRelative(match.index, token);
      }
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, ...path }) => path);
}

/** Reads a file as UTF-8. */
export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/** A path relative to the repository root, for messages. */
export function repoPath(file: string): string {
  return relative(REPO_ROOT, file);
}
