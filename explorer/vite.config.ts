import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  // `npm run dev`: the node data (/node/…) comes from a running slmnet-explorer (its --node)
  server: { host: '127.0.0.1', proxy: { '/node/': process.env.SLMNET_EXPLORER_SERVER ?? 'http://127.0.0.1:4000' } },
  preview: { host: '127.0.0.1' },
});
