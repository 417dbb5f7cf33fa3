// Vite build of the console renderer (React) into dist/renderer/; relative base so it loads from app:// and the loopback host alike.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web tsconfig has no Node types, so the folder of this file comes from import.meta.url, not node:path.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${root}../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
