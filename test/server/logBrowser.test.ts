// The browser side of proof of consent: a choice made in the woocommerce-shop
// example, in real Chromium, arrives in the log store through the demo's wiring
// (examples/serve.mjs: /consent-log passed to kakor/log-server).
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type Server } from '../../examples/server.mjs';
import { createLogHandler } from '../../src/server/logServer/handler';
import type { LogStore } from '../../src/server/logServer/logStore';
import { startLogServer, type RunningLogServer } from '../../src/server/logServer/nodeServer';
import { openPgliteStore } from '../../src/server/logServer/pgliteStore';
import { freshPgliteFolder, OPEN_TIMEOUT } from './logStores';

const freePort = () => new Promise<number>((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => ok(port));
  });
});

let folder: string;
let store: LogStore;
let log: RunningLogServer;
let site: Server;
let browser: Browser;

beforeAll(async () => {
  folder = await freshPgliteFolder();
  store = await openPgliteStore(folder);
  const port = await freePort();
  log = await startLogServer(createLogHandler({ store, origins: [`http://127.0.0.1:${port}`] }), { port: 0 });
  site = await startServer({ port, consentLog: log.url });
  browser = await chromium.launch({
    executablePath: process.env.KAKOR_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}, OPEN_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await log?.close();
  await store?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
}, OPEN_TIMEOUT);

it('a choice made in the shop ("Godkänn alla") is kept with its consent id, page and browser family', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${site.origin}/examples/woocommerce-shop/?utm_source=nyhetsbrev`);
  await page.locator('kakor-dialog').getByRole('button', { name: 'Godkänn alla' }).click();
  const consent = await page.evaluate(() => (window as unknown as { kakor: { getConsent(): { id: string } } }).kakor.getConsent());

  await expect.poll(() => store.byConsentId(consent.id), { timeout: 15_000 }).toHaveLength(1);
  const [kept] = await store.byConsentId(consent.id);
  expect(kept).toMatchObject({
    consentId: consent.id, source: 'banner', revision: 3, language: 'sv', denied: [], userAgent: 'Chrome',
    url: `${site.origin}/examples/woocommerce-shop/`,
  });
  expect(kept.granted).toEqual(expect.arrayContaining(['necessary', 'analytics', 'marketing', 'newsletter']));
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);
