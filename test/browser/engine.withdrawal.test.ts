// Withdrawal (CONTRACT §5.4, issue 2): the withdrawn services' cookies go, on
// the host and on the parent domain, necessary ones stay, and the page reloads.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentCookies, expectReload, launchBrowser, openPage, siteOrigin, vendorRuns, visit,
  waitForCookies, waitForRuns,
} from './harness';
import { bostadsexperterna, nesk } from './sites';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const names = async (page: Parameters<typeof documentCookies>[0]) => Object.keys(await documentCookies(page));

describe('withdrawal on 127.0.0.1 (host-only cookies)', () => {
  it(`setConsent({ analytics: false }) on ${bostadsexperterna.path} deletes the GA cookies, keeps the rest, reloads`, async () => {
    const site = bostadsexperterna;
    const v = await openPage(browser);
    await visit(v.page, site.path);
    await v.page.evaluate(() => window.kakor.acceptAll());
    await waitForCookies(v.page, [...site.analyticsCookies, ...site.otherCookies]);

    await expectReload(v.page, () => window.kakor.setConsent({ analytics: false }));

    const left = await names(v.page);
    for (const name of site.analyticsCookies) expect(left, name).not.toContain(name);
    for (const name of [...site.necessaryCookies, ...site.otherCookies]) expect(left, name).toContain(name);
    expect(await v.page.evaluate(() => window.kakor.getConsent().categories))
      .toEqual({ necessary: true, analytics: false, marketing: true });
    // After the reload GA stays blocked; marketing runs again, once.
    await waitForRuns(v.page, ['kajabi-affiliate', 'linkedin-insight', 'fbevents']);
    expect(await vendorRuns(v.page)).not.toContain('gtag');
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });

  it(`rejectAll() after acceptAll() on ${nesk.path} deletes every non-essential cookie and reloads`, async () => {
    const site = nesk;
    const v = await openPage(browser);
    await visit(v.page, site.path);
    await v.page.evaluate(() => window.kakor.acceptAll());
    await waitForCookies(v.page, [...site.analyticsCookies, ...site.otherCookies]);

    await expectReload(v.page, () => window.kakor.rejectAll());

    const left = await names(v.page);
    for (const name of [...site.analyticsCookies, ...site.otherCookies]) expect(left, name).not.toContain(name);
    for (const name of site.necessaryCookies) expect(left, name).toContain(name);
    expect(await vendorRuns(v.page)).toEqual(site.necessaryRuns);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });

  it('deletes a cookie set at the page\'s own path (location.pathname, trailing slash included)', async () => {
    const site = bostadsexperterna;
    const v = await openPage(browser);
    await visit(v.page, site.path);
    await v.page.evaluate(() => window.kakor.acceptAll());
    await v.page.evaluate(() => { document.cookie = `_ga=GA1.1.here; path=${location.pathname}; max-age=86400`; });
    expect((await v.context.cookies()).filter((c) => c.name === '_ga').map((c) => c.path).sort())
      .toEqual(['/', site.path]);

    await expectReload(v.page, () => window.kakor.setConsent({ analytics: false }));

    expect((await v.context.cookies()).filter((c) => c.name === '_ga').map((c) => c.path)).toEqual([]);
    await v.close();
  });
});

describe('withdrawal on www.kakor.test (cookies on the parent domain .kakor.test)', () => {
  it('deletes _ga, _ga_TEST and _gid set on .kakor.test and on the host, leaves _kjb_session', async () => {
    const site = bostadsexperterna;
    const v = await openPage(browser);
    await visit(v.page, siteOrigin() + site.path);
    await v.page.evaluate(() => window.kakor.acceptAll());
    await waitForCookies(v.page, [...site.analyticsCookies, ...site.otherCookies]);
    // Host-only copies, as an earlier set-up with another cookie_domain leaves them:
    // one at `/`, one at the default path (the page's folder, RFC 6265 §5.1.4).
    await v.page.evaluate(() => {
      document.cookie = '_ga_OLDPROPERTY=GS1.1.1; path=/; max-age=86400';
      document.cookie = '_gid=GA1.1.old; max-age=86400';
    });

    const stored = await v.context.cookies();
    const ga = stored.filter((c) => c.name === '_ga');
    expect(ga.map((c) => c.domain)).toEqual(['.kakor.test']);

    await expectReload(v.page, () => window.kakor.rejectAll());

    const left = await v.context.cookies();
    const isGa = (n: string) => n === '_ga' || n === '_gid' || n.startsWith('_ga_');
    expect(left.filter((c) => isGa(c.name)).map((c) => `${c.name}@${c.domain}${c.path}`)).toEqual([]);
    expect(left.filter((c) => site.otherCookies.includes(c.name)).map((c) => `${c.name}@${c.domain}`)).toEqual([]);
    expect(left.find((c) => c.name === '_kjb_session')).toMatchObject({ domain: 'www.kakor.test' });
    expect(await vendorRuns(v.page)).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
