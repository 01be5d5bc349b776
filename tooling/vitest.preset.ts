import { defaultServerConditions, defaultClientConditions } from 'vite';
import type { UserConfig } from 'vite';
import type { InlineConfig } from 'vitest/node';

/**
 * Shared vitest settings. In-repo imports resolve to each package's `src/` through the
 * `@spideriq/source` export condition, so tests never wait for a build of their dependencies.
 */
export function preset(overrides: InlineConfig = {}): UserConfig & { test: InlineConfig } {
  const conditions = ['@spideriq/source'];
  return {
    resolve: { conditions: [...conditions, ...defaultClientConditions] },
    // Without `module` on the server side: the AWS SDK's `module` builds (dist-es) import files without
    // extensions, which Node's ESM loader refuses; its Node build is what runs outside the tests too.
    ssr: { resolve: { conditions: [...conditions, ...defaultServerConditions.filter((c) => c !== 'module')], externalConditions: conditions } },
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  };
}
