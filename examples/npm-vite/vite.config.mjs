// Builds the npm example into examples/npm-vite/ (index.html + assets/), the way
// an app would bundle kakor. The aliases stand in for `npm install kakor`.
import { fileURLToPath } from 'node:url';
import { createLogger, defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// Warnings this page causes on purpose, silenced so that a warning in `npm run build`
// always means something is wrong: the output sits beside the app folder (the
// URL the demo and the tests visit), and the panel, the blocked tag and the shared
// stylesheet are classic scripts and files of the example server, not of the bundle.
const EXPECTED = [
  /^\(!\) build\.outDir must not be the same directory of root or a parent directory of root/,
  /^<script src="\/(examples\/panel\.js|vendor\/[^"]+)"> in "\/index\.html" can't be bundled without type="module" attribute/,
  /^\/examples\/examples\.css doesn't exist at build time/,
];
const logger = createLogger('warn');
const warn = logger.warn;
logger.warn = (msg, options) => {
  const text = msg.replace(/\x1b\[[\d;]*m/g, '').trim();
  if (!EXPECTED.some((re) => re.test(text))) warn(msg, options);
};
logger.warnOnce = logger.warn;

export default defineConfig({
  root: here('./app'),
  base: '/examples/npm-vite/',
  logLevel: 'warn',
  customLogger: logger,
  resolve: {
    alias: [
      { find: /^kakor\/core$/, replacement: here('../../dist/esm/core.js') },
      { find: /^kakor$/, replacement: here('../../dist/esm/index.js') },
    ],
  },
  build: { outDir: here('.'), emptyOutDir: false, assetsDir: 'assets' },
});
