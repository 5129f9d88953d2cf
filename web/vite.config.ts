import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the SPA on :5173 and hands the API and the sandbox to the BFF,
// which `pnpm dev` starts on :8787 with PUBLIC_URL pointing back here.
const bff = 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': bff, '/sandbox': bff },
  },
  build: { outDir: 'dist', sourcemap: false },
});
