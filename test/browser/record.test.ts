// The consent record in real Chromium (issue 11 part 3): a manifest of 1,000
// services still fits one cookie, so "accept all" in the banner and a
// per-service choice both survive a reload, and the page's cookies are read
// from the browser's cookie store once per load.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCookies, launchBrowser, openPage, reload, visit, type Visit } from './harness';

const PAGE = '/test/browser/pages/record/thousand.html';
let browser: Browser;
let v: Visit;
beforeAll(async () => {
  browser = await launchBrowser();
  v = await openPage(browser);
  // Counts reads of document.cookie, installed before any page script.
  await v.context.addInitScript(() => {
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    (window as unknown as { __cookieReads: number }).__cookieReads = 0;
    Object.defineProperty(Document.prototype, 'cookie', {
      ...cookie,
      get() {
        (window as unknown as { __cookieReads: number }).__cookieReads++;
        return cookie.get!.call(this);
      },
    });
  });
});
afterAll(async () => { await browser?.close(); });

const ui = (page: Page) => page.locator('kakor-dialog');
const cookieReads = (page: Page) => page.evaluate(() => (window as unknown as { __cookieReads: number }).__cookieReads);
const consent = (page: Page) => page.evaluate(() => window.kakor.getConsent());
const bannerShown = (page: Page) => ui(page).getByRole('region', { name: 'Vi använder cookies' }).isVisible();

describe('a manifest of 1,000 services', () => {
  it('"accept all" in the banner is still decided, all granted and no banner after a reload', async () => {
    await visit(v.page, PAGE);
    await ui(v.page).getByRole('button', { name: 'Godkänn alla' }).click();
    await v.page.waitForFunction(() => window.kakor.getConsent().decided);
    const record = (await documentCookies(v.page)).kakor_consent;
    expect(record.length).toBeLessThan(200);
    await reload(v.page);
    const state = await consent(v.page);
    expect(state).toMatchObject({ decided: true, source: 'banner' });
    expect(Object.keys(state.services)).toHaveLength(1000);
    expect(Object.values(state.services).every(Boolean)).toBe(true);
    expect(Object.values(state.categories).every(Boolean)).toBe(true);
    expect(await bannerShown(v.page)).toBe(false);
    expect(v.pageErrors).toEqual([]);
    expect(v.consoleErrors.filter((e) => e.startsWith('kakor:'))).toEqual([]);
  });

  it('reads the page\'s cookies once per load of a decided visitor', async () => {
    expect(await cookieReads(v.page)).toBe(1);
  });

  it('a per-service choice over all 1,000 survives a reload', async () => {
    const choice = await v.page.evaluate(async () => {
      const pick: Record<string, boolean> = { analytics: true, marketing: false, preferences: true };
      // A pattern no category default gives: every third service flipped, in every category.
      for (let i = 0; i < 1000; i++) if (i % 3 === 0) pick[`service-${i}`] = i % 4 === 2 ? false : true;
      await window.kakor.setConsent(pick);
      return window.kakor.getConsent();
    });
    expect(Object.values(choice.services).filter(Boolean).length).toBeGreaterThan(500);
    expect((await documentCookies(v.page)).kakor_consent.length).toBeLessThan(500);
    await reload(v.page);
    expect(await consent(v.page)).toEqual(choice);
    expect(await bannerShown(v.page)).toBe(false);
    expect(await cookieReads(v.page)).toBe(1);
  });
});
