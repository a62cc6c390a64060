import { fileURLToPath } from 'node:url';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import { defineConfig } from 'vite';

const api = process.env.NAMNDRUM_API_URL ?? 'http://localhost:3000';

/** Built into dist/web, which the API process serves at `/`; `npm run dev:web` proxies the API's paths to a running API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Vite's own transform (Oxc) compiles the TSX with React's automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  // The app speaks Swedish whatever the browser's language (main.tsx): React Aria's strings for its
  // other 30-odd languages (a sixth of the JavaScript) are left out; en-US stays as React Aria's fallback.
  plugins: [optimizeLocales.vite({ locales: ['sv-SE', 'en-US'] })],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // One chunk per route keeps the first route's JavaScript small.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // React Server Components' "use client" marks mean nothing in a browser-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/api', '/sammantraden', '/anslagstavla', '/protokoll'].map((path) => [path, { target: api, changeOrigin: false }])),
  },
});
