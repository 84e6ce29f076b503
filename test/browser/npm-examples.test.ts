// The npm ways in, in real Chromium: an app bundled by Vite importing `kakor`,
// and a plain-DOM banner on `kakor/core` (examples/npm-vite, examples/headless).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, requestMark, vendorRequestsSince, vendorRuns, visit, waitForRuns } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const GA = 'www.googletagmanager.com/gtag/js?id=G-TEST';

describe('examples/npm-vite (init() from the kakor package)', () => {
  it('shows the dialog, holds analytics, and releases it on accept', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, '/examples/npm-vite/');
    expect(await v.page.evaluate(() => window.kakor.getView())).toBe('banner');
    await v.page.locator('kakor-dialog').getByRole('button', { name: 'Godkänn alla' }).click();
    await waitForRuns(v.page, ['gtag']);
    expect(await v.page.locator('#status').textContent()).toBe('på');
    const requested = await vendorRequestsSince(mark);
    expect(requested).toContain(GA);
    expect(requested.every((r) => /^www\.(googletagmanager|google-analytics)\.com\//.test(r))).toBe(true);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});

describe('examples/headless (kakor/core, no Preact)', () => {
  it('renders its own banner from the core and saves a custom choice', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, '/examples/headless/');
    const banner = v.page.getByRole('region', { name: 'Cookies' });
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await v.page.locator('kakor-dialog').count()).toBe(0);
    await banner.getByRole('button', { name: 'Neka alla' }).click();
    await expect.poll(() => banner.isVisible()).toBe(false);
    expect(await vendorRuns(v.page)).toEqual([]);

    await v.page.getByRole('button', { name: 'Cookieinställningar' }).click();
    await banner.getByRole('checkbox', { name: 'Statistik' }).check();
    await banner.getByRole('button', { name: 'Spara' }).click();
    await waitForRuns(v.page, ['gtag']);
    expect(await v.page.evaluate(() => window.kakor.getConsent().source)).toBe('preferences');
    const requested = await vendorRequestsSince(mark);
    expect(requested).toContain(GA);
    expect(requested.every((r) => /^www\.(googletagmanager|google-analytics)\.com\//.test(r))).toBe(true);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
