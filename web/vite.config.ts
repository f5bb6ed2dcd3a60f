import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.js';

export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  // diagram.html: the sandboxed frame mermaid draws in (src/markdown/diagram-frame.ts).
  build: { outDir: 'dist', emptyOutDir: true, rollupOptions: { input: { main: 'index.html', diagram: 'diagram.html' } } },
});
