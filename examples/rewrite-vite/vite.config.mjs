// A static site built by Vite, its pages' vendor tags written as blocked markup
// at build time by kakor/rewrite (CONTRACT §5.3). The README's Vite snippet is this file.
//
//   npm run build && npx vite build --config examples/rewrite-vite/vite.config.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rewriteHtml } from 'kakor/rewrite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const manifest = JSON.parse(readFileSync(here('./cookies.json'), 'utf8'));

/** Rewrites every HTML page Vite writes; a bad manifest fails the build. */
export function kakorRewrite(manifest) {
  return {
    name: 'kakor-rewrite',
    transformIndexHtml: { order: 'post', handler: (html) => rewriteHtml(html, manifest) },
  };
}

export default defineConfig({
  root: here('./app'),
  logLevel: 'warn',
  plugins: [kakorRewrite(manifest)],
  build: { outDir: here('./dist'), emptyOutDir: true },
});
