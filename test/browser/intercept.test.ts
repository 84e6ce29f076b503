// Real Chromium: scripts, iframes and images that other code adds at run time
// make no request to a blocked vendor before consent or after reject, and load
// once, in order, without a reload after accept (CONTRACT §5.3).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, origin, requestMark, requestsSince, waitForReady, type Visit } from './harness';

type Kind = 'script' | 'iframe' | 'img';

const PAGES = '/test/browser/pages/intercept/';
const VENDOR = `${PAGES}vendor/`;
const FILE: Record<Kind, string> = { script: 'a.js', iframe: 'frame.html', img: 'p.gif' };

let browser: Browser;
let mark: number;
const visits: Visit[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  mark = await requestMark();
});
afterEach(async () => {
  await Promise.all(visits.splice(0).map((v) => v.close()));
});
afterAll(async () => {
  await browser?.close();
});

async function open(file: string): Promise<Page> {
  const visit = await openPage(browser);
  visits.push(visit);
  const { page } = visit;
  await page.goto(origin + PAGES + file);
  await waitForReady(page);
  await page.evaluate(() => { (window as any).sameDocument = true; });
  return page;
}

/** `ads.test/a.js?case=…`: the name a vendor script, frame or image reports in `runs`. */
const tail = (host: string, kind: Kind, id: string) => `${host}/${FILE[kind]}?case=${id}`;
// Every case has its own query string, so the whole log since the start can be searched.
const requests = async (t: string) => (await requestsSince(mark)).filter((r) => r.path === `${VENDOR}${t}`).length;
const runs = (page: Page, t: string) => page.evaluate((t) => (window as any).runs.filter((r: string) => r === t).length, t);
const waitRun = (page: Page, t: string) =>
  page.waitForFunction((t) => (window as any).runs.includes(t), t, { timeout: 10_000 });
const inject = (page: Page, path: string, kind: Kind, t: string) =>
  page.evaluate(([p, k, u]) => { (window as any).inject(p, k, u); }, [path, kind, VENDOR + t] as const);

/** Adds a not-blocked twin by the same path and waits until it has loaded: anything added before it has had its chance to load too. */
async function settle(page: Page, path: string, kind: Kind, id: string) {
  const free = tail('free.test', kind, id);
  await inject(page, path, kind, free);
  await waitRun(page, free);
  // Untouched: nothing of a not-blocked element is set aside.
  expect(await page.evaluate(() => document.querySelectorAll('[data-kakor-src*="free.test"],[data-kakor-srcset*="free.test"]').length)).toBe(0);
}

const PATHS = ['prop', 'setAttribute', 'appendFirst', 'insertBefore', 'replaceChild', 'insertAdjacentElement',
  'append', 'prepend', 'before', 'after', 'replaceWith', 'innerHTML', 'outerHTML', 'insertAdjacentHTML', 'domParser'];
// The HTML parser marks scripts it makes for innerHTML and DOMParser as never to run, with or without kakor.
const NEVER_RUNS = new Set(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'domParser']);
const KINDS: Kind[] = ['script', 'iframe', 'img'];
// One page per path, its script, iframe and image side by side: a new page costs
// more than the case itself, and each element has its own query string.
const CASES: [string, Kind[]][] = [...PATHS.map((p): [string, Kind[]] => [p, KINDS]), ['srcset', ['img']], ['image', ['img']]];

describe('an element other code injects for a service without consent', () => {
  it.each(CASES)('%s %j: no request before consent or after reject, one load after accept', async (path, kinds) => {
    const cases = kinds.map((kind) => {
      const id = `${path}-${kind}`;
      const runsNatively = !(kind === 'script' && NEVER_RUNS.has(path));
      // A script that can never run is synchronised on an image added the same way.
      return { kind, id, blocked: tail('ads.test', kind, id), runsNatively, twin: runsNatively ? kind : 'img' as Kind };
    });
    const settleAll = (phase: number) => Promise.all(cases.map((c) => settle(page, path, c.twin, `${c.id}-${phase}`)));
    const expectRequests = async (count: (c: typeof cases[number]) => number) => {
      for (const c of cases) expect(await requests(c.blocked), c.blocked).toBe(count(c));
    };
    const page = await open('inject.html');
    for (const c of cases) await inject(page, path, c.kind, c.blocked);
    await settleAll(1);
    await expectRequests(() => 0);

    await page.evaluate(() => window.kakor.rejectAll());
    await settleAll(2);
    await expectRequests(() => 0);

    await page.evaluate(() => window.kakor.acceptAll());
    for (const c of cases) if (c.runsNatively) await waitRun(page, c.blocked);
    await settleAll(3);
    for (const c of cases) expect(await runs(page, c.blocked), c.blocked).toBe(c.runsNatively ? 1 : 0);
    await expectRequests((c) => (c.runsNatively ? 1 : 0));
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  });

  it.each(['script', 'iframe', 'img'] as Kind[])('document.write %s: held until accept, then loads once', async (kind) => {
    const blocked = tail('ads.test', kind, `write-${kind}`);
    const page = await open(`write.html?kind=${kind}`);
    await waitRun(page, tail('free.test', kind, `write-${kind}`));
    expect(await requests(blocked)).toBe(0);
    await page.evaluate(() => window.kakor.rejectAll());
    await settle(page, 'prop', kind, `write-${kind}-2`);
    expect(await requests(blocked)).toBe(0);
    await page.evaluate(() => window.kakor.acceptAll());
    await waitRun(page, blocked);
    await settle(page, 'prop', kind, `write-${kind}-3`);
    expect(await runs(page, blocked)).toBe(1);
    expect(await requests(blocked)).toBe(1);
  });

  it('releases held scripts in the order they were caught, each once', async () => {
    const page = await open('inject.html');
    const names = ['1', '2', '3', '4'].map((n) => tail(n === '3' ? 'social.test' : 'ads.test', 'script', `order-${n}`));
    for (const t of names) await inject(page, 'prop', 'script', t);
    await settle(page, 'prop', 'script', 'order-free');
    await page.evaluate(() => window.kakor.acceptAll());
    await waitRun(page, names[3]!);
    await settle(page, 'prop', 'script', 'order-free-2');
    expect((await page.evaluate(() => (window as any).runs as string[])).filter((r) => names.includes(r))).toEqual(names);
  });

  it('keeps the attributes and listeners the page gave a held element', async () => {
    const page = await open('inject.html');
    const t = tail('ads.test', 'script', 'attrs');
    await page.evaluate((u) => {
      const s = document.createElement('script');
      s.id = 'held';
      s.setAttribute('data-x', '1');
      s.src = u;
      s.addEventListener('load', () => (window as any).runs.push('listener'));
      document.body.appendChild(s);
    }, VENDOR + t);
    await settle(page, 'prop', 'script', 'attrs-free');
    await page.evaluate(() => window.kakor.acceptAll());
    await page.waitForFunction(() => (window as any).runs.includes('listener'));
    expect(await page.evaluate(() => {
      const s = document.getElementById('held')!;
      return [s.getAttribute('src'), s.getAttribute('data-x'), s.getAttributeNames().filter((n) => n.startsWith('data-kakor'))];
    })).toEqual([VENDOR + t, '1', []]);
  });
});

describe('a tag manager', () => {
  it('with only analytics granted, only the analytics vendor is ever requested', async () => {
    const page = await open('tag-manager.html');
    const container = 'analytics.test/container.js?by=loader';
    const marketing = ['ads.test/a.js?by=loader', 'social.test/a.js?by=container'];
    await settle(page, 'prop', 'script', 'tm-1');
    expect(await requests(container)).toBe(0);
    await page.evaluate(() => window.kakor.setConsent({ analytics: true }));
    await waitRun(page, container);
    await settle(page, 'prop', 'script', 'tm-2');
    expect(await page.evaluate(() => (window as any).dataLayer.length)).toBeGreaterThan(0);
    expect(await requests(container)).toBe(1);
    for (const m of marketing) expect(await requests(m)).toBe(0);

    await page.evaluate(() => window.kakor.acceptAll());
    for (const m of marketing) await waitRun(page, m);
    await settle(page, 'prop', 'script', 'tm-3');
    for (const t of [container, ...marketing]) expect([t, await runs(page, t), await requests(t)]).toEqual([t, 1, 1]);
  });
});

describe('elements in the HTML after kakor', () => {
  it('a script there does not run before consent and runs once after accept; an image keeps its URL', async () => {
    const page = await open('parser.html');
    const blocked = 'ads.test/a.js?case=parser';
    await waitRun(page, 'free.test/a.js?case=parser');
    expect(await runs(page, blocked)).toBe(0);
    // The preload scanner fetched the image before any script ran: holding it back would only hide it.
    expect(await page.evaluate(() => document.querySelector('img')!.getAttribute('src'))).toContain('ads.test/p.gif?case=parser');
    await page.evaluate(() => window.kakor.acceptAll());
    await waitRun(page, blocked);
    await settle(page, 'prop', 'script', 'parser-free');
    expect(await runs(page, blocked)).toBe(1);
  });
});
