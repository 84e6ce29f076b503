// Every folder under examples/ is a page the demo serves; each is visited here
// in real Chromium: it loads without an error, kakor:ready fires, the live
// panel works, and nothing non-essential is requested before a decision.
import { existsSync, readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations, launchBrowser, openPage, origin, requestMark, vendorRequestsSince, vendorRuns, visit, waitForRuns, type Visit,
} from './harness';

const root = new URL('../../examples/', import.meta.url);
// rewrite-vite/ is a Vite plugin with no page of its own: test/server/ builds it.
const folders = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'rewrite-vite')
  .map((e) => e.name).sort();
// Pages with vendor tags written raw on purpose, so each is visited where it is tested:
// scan-site/ has no kakor, for kakor scan and audit (test/cli/); rewrite-node/ is served
// through kakor/rewrite (test/browser/rewrite.test.ts).
const kakorPages = folders.filter((name) => name !== 'scan-site' && name !== 'rewrite-node');

/** The page to open: a folder's index.html, or its build output when it has one (npm-vite). */
const entry = (name: string) => (existsSync(new URL(`${name}/dist/index.html`, root))
  ? `/examples/${name}/dist/` : `/examples/${name}/`);

// Only services in a required category may load before a decision (Stripe on the shop).
const NECESSARY_VENDORS = ['js.stripe.com/'];

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('examples/', () => {
  it('has a page in every folder', () => {
    expect(folders.length).toBeGreaterThanOrEqual(8);
    for (const name of folders) {
      const ok = existsSync(new URL(`${name}/index.html`, root)) || existsSync(new URL(`${name}/dist/index.html`, root));
      expect(ok, `examples/${name}/ has no index.html`).toBe(true);
    }
  });

  it('lists every folder on the demo\'s front page', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    for (const name of folders) expect(html).toContain(`href="/examples/${name}/"`);
  });
});

// One visit per page for both tests: a new page costs more than either check.
describe.each(kakorPages)('examples/%s/', (name) => {
  let v: Visit;
  let mark: number;
  beforeAll(async () => {
    v = await openPage(browser);
    mark = await requestMark();
    await visit(v.page, entry(name));
  });
  afterAll(() => v?.close());

  it('loads with no error, fires kakor:ready, requests nothing non-essential, shows the live panel', async () => {
    const ready = await v.page.evaluate(() => window.__kakorEvents.filter((e) => e.type === 'ready'));
    expect(ready).toHaveLength(1);
    expect(ready[0].detail).toEqual({ consent: await v.page.evaluate(() => window.kakor.getConsent()) });
    expect(v.pageErrors).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(await v.page.evaluate(() => window.__cspViolations)).toEqual([]);
    const requested = await vendorRequestsSince(mark);
    expect(requested.filter((p) => !NECESSARY_VENDORS.some((n) => p.startsWith(n)))).toEqual([]);
    // The panel is same-origin and matches no service: kakor must never hold it back.
    await v.page.waitForSelector('aside.kakor-panel li');
  });

  it('has no axe-core violations before a decision (page and kakor\'s UI)', async () => {
    expect(await axeViolations(v.page)).toEqual([]);
  });
});

describe('examples/only-necessary/', () => {
  it('needs no consent: decided with source "none-needed", no banner', async () => {
    const v = await openPage(browser);
    await visit(v.page, '/examples/only-necessary/');
    expect(await v.page.evaluate(() => window.kakor.getConsent())).toMatchObject({ decided: true, source: 'none-needed' });
    expect(await v.page.evaluate(() => window.kakor.getView())).toBeNull();
    await v.close();
  });
});

describe('examples/injected-scripts/', () => {
  it('runs the site\'s own injected script at once and the held vendors once each after acceptAll()', async () => {
    const v = await openPage(browser);
    await visit(v.page, '/examples/injected-scripts/');
    expect(await vendorRuns(v.page)).toEqual(['site-search']);
    await v.page.evaluate(() => window.kakor.acceptAll());
    const all = ['site-search', 'gtag', 'fbevents', 'fbevents-config', 'linkedin-insight', 'youtube'];
    await waitForRuns(v.page, all);
    expect((await vendorRuns(v.page)).sort()).toEqual(all.sort());
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
