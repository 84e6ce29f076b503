// Two pages: the React app, and a page whose module only imports the script-tag build.
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { rollupOptions: { input: { app: 'index.html', tag: 'tag.html' } } },
});
