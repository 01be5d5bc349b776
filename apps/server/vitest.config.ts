import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { preset } from '../../tooling/vitest.preset.ts';

const config = preset();
// The AWS SDK's `module` builds (dist-es) import files without extensions, which Node's ESM loader
// refuses; without that condition the SDK resolves to its Node build, as it does outside the tests.
config.ssr!.resolve!.conditions = ['@spideriq/source', ...defaultServerConditions.filter((c) => c !== 'module')];

export default defineConfig(config);
