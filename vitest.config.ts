import { defineConfig } from 'vitest/config';

// Three tiers (STYLE §10): unit and component in jsdom, browser in real Chromium;
// artifact and cli in Node.
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
        test: {
          name: 'artifact',
          include: ['test/artifact/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        // The command line in Node: the catalogue, `kakor add` and the built dist/cli/kakor.js.
        test: { name: 'cli', include: ['test/cli/**/*.test.ts'], environment: 'node' },
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
