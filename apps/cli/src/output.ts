import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { contentTypeOf, countTokens, render } from '@spideriq/formats';
import type { Format } from '@spideriq/schema';
import { CliError } from './cli-error.js';
import { writeFully, type OutputStream } from './io.js';

/** The schema argument of `render`, named here so commands need not import zod. */
export type RenderSchema = Parameters<typeof render>[2];

/** Where and how a command prints its result. */
export interface OutputTarget {
  /** `--format`. */
  format: Format;
  /** `--out FILE`, or undefined for stdout. */
  out: string | undefined;
  /** `--tokens`: report the o200k token count of the output on stderr. */
  tokens: boolean;
  /** Results go here when there is no `--out`. */
  stdout: OutputStream;
  /** Notes about the output go here. */
  stderr: OutputStream;
  /** Relative `--out` paths are resolved against this folder. */
  cwd: string;
}

/**
 * Renders a response with `@spideriq/formats` (the same renderer the server uses for `?format=`) and
 * writes it to stdout or `--out`. Only results ever reach stdout.
 */
export async function emit(value: unknown, schema: RenderSchema, target: OutputTarget): Promise<void> {
  const rendered = render(value, target.format, schema);
  const text = rendered.endsWith('\n') ? rendered : `${rendered}\n`;
  if (target.out === undefined) {
    await writeFully(target.stdout, text);
  } else {
    const path = resolve(target.cwd, target.out);
    try {
      await writeFile(path, text);
    } catch (error) {
      throw new CliError('io', `Cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    await writeFully(target.stderr, `Wrote ${path} (${contentTypeOf(target.format)}, ${Buffer.byteLength(text)} bytes)\n`);
  }
  if (target.tokens) await writeFully(target.stderr, `${await countTokens(text)} tokens (o200k_base) as ${target.format}\n`);
}
