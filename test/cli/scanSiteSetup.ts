// Runs once before the scan and audit tests: makes sure Chromium and the built
// command are there (failing loudly, never skipping), and starts the example
// server with the https front the fake vendors at their real host names need.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../examples/server.mjs';
import { startTlsFront } from '../../examples/scan-site/tlsFront.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the example server. */
    scanSiteOrigin: string;
    /** Port of its https front: every vendor host name is mapped there. */
    scanSiteFrontPort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = process.env.KAKOR_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium" or set KAKOR_CHROMIUM`);
  }
  if (!existsSync(join(__dirname, '../../dist/cli/kakor.js'))) {
    throw new Error('dist/cli/kakor.js not found: run "npm run build" first (npm test does)');
  }
  const server = await startServer({ port: 0, host: '127.0.0.1' });
  const front = await startTlsFront(server.origin);
  project.provide('scanSiteOrigin', server.origin);
  project.provide('scanSiteFrontPort', front.port);
  return async () => {
    await front.close();
    await server.close();
  };
}
