// A bad manifest in real Chromium (CONTRACT §2, issue 2): one console.error
// naming where, no exception in the page, and nothing non-essential released,
// not even when the page then calls acceptAll().
import { readFile } from 'node:fs/promises';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentCookies, launchBrowser, liveVendorElements, openPage, origin, reload, requestMark,
  vendorRequestsSince, vendorRuns, visit,
} from './harness';
import { bostadsexperterna, nesk, type Site } from './sites';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const fixture = async (site: Site) =>
  JSON.parse(await readFile(new URL(`../../examples${site.path.slice('/examples'.length)}cookies.json`, import.meta.url), 'utf8'));

interface Case {
  what: string;
  site: Site;
  serve: (route: Route, site: Site) => Promise<void>;
  /** What the one console.error must name. */
  names: string[];
}

const cases: Case[] = [
  {
    what: 'unreadable JSON',
    site: bostadsexperterna,
    serve: (route) => route.fulfill({ contentType: 'application/json', body: '{ "revision": 1, "categories": [' }),
    names: [bostadsexperterna.manifestPath],
  },
  {
    what: 'a failed fetch (network error)',
    site: bostadsexperterna,
    serve: (route) => route.abort('failed'),
    names: [bostadsexperterna.manifestPath],
  },
  {
    what: 'a failed fetch (HTTP 404)',
    site: nesk,
    serve: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
    names: [nesk.manifestPath, '404'],
  },
  {
    what: 'an unknown category',
    site: bostadsexperterna,
    serve: async (route, site) => {
      const m = await fixture(site);
      m.services[2].category = 'analitycs';
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(m) });
    },
    names: ['services[2].category', 'analitycs'],
  },
  {
    what: 'an unknown category',
    site: nesk,
    serve: async (route, site) => {
      const m = await fixture(site);
      m.services[5].category = 'nyhetsbrev';
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(m) });
    },
    names: ['services[5].category', 'nyhetsbrev'],
  },
];

// The browser logs its own "Failed to load resource: …" line for a 404 or an
// abort; that names the URL too, so it must not count as kakor's message.
const kakorErrors = (errors: string[]) => errors.filter((e) => !e.startsWith('Failed to load resource'));

describe.each(cases)('a manifest with $what on $site.path', ({ site, serve, names }) => {
  it('logs one console.error naming it and releases nothing, even after acceptAll()', async () => {
    const v = await openPage(browser);
    await v.page.route(`${origin}${site.manifestPath}`, (route) => serve(route, site));
    const mark = await requestMark();
    await visit(v.page, site.path);

    const errors = kakorErrors(v.consoleErrors);
    expect(errors).toHaveLength(1);
    for (const name of names) expect(errors[0]).toContain(name);
    expect(await v.page.evaluate(() => window.kakor.getConsent().decided)).toBe(false);

    // A page (or a stale UI) saying yes must not open anything either.
    await v.page.evaluate(() => window.kakor.acceptAll().catch(() => undefined));
    expect(await liveVendorElements(v.page)).toEqual(
      site.necessaryRuns.length ? ['/vendor/js.stripe.com/v3/'] : [],
    );
    await reload(v.page);
    expect(await vendorRuns(v.page)).toEqual(site.necessaryRuns);
    expect((await vendorRequestsSince(mark)).filter((p) => !p.startsWith('js.stripe.com/'))).toEqual([]);
    expect(Object.keys(await documentCookies(v.page))).not.toContain('kakor_consent');
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
