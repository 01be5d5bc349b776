import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

/** Loads the package's entry in a fresh Node process and reports whether playwright-core was loaded with it. */
function loadsPlaywright(script: string): boolean {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=@spideriq/source', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    encoding: 'utf8',
  });
  return out.trim().split('\n').at(-1) === 'true';
}

const probe = (body: string): string => `
import { createRequire } from 'node:module';
const site = await import(${JSON.stringify(ENTRY)});
${body}
const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('playwright-core'));
console.log(String(loaded));`;

describe('playwright-core is loaded only when a browser is launched', () => {
  it('is not loaded by importing the engine, creating a handler or asking whether a browser is available', () => {
    const body = `const handler = site.createSiteHandler({ version: '0', publicUrl: 'http://127.0.0.1', allowPrivateNetworks: true, chromiumPath: process.execPath });
const renderer = new site.BrowserRenderer({ executablePath: process.execPath });
if (!(await renderer.available())) throw new Error('expected an executable');
await handler.close();`;
    expect(loadsPlaywright(probe(body))).toBe(false);
  });

  it('is loaded by the first session (the probe that the check above could fail)', () => {
    const body = `const renderer = new site.BrowserRenderer({ executablePath: '/nonexistent/chromium-for-test' });
Object.defineProperty(renderer, 'available', { value: async () => true });
await renderer.session({ userAgent: 'test', allowRequest: async () => false });`;
    expect(loadsPlaywright(probe(body))).toBe(true);
  });
});
