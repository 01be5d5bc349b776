import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { ASYNCAPI_PATH, REPO_ROOT } from '../artifacts.js';

const require = createRequire(import.meta.url);

/** The slice of `@asyncapi/generator` this module uses (the package ships no types). */
interface AsyncApiGenerator {
  generateFromFile(asyncapiPath: string): Promise<void>;
}
type GeneratorConstructor = new (
  template: string,
  targetDir: string,
  options: { forceWrite: boolean; install: boolean; templateParams: Record<string, string> },
) => AsyncApiGenerator;

/** Options of {@link renderAsyncApiHtml}. */
export interface RenderAsyncApiHtmlOptions {
  /** The AsyncAPI document to render; defaults to the committed one. */
  asyncapiPath?: string;
}

/**
 * Renders the committed AsyncAPI document as a single-file HTML page (`index.html` in `outDir`) with
 * `@asyncapi/generator` and the installed `@asyncapi/html-template`. Offline: the template is given by
 * path and `install: false`, so arborist never touches a registry; CSS and JS are inlined (`singleFile`).
 * Returns the files written.
 */
export async function renderAsyncApiHtml(outDir: string, options: RenderAsyncApiHtmlOptions = {}): Promise<string[]> {
  const target = resolve(outDir);
  mkdirSync(target, { recursive: true });
  const Generator = require('@asyncapi/generator') as GeneratorConstructor;
  const template = dirname(require.resolve('@asyncapi/html-template/package.json'));
  const generator = new Generator(template, target, { forceWrite: true, install: false, templateParams: { singleFile: 'true' } });
  await generator.generateFromFile(resolve(options.asyncapiPath ?? resolve(REPO_ROOT, ASYNCAPI_PATH)));
  return readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => resolve(entry.parentPath, entry.name));
}
