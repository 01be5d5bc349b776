import { defineConfig, defaultClientConditions } from 'vite';

// In-repo packages resolve to their `src/` through the `@spideriq/source` condition, so the playground
// builds without the other packages' dist and always bundles the same code its tests run.
const conditions = ['@spideriq/source', ...defaultClientConditions];

/** `vite` serves the app on :5173 and forwards API calls to a server (SPIDERIQ_API_URL, default :8080). */
const apiTarget = process.env['SPIDERIQ_API_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // The server serves dist at `/` and falls back to index.html for unknown paths, so assets are absolute.
  base: '/',
  resolve: { conditions },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The o200k tokenizer (~2 MB of merges) is its own chunk, loaded only when a token count is shown.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/artifacts', '/docs', '/openapi.json', '/asyncapi.yaml'].map((path) => [path, { target: apiTarget, changeOrigin: true }])),
  },
});
