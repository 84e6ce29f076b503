// A bad manifest in real Chromium (CONTRACT §2, issues 2 and 11): the engine's one
// console.error naming where, then, for a visitor who has not decided, one line per
// problem from the dialog file; no exception in the page, and nothing non-essential
// released, not even when the page then calls acceptAll().
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
  /** What the engine's one console.error must name. */
  names: string[];
  /** What the dialog file's line must name, for a manifest that loaded but is invalid. */
  problem?: string[];
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
    names: ['the manifest is invalid at services[2].category'],
    problem: ['services[2].category: "analitycs" is not a declared category'],
  },
  {
    what: 'an unknown category',
    site: nesk,
    serve: async (route, site) => {
      const m = await fixture(site);
      m.services[5].category = 'nyhetsbrev';
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(m) });
    },
    names: ['the manifest is invalid at services[5].category'],
    problem: ['services[5].category: "nyhetsbrev" is not a declared category'],
  },
];

// The browser logs its own "Failed to load resource: …" line for a 404 or an
// abort; that names the URL too, so it must not count as kakor's message.
const kakorErrors = (errors: string[]) => errors.filter((e) => !e.startsWith('Failed to load resource'));

describe.each(cases)('a manifest with $what on $site.path', ({ site, serve, names, problem }) => {
  it('logs one console.error naming it (and the dialog file one naming the problem) and releases nothing, even after acceptAll()', async () => {
    const v = await openPage(browser);
    await v.page.route(`${origin}${site.manifestPath}`, (route) => serve(route, site));
    const mark = await requestMark();
    await visit(v.page, site.path);

    // A manifest that did not load has nothing for the dialog file to say.
    await expect.poll(() => kakorErrors(v.consoleErrors).length).toBe(problem ? 2 : 1);
    const errors = kakorErrors(v.consoleErrors);
    for (const name of names) expect(errors[0]).toContain(name);
    if (problem) expect(errors[1]).toBe(`kakor: ${problem}`);
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

describe('a manifest with several problems (issue 11)', () => {
  /** The script-tag example's manifest with three problems, in this order. */
  const bad = async () => {
    const m = await fixture(bostadsexperterna);
    m.categories.push({ id: 'toString', title: 'x', description: 'y' });
    m.services[0].cookies = 'none';
    m.services[2].category = 'analitycs';
    m.services.push({ ...m.services[1] });
    return JSON.stringify(m);
  };
  const problems = (cat: number, dup: number) => [
    `categories[${cat}].id: "toString" is the name of a built-in JavaScript object member (Object.prototype): choose another id`,
    'services[0].cookies: expected an array, got "none"',
    'services[2].category: "analitycs" is not a declared category',
    `services[${dup}].id: "${'%ID%'}" is already used at services[1].id`,
  ];
  const engineLine = (cat: number) =>
    `kakor: the manifest is invalid at categories[${cat}].id (built-in), so nothing non-essential will run; \`npx kakor check\` names every problem`;
  const uiRequests = (v: { page: import('playwright-core').Page }) => {
    const urls: string[] = [];
    v.page.on('request', (r) => { if (r.url().includes('kakor-ui.js')) urls.push(r.url()); });
    return urls;
  };

  it('an undecided visitor: the engine names the first, the dialog file every one with its path; a decided one: only the engine\'s line; nothing runs', async () => {
    const good = await fixture(bostadsexperterna);
    const body = await bad();
    const first = engineLine(good.categories.length);
    const expected = problems(good.categories.length, good.services.length).map((e) => `kakor: ${e.replace('%ID%', good.services[1].id)}`);
    let serveBad = true;
    const v = await openPage(browser);
    await v.page.route(`${origin}${bostadsexperterna.manifestPath}`, (route) => (serveBad
      ? route.fulfill({ contentType: 'application/json', body }) : route.continue()));
    const asked = uiRequests(v);
    const mark = await requestMark();
    await visit(v.page, bostadsexperterna.path);
    await expect.poll(() => kakorErrors(v.consoleErrors).length).toBe(1 + expected.length);
    expect(kakorErrors(v.consoleErrors)).toEqual([first, ...expected]);
    expect(asked).toEqual([`${origin}/dist/kakor-ui.js`]);
    expect(await v.page.evaluate(() => window.kakor.getConsent().decided)).toBe(false);
    expect(await vendorRuns(v.page)).toEqual([]);
    expect(await vendorRequestsSince(mark)).toEqual([]);

    // The visitor decides on a good manifest; then the site publishes the bad one.
    serveBad = false;
    await reload(v.page);
    await v.page.evaluate(() => window.kakor.acceptAll());
    serveBad = true;
    v.consoleErrors.length = 0;
    asked.length = 0;
    await reload(v.page);
    const again = await requestMark();
    // Only the engine speaks: the dialog file is not fetched for a visitor with a record.
    await v.page.waitForLoadState('networkidle');
    expect(kakorErrors(v.consoleErrors)).toEqual([first]);
    expect(asked).toEqual([]);
    expect(await vendorRuns(v.page)).toEqual([]);
    expect(await liveVendorElements(v.page)).toEqual([]);
    expect(await vendorRequestsSince(again)).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
