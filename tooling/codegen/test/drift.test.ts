import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArtifacts, staleArtifacts } from '../src/artifacts.js';

const fresh = generateArtifacts();

describe('generated contracts', () => {
  it('the committed files equal a fresh generation (run `pnpm gen` when this fails)', () => {
    expect(fresh.map((a) => a.path)).toEqual(['packages/schema/generated/openapi.json', 'packages/schema/generated/asyncapi.yaml']);
    expect(staleArtifacts(fresh)).toEqual([]);
  });

  it('is deterministic: two generations are byte-identical', () => {
    expect(generateArtifacts()).toEqual(fresh);
  });

  it('writes 2-space JSON and ends every file with one newline', () => {
    const openapi = fresh[0]!.content;
    expect(openapi).toBe(`${JSON.stringify(JSON.parse(openapi), null, 2)}\n`);
    for (const artifact of fresh) expect(artifact.content.endsWith('\n') && !artifact.content.endsWith('\n\n')).toBe(true);
  });

  describe('--check', () => {
    const roots: string[] = [];
    afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
    /** A scratch repository holding the given committed contents (null: the file is missing). */
    const repository = (contents: Array<string | null>) => {
      const root = mkdtempSync(join(tmpdir(), 'codegen-drift-'));
      roots.push(root);
      fresh.forEach((artifact, i) => {
        const content = contents[i];
        if (content === null || content === undefined) return;
        mkdirSync(dirname(join(root, artifact.path)), { recursive: true });
        writeFileSync(join(root, artifact.path), content);
      });
      return root;
    };
    const [openapi, asyncapi] = fresh.map((a) => a.content) as [string, string];

    it.each<[string, Array<string | null>, string[]]>([
      ['nothing is committed', [null, null], fresh.map((a) => a.path)],
      ['both are current', [openapi, asyncapi], []],
      ['the OpenAPI lost a character', [`${openapi.slice(0, -2)}\n`, asyncapi], [fresh[0]!.path]],
      ['the AsyncAPI gained a line', [openapi, `${asyncapi}# edited\n`], [fresh[1]!.path]],
      ['the AsyncAPI is missing', [openapi, null], [fresh[1]!.path]],
    ])('names the stale files when %s', (_case, contents, stale) => {
      expect(staleArtifacts(fresh, repository(contents))).toEqual(stale);
    });
  });
});
