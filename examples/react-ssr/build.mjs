// Builds the example with Vite: the browser bundle into dist/client/ and the
// server entry (render()) into dist/server/, as a Vite SSR app does. The
// aliases stand in for `npm install kakor`.
//
//   node examples/react-ssr/build.mjs   (part of `npm run build`)
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

const shared = {
  configFile: false,
  root: here('.'),
  base: '/examples/react-ssr/dist/client/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    alias: [
      { find: /^kakor$/, replacement: here('../../dist/esm/index.js') },
      { find: /^kakor\/react$/, replacement: here('../../dist/esm/react.js') },
      { find: /^kakor\/server$/, replacement: here('../../dist/server/server.js') },
    ],
  },
};

await build({
  ...shared,
  // React's development build, as `vite dev` serves it: it reports any hydration
  // mismatch and runs StrictMode's effects twice, which this page shows it survives.
  define: { 'process.env.NODE_ENV': '"development"' },
  build: {
    outDir: here('dist/client'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: { input: here('app/entry-client.tsx'), output: { entryFileNames: '[name].js' } },
  },
});

await build({
  ...shared,
  build: { outDir: here('dist/server'), emptyOutDir: true, ssr: here('app/entry-server.tsx'), minify: false },
});
