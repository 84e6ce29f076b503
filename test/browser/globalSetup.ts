// Runs once before the browser tests: makes sure Chromium is there (failing
// loudly, never skipping) and starts the example server they all visit.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../examples/server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the example server. */
    kakorOrigin: string;
    /** Path of the Chromium binary. */
    kakorChromium: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = process.env.KAKOR_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium" or set KAKOR_CHROMIUM`);
  }
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  project.provide('kakorOrigin', server.origin);
  project.provide('kakorChromium', chromium);
  return () => server.close();
}
