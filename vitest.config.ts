import { defineConfig } from 'vitest/config';

// Three tiers (STYLE §10): unit and component in jsdom, browser in real Chromium;
// artifact, server and cli code in Node; cli-browser drives Chromium from the command line.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: { name: 'component', include: ['test/component/**/*.test.tsx'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'artifact',
          include: ['test/artifact/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // The command line in Node: the catalogue, `kakor add` and the built dist/cli/kakor.js.
        test: { name: 'cli', include: ['test/cli/**/*.test.ts'], exclude: ['test/cli/scan*.test.ts', 'test/cli/audit*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        // `kakor scan` and `kakor audit` against examples/scan-site/ in real Chromium (like the browser tier).
        test: {
          name: 'cli-browser',
          include: ['test/cli/scan*.test.ts', 'test/cli/audit*.test.ts'],
          environment: 'node',
          globalSetup: ['test/cli/scanSiteSetup.ts'],
          fileParallelism: false,
          // A whole scan or audit runs in one test; the machine may be shared.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
