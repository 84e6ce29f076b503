// Static blocking in real Chromium (CONTRACT §5.1, issue 2): dist/kakor.js by
// script tag on the example pages built from both fixture manifests.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentCookies, launchBrowser, liveVendorElements, openPage, reload, requestMark,
  vendorRequestsSince, vendorRuns, visit, waitForCookies, waitForRuns,
} from './harness';
import { sites } from './sites';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const count = (list: string[], name: string) => list.filter((x) => x === name).length;

describe.each(sites)('$path ($fixture)', (site) => {
  it('runs and requests nothing non-essential before a decision', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, site.path);

    expect(await v.page.evaluate(() => window.kakor.getConsent().decided)).toBe(false);
    expect(await vendorRuns(v.page)).toEqual(site.necessaryRuns);
    const requested = await vendorRequestsSince(mark);
    expect(requested.filter((p) => !p.startsWith('js.stripe.com/'))).toEqual([]);
    expect(await liveVendorElements(v.page)).toEqual(
      site.necessaryRuns.length ? ['/vendor/js.stripe.com/v3/'] : [],
    );
    const cookies = Object.keys(await documentCookies(v.page));
    expect(cookies.sort()).toEqual([...site.necessaryCookies].sort());
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });

  it('keeps everything blocked after reject, and after reloading', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, site.path);
    await v.page.evaluate(() => window.kakor.rejectAll());

    const state = await v.page.evaluate(() => window.kakor.getConsent());
    expect(state).toMatchObject({ decided: true, source: 'api' });
    expect(Object.entries(state.categories).filter(([, on]) => on).map(([id]) => id)).toEqual(['necessary']);
    expect(await liveVendorElements(v.page)).toEqual(
      site.necessaryRuns.length ? ['/vendor/js.stripe.com/v3/'] : [],
    );

    await reload(v.page);
    expect(await v.page.evaluate(() => window.kakor.getConsent().decided)).toBe(true);
    expect(await vendorRuns(v.page)).toEqual(site.necessaryRuns);
    expect((await vendorRequestsSince(mark)).filter((p) => !p.startsWith('js.stripe.com/'))).toEqual([]);
    const cookies = Object.keys(await documentCookies(v.page)).filter((n) => n !== 'kakor_consent');
    expect(cookies.sort()).toEqual([...site.necessaryCookies].sort());
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });

  it('releases on accept in document order, each script once, waiting for a slow one', async () => {
    const v = await openPage(browser);
    // gtag.js is first in the page: made slow, the scripts after it must still wait for it.
    await v.page.route('**/vendor/www.googletagmanager.com/gtag/js*', async (route) => {
      await new Promise((ok) => setTimeout(ok, 400));
      await route.continue();
    });
    await visit(v.page, site.path);
    const mark = await requestMark();
    await v.page.evaluate(() => window.kakor.acceptAll());
    await waitForRuns(v.page, [...site.ordered, ...site.unordered]);

    const runs = await vendorRuns(v.page);
    expect(runs.filter((r) => site.ordered.includes(r))).toEqual(site.ordered);
    for (const name of [...site.ordered, ...site.unordered]) expect(count(runs, name), name).toBe(1);
    expect(v.pageErrors).toEqual([]);

    // Saying yes again (or to one category) releases nothing a second time.
    await v.page.evaluate(() => window.kakor.acceptAll());
    await v.page.evaluate(() => window.kakor.setConsent({ analytics: true }));
    expect(await vendorRuns(v.page)).toEqual(runs);
    const requested = await vendorRequestsSince(mark);
    expect(requested.filter((p) => p.startsWith('www.googletagmanager.com/gtag/js'))).toHaveLength(1);
    await v.close();
  });

  it('keeps the choice across a reload and runs the released scripts once there', async () => {
    const v = await openPage(browser);
    await visit(v.page, site.path);
    await v.page.evaluate(() => window.kakor.acceptAll());
    const before = await v.page.evaluate(() => window.kakor.getConsent());
    await waitForCookies(v.page, site.analyticsCookies);

    await reload(v.page);
    const after = await v.page.evaluate(() => window.kakor.getConsent());
    expect(after).toEqual(before);
    await waitForRuns(v.page, [...site.ordered, ...site.unordered]);
    const runs = await vendorRuns(v.page);
    expect(runs.filter((r) => site.ordered.includes(r))).toEqual(site.ordered);
    for (const name of [...site.ordered, ...site.unordered]) expect(count(runs, name), name).toBe(1);
    const ready = await v.page.evaluate(() => window.__kakorEvents.filter((e) => e.type === 'ready'));
    expect(ready).toEqual([{ type: 'ready', detail: { consent: before } }]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});

describe('/examples/strict-csp/nonce.html', () => {
  it('keeps the nonce on released inline scripts, so they run under a nonce policy', async () => {
    const v = await openPage(browser);
    await visit(v.page, '/examples/strict-csp/nonce.html');
    await v.page.evaluate(() => window.kakor.acceptAll());
    await waitForRuns(v.page, ['gtag', 'inline:ga-config', 'linkedin-insight', 'lintrk:track']);
    const runs = await vendorRuns(v.page);
    expect(runs).toEqual(['gtag', 'inline:ga-config', 'linkedin-insight', 'lintrk:track']);
    expect(await v.page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});

describe('/examples/iframes/', () => {
  it('loads data-src iframes only once their service is granted', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, '/examples/iframes/');
    expect(await vendorRequestsSince(mark)).toEqual([]);

    await v.page.evaluate(() => window.kakor.setConsent({ youtube: true }));
    await waitForRuns(v.page, ['youtube']);
    await v.page.waitForFunction(() => (window.__vendorRuns ?? []).length === 2);
    expect(await vendorRuns(v.page)).toEqual(['youtube', 'youtube']);
    expect((await vendorRequestsSince(mark)).every((p) => p.includes('youtube'))).toBe(true);

    await v.page.evaluate(() => window.kakor.setConsent({ youtube: true, vimeo: true }));
    await waitForRuns(v.page, ['vimeo']);
    expect(await vendorRuns(v.page)).toEqual(['youtube', 'youtube', 'vimeo']);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
