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
    ssr: { resolve: { conditions: [...conditions, ...defaultServerConditions], externalConditions: conditions } },
    test: {
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  };
}
