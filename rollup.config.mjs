// Builds: dist/kakor-ui.js (the dialog, an IIFE) and then dist/kakor.js (the head
// script, an IIFE that carries the dialog file's SRI hash), the ESM entries `kakor`
// (with the dialog as a chunk of its own), `kakor/core` and `kakor/react` (preact,
// js-cookie and react left external), and the Node code: the `kakor` command and
// the server entries (every dependency external). Rollup runs these in order.
import esbuild from 'rollup-plugin-esbuild';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

const nodeExternal = [
  ...builtinModules, /^node:/,
  ...[...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies)].map((d) => new RegExp(`^${d}(/|$)`)),
];

// NOTE: TypeScript 7's compiler is native and has no JS API for rollup
// plugins; esbuild transpiles, `tsc --noEmit` type-checks.
const ts = (target) => esbuild({ target, jsx: 'automatic', jsxImportSource: 'preact', minify: false });

// hoist_funs and a fourth pass: measured 80 B gzip less on dist/kakor.js.
const minify = (preamble) => terser({
  ecma: 2019,
  compress: { passes: 4, unsafe_arrows: true, pure_getters: true, hoist_funs: true },
  // ASCII only: a copy served without `charset=utf-8` to a page in another encoding
  // still shows "Godkänn alla", not "GodkÃ¤nn alla" (measured in Chromium, a CDN test in split.test.ts).
  format: { comments: false, ascii_only: true, preamble },
});
// V8's file compile hint (Chromium 136 and later) for the head script: every function
// is compiled while the file streams in, off the main thread, not one by one on the
// main thread at its first call. Measured with the bench's visits (README, Size and
// speed): a returning visitor's script time about a fifth lower. The dialog file
// showed no gain either way, so it keeps V8's own choice.
const HEAD_HINT = '//# allFunctionsCalledOnLoad';

// The hash of the dist/kakor-ui.js just built, written into kakor.js (src/script.ts),
// so kakor.js loads only the dialog file of its own build.
const uiIntegrity = {
  name: 'kakor-ui-integrity',
  transform(code, id) {
    if (!id.endsWith('src/script.ts')) return null;
    const hash = createHash('sha384').update(readFileSync('dist/kakor-ui.js')).digest('base64');
    if (!code.includes("'KAKOR_UI_INTEGRITY'")) this.error('src/script.ts has no KAKOR_UI_INTEGRITY to fill in');
    return code.replace("'KAKOR_UI_INTEGRITY'", JSON.stringify(`sha384-${hash}`));
  },
};

export default [
  {
    input: 'src/uiScript.ts',
    output: { file: 'dist/kakor-ui.js', format: 'iife', sourcemap: true, plugins: [minify()] },
    plugins: [resolve({ browser: true }), ts('es2019')],
  },
  {
    input: 'src/script.ts',
    output: { file: 'dist/kakor.js', format: 'iife', sourcemap: true, plugins: [minify(HEAD_HINT)] },
    plugins: [uiIntegrity, resolve({ browser: true }), ts('es2019')],
  },
  {
    input: { index: 'src/index.ts', core: 'src/core/index.ts', react: 'src/react/index.ts' },
    output: { dir: 'dist/esm', format: 'es', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
    // react is the app's own copy (an optional peer), never bundled.
    external: [/^preact/, 'js-cookie', /^react(-dom)?(\/|$)/],
    plugins: [resolve({ browser: true }), ts('es2019')],
  },
  {
    input: { 'log-server': 'src/server/logServer/index.ts' },
    output: { dir: 'dist/server', format: 'es', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
    external: nodeExternal,
    plugins: [resolve({ preferBuiltins: true }), ts('node20')],
  },
  {
    // `kakor/server`: no DOM, for Node and edge runtimes alike (web APIs only).
    input: { server: 'src/server/index.ts' },
    output: { dir: 'dist/server', format: 'es', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
    external: nodeExternal,
    plugins: [resolve({ preferBuiltins: true }), ts('es2022')],
  },
  {
    input: { kakor: 'src/cli/bin.ts' },
    output: { dir: 'dist/cli', format: 'es', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
    external: nodeExternal,
    plugins: [resolve({ preferBuiltins: true }), ts('node20')],
  },
  {
    // kakor/rewrite: no DOM and no Node built-ins (web streams only), so it runs
    // in Node and in edge runtimes; parse5 stays a dependency.
    input: { rewrite: 'src/server/rewrite.ts' },
    output: { dir: 'dist/server', format: 'es', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
    external: nodeExternal,
    plugins: [resolve(), ts('es2020')],
  },
];
