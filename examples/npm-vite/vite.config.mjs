// Builds the npm example into examples/npm-vite/ (index.html + assets/), the way
// an app would bundle kakor. The aliases stand in for `npm install kakor`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./app'),
  base: '/examples/npm-vite/',
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^kakor\/core$/, replacement: here('../../dist/esm/core.js') },
      { find: /^kakor$/, replacement: here('../../dist/esm/index.js') },
    ],
  },
  build: { outDir: here('.'), emptyOutDir: false, assetsDir: 'assets' },
});
