import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Maven build passes VITE_OUT_DIR=target/classes/META-INF/resources so the jar carries the SPA.
const outDir = process.env.VITE_OUT_DIR ?? 'dist';
const backend = process.env.ORCHWIZ_BACKEND ?? 'http://localhost:8080';

/** The SPA's own pages at /login and /login/ott: a browser opening them gets index.html, the POSTs go to the node. */
const spaPages = new Set(['/login', '/login/ott']);
const servePageInstead = (req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }) => {
  const path = (req.url ?? '').split('?')[0];
  const accept = String(req.headers.accept ?? '');
  return req.method === 'GET' && spaPages.has(path) && accept.includes('text/html') ? '/index.html' : undefined;
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/v3': { target: backend, changeOrigin: true },
      // Sign-in endpoints outside /api: one-time token, passkeys, GitHub OAuth, sign-out.
      '/login': { target: backend, changeOrigin: true, bypass: servePageInstead },
      '/logout': { target: backend, changeOrigin: true },
      '/webauthn': { target: backend, changeOrigin: true },
      '/oauth2': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir,
    // outDir lies outside the project root during the Maven build; it belongs to this module only.
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      output: {
        // The libraries change less often than the app: their own chunk stays cached across releases.
        manualChunks: { vendor: ['react', 'react-dom', 'react-router', '@tanstack/react-query'] },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // The default 5 s per test is tight when the whole suite shares two cores with the Java build (seen timing out
    // under load); a test that really hangs still fails.
    testTimeout: 20000,
  },
});
