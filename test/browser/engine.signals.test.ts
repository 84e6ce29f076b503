// Signals and the record in real Chromium (CONTRACT §3, §6, issue 2): Google
// Consent Mode order, Global Privacy Control, proof of consent, revision bumps.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentCookies, launchBrowser, openPage, origin, reload, requestMark, requestsSince,
  vendorRequestsSince, vendorRuns, visit, waitForCookies, waitForRuns,
} from './harness';
import { bostadsexperterna, nesk } from './sites';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const DEFAULT = {
  ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
  analytics_storage: 'denied', functionality_storage: 'denied', personalization_storage: 'denied',
  security_storage: 'granted', wait_for_update: 500,
};
// bostadsexperterna has no "preferences" category, so those two stay denied.
const ALL_GRANTED = {
  ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted',
  analytics_storage: 'granted', functionality_storage: 'denied', personalization_storage: 'denied',
};

/** dataLayer as arrays: gtag() pushes Arguments objects. */
const dataLayer = (page: Page) => page.evaluate(() =>
  (window.dataLayer ?? []).map((a) => Array.from(a as ArrayLike<unknown>).map((x) => (x instanceof Date ? 'date' : x))));

describe('Google Consent Mode v2 (/examples/consent-mode/)', () => {
  const path = '/examples/consent-mode/';

  it('pushes the denied default before the page queues anything, and no update before a choice', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, path);
    expect(await dataLayer(v.page)).toEqual([
      ['consent', 'default', DEFAULT], ['js', 'date'], ['config', 'G-TEST'], ['config', 'AW-TEST'],
    ]);
    expect(await vendorRequestsSince(mark)).toEqual([]);
    await v.close();
  });

  it('has the update in dataLayer before gtag.js runs, on accept and for a returning visitor', async () => {
    const v = await openPage(browser);
    await visit(v.page, path);
    await v.page.evaluate(() => window.kakor.acceptAll());
    await waitForRuns(v.page, ['gtag']);
    const expected = [
      { command: 'default', params: DEFAULT },
      { command: 'update', params: ALL_GRANTED },
    ];
    expect(await v.page.evaluate(() => window.__gtagConsentAtLoad)).toEqual(expected);
    await waitForCookies(v.page, ['_ga', '_ga_TEST', '_gid', '_gcl_au']);

    await reload(v.page);
    await waitForRuns(v.page, ['gtag']);
    expect(await v.page.evaluate(() => window.__gtagConsentAtLoad)).toEqual(expected);
    await v.close();
  });

  it('maps analytics alone to analytics_storage: gtag sets _ga but not the ads cookie', async () => {
    const v = await openPage(browser);
    await visit(v.page, path);
    await v.page.evaluate(() => window.kakor.setConsent({ analytics: true }));
    await waitForRuns(v.page, ['gtag']);
    const atLoad = await v.page.evaluate(() => window.__gtagConsentAtLoad);
    expect(atLoad?.[1]).toEqual({
      command: 'update',
      params: { ...ALL_GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    });
    // The fake gtag sets every cookie its consent allows in one go when it loads.
    await waitForCookies(v.page, ['_ga']);
    expect(Object.keys(await documentCookies(v.page))).not.toContain('_gcl_au');
    await v.close();
  });

  it('pushes the default while kakor.js is evaluated even when the manifest comes by data-manifest', async () => {
    // CONTRACT §6: the default lands during the script's own evaluation, i.e.
    // before the page's next script (here the site's gtag set-up) runs.
    const v = await openPage(browser);
    const html = await readFile(new URL('../../examples/consent-mode/index.html', import.meta.url), 'utf8');
    const manifest = /<script type="application\/json" id="kakor-manifest">([\s\S]*?)<\/script>/.exec(html)![1];
    await v.page.route(`${origin}${path}`, (route) => route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: html.replace(/<script type="application\/json" id="kakor-manifest">[\s\S]*?<\/script>/, '')
        .replace('<script src="/dist/kakor.js"></script>', '<script src="/dist/kakor.js" data-manifest="/cm.json"></script>'),
    }));
    await v.page.route(`${origin}/cm.json`, (route) => route.fulfill({ contentType: 'application/json', body: manifest }));
    await visit(v.page, path);
    expect((await dataLayer(v.page))[0]).toEqual(['consent', 'default', DEFAULT]);
    await v.close();
  });
});

describe('Global Privacy Control', () => {
  it.each([bostadsexperterna, nesk])('rejects with source "gpc" on $path, runs nothing, still lets the visitor opt in', async (site) => {
    const v = await openPage(browser, { gpc: true });
    const mark = await requestMark();
    await visit(v.page, site.path);
    const state = await v.page.evaluate(() => window.kakor.getConsent());
    expect(state).toMatchObject({ decided: true, source: 'gpc' });
    expect(Object.entries(state.categories).filter(([, on]) => on).map(([id]) => id)).toEqual(['necessary']);
    expect(await v.page.evaluate(() => window.kakor.getView())).not.toBe('banner');
    const consentEvents = await v.page.evaluate(() => window.__kakorEvents.filter((e) => e.type === 'consent'));
    expect(consentEvents).toEqual([{ type: 'consent', detail: { consent: state, firstTime: true } }]);

    await reload(v.page);
    expect(await v.page.evaluate(() => window.kakor.getConsent())).toEqual(state);
    expect(await vendorRuns(v.page)).toEqual(site.necessaryRuns);
    expect((await vendorRequestsSince(mark)).filter((p) => !p.startsWith('js.stripe.com/'))).toEqual([]);

    await v.page.evaluate(() => window.kakor.setConsent({ analytics: true }));
    await waitForRuns(v.page, ['gtag']);
    expect(await v.page.evaluate(() => window.kakor.getConsent().source)).toBe('api');
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});

describe('Global Privacy Control and the dialog file', () => {
  it(`decides without the dialog: ${nesk.path}, which has no blocked embed, never asks for kakor-ui.js`, async () => {
    const v = await openPage(browser, { gpc: true });
    const mark = await requestMark();
    await visit(v.page, nesk.path);
    expect(await v.page.evaluate(() => window.kakor.getConsent().source)).toBe('gpc');
    expect((await requestsSince(mark)).map((r) => r.path).filter((p) => p.endsWith('/kakor-ui.js'))).toEqual([]);
    await v.close();
  });
});

describe(`proof of consent (${nesk.path}, consentLog.endpoint "/consent-log")`, () => {
  it('POSTs each saved choice with its consent id and the page URL without the query', async () => {
    const v = await openPage(browser);
    await visit(v.page, `${nesk.path}?utm_source=nyhetsbrev&fbclid=abc123`);
    const mark = await requestMark();
    await v.page.evaluate(() => window.kakor.setConsent({ analytics: true }));
    const state = await v.page.evaluate(() => window.kakor.getConsent());

    const posts = async () => (await requestsSince(mark)).filter((r) => r.method === 'POST' && r.path === '/consent-log');
    await expect.poll(async () => (await posts()).length).toBe(1);
    const body = JSON.parse((await posts())[0].body ?? '{}');
    expect(body.consentId).toBe(state.id);
    expect(body.consentId).toMatch(/^[\w-]{16,}$/);
    expect(body.revision).toBe(3);
    expect(body.url).toBe(`${origin}${nesk.path}`);
    expect(JSON.stringify(body)).not.toContain('nyhetsbrev');
    expect(body.granted).toEqual(expect.arrayContaining(['necessary', 'analytics']));
    expect(body.denied).toEqual(expect.arrayContaining(['marketing', 'newsletter']));
    await v.close();
  });
});

describe('revision bump', () => {
  it(`asks again when ${bostadsexperterna.path}'s manifest revision goes from 1 to 2`, async () => {
    const v = await openPage(browser);
    await visit(v.page, bostadsexperterna.path);
    await v.page.evaluate(() => window.kakor.acceptAll());
    await reload(v.page);
    expect(await v.page.evaluate(() => window.kakor.getConsent().decided)).toBe(true);

    const manifest = JSON.parse(await readFile(new URL('../../examples/script-tag/cookies.json', import.meta.url), 'utf8'));
    await v.page.route(`${origin}${bostadsexperterna.manifestPath}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...manifest, revision: 2 }) }));
    const mark = await requestMark();
    await reload(v.page);
    expect(await v.page.evaluate(() => window.kakor.getConsent())).toMatchObject({ decided: false, revision: 2 });
    expect(await v.page.evaluate(() => window.kakor.getView())).toBe('banner');
    expect(await vendorRuns(v.page)).toEqual([]);
    expect(await vendorRequestsSince(mark)).toEqual([]);
    await v.close();
  });
});
