import { defineConfig } from 'vitest/config';
import { preset } from '../../tooling/vitest.preset.ts';

export default defineConfig(preset());
