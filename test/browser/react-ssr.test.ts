// examples/react-ssr in real Chromium: React renders on the server from
// readConsent(Cookie header), hydrates under StrictMode with kakor/react, and
// the gated YouTube embed and gtag.js are asked for only after a yes.
import { readFileSync } from 'node:fs';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/core/types';
import { readConsent } from '../../src/server/index';
import { launchBrowser, openPage, origin, requestMark, vendorRequestsSince, waitForReady, type Visit } from './harness';

const PAGE = `${origin}/examples/react-ssr/`;
const manifest: Manifest = JSON.parse(readFileSync(new URL('../../examples/react-ssr/cookies.json', import.meta.url), 'utf8'));
const YOUTUBE = 'www.youtube-nocookie.com/embed/kakor-intro';
const GTAG = 'www.googletagmanager.com/gtag/js?id=G-TEST';
const VIDEO_TITLE = 'Introduktion till kursen (YouTube)';

declare global {
  interface Window {
    /** Subscriptions to the instance that are open now (each hook holds one). */
    __subscriptions: number;
  }
}

// The example assigns window.kakor before hydrateRoot(); this setter wraps the
// instance's subscribe() then, so every subscription React makes is counted,
// and counted off only by its own unsubscribe.
const COUNT_SUBSCRIPTIONS = `(() => {
  let instance;
  window.__subscriptions = 0;
  Object.defineProperty(window, 'kakor', {
    configurable: true,
    get: () => instance,
    set(consent) {
      instance = consent;
      const subscribe = consent.subscribe;
      consent.subscribe = (fn) => {
        window.__subscriptions++;
        const off = subscribe(fn);
        let open = true;
        return () => { if (open) window.__subscriptions--; open = false; off(); };
      };
    },
  });
})();`;

// Hooks on the page while nothing is granted: Choice's useConsent, StatsStatus's
// useHasConsent, the two gates and the YouTube placeholder (its texts follow the language).
const SUBSCRIPTIONS_UNDECIDED = 5;

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

interface SsrVisit extends Visit {
  /** console.error and console.warn messages: React reports hydration mismatches there. */
  problems: string[];
}

async function open(): Promise<SsrVisit> {
  const v = await openPage(browser);
  await v.context.addInitScript(COUNT_SUBSCRIPTIONS);
  const problems: string[] = [];
  v.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  v.page.on('pageerror', (e) => problems.push(e.message));
  return { ...v, problems };
}

/** Waits for kakor:ready and for React to have hydrated (its hooks subscribe in the commit after). */
async function hydrated(page: Page): Promise<void> {
  await waitForReady(page);
  await page.waitForFunction(() => window.__subscriptions > 0);
}

/** The document as the server sent it, before any script ran. */
async function rawHtml(response: Response | null): Promise<string> {
  expect(response?.status()).toBe(200);
  return response!.text();
}

const video = (page: Page) => page.getByTitle(VIDEO_TITLE);
const dialogButton = (page: Page, name: string) => page.locator('kakor-dialog').getByRole('button', { name });

describe('examples/react-ssr: a visitor who says yes', () => {
  let v: SsrVisit;
  let mark: number;
  beforeAll(async () => {
    v = await open();
    mark = await requestMark();
  });
  afterAll(async () => { await v?.close(); });

  it('gets the fallbacks in the server HTML, the banner, and no vendor request while undecided', async () => {
    const html = await rawHtml(await v.page.goto(PAGE, { waitUntil: 'networkidle' }));
    expect(html).toContain('data-kakor-placeholder="youtube"');
    expect(html).toContain('<button type="button">Tillåt YouTube</button>');
    expect(html).toContain('id="no-analytics"');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('id="analytics"');
    await hydrated(v.page);
    expect(await v.page.evaluate(() => window.kakor.getView())).toBe('banner');
    await expect.poll(() => dialogButton(v.page, 'Godkänn alla').isVisible()).toBe(true);
    // StrictMode mounted every hook twice; each kept exactly one subscription.
    expect(await v.page.evaluate(() => window.__subscriptions)).toBe(SUBSCRIPTIONS_UNDECIDED);
    expect(await v.page.locator('#status').textContent()).toBe('av');
    expect(await vendorRequestsSince(mark)).toEqual([]);
    expect(v.problems).toEqual([]);
  });

  it('after "accept all" in the banner renders YouTube and runs gtag.js without a reload, asking for them only then', async () => {
    await v.page.evaluate(() => { (window as { sameDocument?: boolean }).sameDocument = true; });
    expect(await vendorRequestsSince(mark)).toEqual([]);
    const clicked = await requestMark();
    await dialogButton(v.page, 'Godkänn alla').click();
    await video(v.page).waitFor();
    await expect.poll(async () => (await vendorRequestsSince(clicked)).filter((r) => r === YOUTUBE || r === GTAG).sort())
      .toEqual([GTAG, YOUTUBE]);
    expect(await v.page.locator('#analytics').isVisible()).toBe(true);
    expect(await v.page.locator('#status').textContent()).toBe('på');
    expect(await v.page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // The placeholder unmounted and let go of its subscription; gtag.js was added once under StrictMode.
    expect(await v.page.evaluate(() => window.__subscriptions)).toBe(SUBSCRIPTIONS_UNDECIDED - 1);
    expect(await v.page.locator('script[src*="gtag/js"]').count()).toBe(1);
    expect(v.problems).toEqual([]);
  });

  it('on reload gets the gated content from the server, reads the same choice as the browser, and hydrates cleanly', async () => {
    const response = await v.page.reload({ waitUntil: 'networkidle' });
    const html = await rawHtml(response);
    expect(html).toContain(`title="${VIDEO_TITLE}"`);
    expect(html).toContain('id="analytics"');
    expect(html).not.toContain('data-kakor-placeholder');
    expect(html).not.toContain('id="no-analytics"');
    await hydrated(v.page);
    expect(await v.page.evaluate(() => window.kakor.getView())).toBeNull();
    expect(await v.page.evaluate(() => window.__subscriptions)).toBe(SUBSCRIPTIONS_UNDECIDED - 1);
    expect(v.problems).toEqual([]);

    // The record the browser's kakor wrote, read on the server for this very request…
    const inBrowser = await v.page.evaluate(() => window.kakor.getConsent());
    expect(inBrowser).toMatchObject({ decided: true, source: 'banner', categories: { analytics: true, marketing: true } });
    const served = JSON.parse(await v.page.locator('#server-consent').textContent() ?? '');
    expect(served).toEqual(inBrowser);
    // …and from the Cookie header Chromium sent with it.
    const cookie = (await response!.request().allHeaders()).cookie;
    expect(cookie).toContain('kakor_consent=');
    expect(readConsent(cookie, manifest)).toEqual(inBrowser);
  });
});

describe('examples/react-ssr: a visitor who says no', () => {
  it('gets the fallbacks from the server after a reload and no vendor request; the placeholder allows just YouTube', async () => {
    const v = await open();
    const mark = await requestMark();
    await v.page.goto(PAGE, { waitUntil: 'networkidle' });
    await hydrated(v.page);
    await dialogButton(v.page, 'Neka alla').click();
    await expect.poll(() => v.page.evaluate(() => window.kakor.getConsent().decided)).toBe(true);

    const html = await rawHtml(await v.page.reload({ waitUntil: 'networkidle' }));
    expect(html).toContain('data-kakor-placeholder="youtube"');
    expect(html).toContain('id="no-analytics"');
    expect(html).not.toContain('<iframe');
    await hydrated(v.page);
    expect(await v.page.evaluate(() => window.kakor.getView())).toBeNull();
    expect(await v.page.evaluate(() => window.__subscriptions)).toBe(SUBSCRIPTIONS_UNDECIDED);
    expect(await vendorRequestsSince(mark)).toEqual([]);
    expect(v.problems).toEqual([]);

    const clicked = await requestMark();
    await v.page.getByRole('button', { name: 'Tillåt YouTube' }).click();
    await video(v.page).waitFor();
    await expect.poll(() => vendorRequestsSince(clicked).then((r) => r.includes(YOUTUBE))).toBe(true);
    expect(await v.page.evaluate(() => window.kakor.getConsent())).toMatchObject({
      source: 'preferences', services: { youtube: true, 'google-analytics': false },
    });
    expect(await v.page.locator('#no-analytics').isVisible()).toBe(true);
    expect((await vendorRequestsSince(mark)).filter((r) => /googletagmanager|google-analytics/.test(r))).toEqual([]);
    expect(v.problems).toEqual([]);
    await v.close();
  });
});
