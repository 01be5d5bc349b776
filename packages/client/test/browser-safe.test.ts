import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The client ships to browsers: nothing in src may reach for Node-only modules or globals.
const srcDir = join(import.meta.dirname, '../src');
const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('browser safety', () => {
  it('has source files to check', () => {
    expect(files).toContain('index.ts');
    expect(files).toContain(join('generated', 'openapi.ts'));
  });

  it.each(files.map((f) => [f]))('%s uses no Node-only module or global', (file) => {
    const text = readFileSync(join(srcDir, file), 'utf8');
    expect(text).not.toMatch(/from\s+['"]node:/);
    expect(text).not.toMatch(/from\s+['"](fs|path|os|http|https|net|stream|child_process|url|util|buffer|events)['"]/);
    expect(text).not.toMatch(/\brequire\(/);
    // The generated file is type declarations only; its descriptions are prose, so globals are checked in code.
    if (!file.startsWith('generated')) expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname/);
  });
});
