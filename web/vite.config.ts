import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the build at `/` (api/web/web-app.ts); `npm run dev -w web` proxies the API for hot reload.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 1500 },
  server: {
    fs: { allow: ['..'] },
    proxy: { '/graphql': 'http://localhost:4000', '/auth': 'http://localhost:4000', '/exports': 'http://localhost:4000' },
  },
});
