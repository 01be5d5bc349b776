import { defineConfig } from 'vitest/config';
import { preset } from '../../tooling/vitest.preset.ts';

// The tools are driven end to end, over stdio and Streamable HTTP against a real server, in
// apps/server/test/mcp.test.ts (the server depends on this package, so the reverse would be a cycle).
export default defineConfig(preset());
