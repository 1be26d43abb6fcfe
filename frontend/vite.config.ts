import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Maven build passes VITE_OUT_DIR=target/classes/META-INF/resources so the jar carries the SPA.
const outDir = process.env.VITE_OUT_DIR ?? 'dist';
const backend = process.env.ORCHWIZ_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/v3': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir,
    // outDir lies outside the project root during the Maven build; it belongs to this module only.
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
