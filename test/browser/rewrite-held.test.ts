// Real Chromium: what kakor/rewrite writes for a vendor's images, links, media,
// objects and SVG (`data-src`, `data-srcset`, `data-href`, `data-poster`,
// `data-data`, `data-imagesrcset`… with data-service and data-category) stays
// unloaded before consent and after reject, and the engine releases it after
// accept: on the choice, at start for a returning visitor, and for such markup
// inserted later. Vendor hosts are answered by a route, so "no request" means
// none was even attempted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { rewriteHtml } from '../../src/server/rewriteHtml';
import type { Manifest } from '../../src/core/types';
import { launchBrowser, openPage, origin, waitForReady, type Visit } from './harness';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const manifest: Manifest = {
  categories: ['necessary', 'marketing'],
  services: [
    { id: 'meta-pixel', name: 'Meta Pixel', category: 'marketing', scripts: ['connect.facebook.net', 'www.facebook.com/tr'] },
    { id: 'google-fonts', name: 'Google Fonts', category: 'marketing', scripts: ['fonts.googleapis.com', 'fonts.gstatic.com'] },
    { id: 'youtube', name: 'YouTube', category: 'marketing', scripts: ['i.ytimg.com', 'www.youtube.com'] },
    { id: 'vimeo', name: 'Vimeo', category: 'marketing', scripts: ['vimeocdn.com'] },
    { id: 'hubspot', name: 'HubSpot', category: 'marketing', scripts: ['js.hs-scripts.com', 'f.hubspotusercontent-na1.net'] },
  ],
} as Manifest;
const HOSTS = /^(www\.facebook\.com|fonts\.googleapis\.com|i\.ytimg\.com|\w+\.vimeocdn\.com|js\.hs-scripts\.com|f\.hubspotusercontent-na1\.net)$/;

/** Each kind of markup, as the vendor's snippet writes it; `ID` marks its URL (each load has its own). */
const KINDS: [string, string][] = [
  ['img src (Meta Pixel)', '<img height="1" width="1" style="display:none" alt="" src="https://www.facebook.com/tr?id=1&ev=PageView&case=ID">'],
  ['img srcset (YouTube thumbnail)', '<img alt="" srcset="https://i.ytimg.com/vi/x/hqdefault.jpg?case=ID 1x">'],
  ['link rel=stylesheet href (Google Fonts)', '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto&case=ID">'],
  ['link rel=preload imagesrcset', '<link rel="preload" as="image" imagesrcset="https://i.ytimg.com/vi/y/maxresdefault.jpg?case=ID 1x">'],
  ['video poster (Vimeo)', '<video width="4" height="4" poster="https://i.vimeocdn.com/video/1.jpg?case=ID"></video>'],
  ['video src (Vimeo)', '<video preload="auto" src="https://vod.vimeocdn.com/v.mp4?case=ID"></video>'],
  ['audio src', '<audio preload="auto" src="https://vod.vimeocdn.com/a.mp3?case=ID"></audio>'],
  ['video > source src', '<video preload="auto"><source type="video/mp4" src="https://vod.vimeocdn.com/s.mp4?case=ID"></video>'],
  ['object data', '<object width="4" height="4" data="https://f.hubspotusercontent-na1.net/o.html?case=ID"></object>'],
  ['input type=image src', '<input type="image" alt="Go" src="https://f.hubspotusercontent-na1.net/b.gif?case=ID">'],
  ['SVG image href', '<svg width="4" height="4"><image width="4" height="4" href="https://i.ytimg.com/vi/z/1.jpg?case=ID"/></svg>'],
  ['SVG feImage xlink:href', '<svg width="4" height="4"><filter id="fID"><feImage xlink:href="https://i.ytimg.com/vi/f/1.jpg?case=ID"/></filter><rect filter="url(#fID)" width="4" height="4"/></svg>'],
  ['SVG script href (HubSpot)', '<svg width="1" height="1"><script href="https://js.hs-scripts.com/1.js?case=ID"></script></svg>'],
];
const markup = (id: string) => KINDS.map(([, html], i) => `<div>${html.replace(/ID/g, `${id}-${i}`)}</div>`).join('\n');

let browser: Browser;
let loads = 0;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** A fake vendor: an image, a stylesheet, a frame, or a script that reports its case in window.ran. */
function answer(route: Route) {
  const url = new URL(route.request().url());
  const ext = url.pathname.split('.').pop();
  if (ext === 'js') return route.fulfill({ contentType: 'text/javascript', body: `(window.ran = window.ran || []).push(${JSON.stringify(url.searchParams.get('case'))});` });
  if (url.pathname.startsWith('/css2')) return route.fulfill({ contentType: 'text/css', body: 'p{}' });
  if (ext === 'html') return route.fulfill({ contentType: 'text/html', body: '<p>embed</p>' });
  return route.fulfill({ contentType: 'image/gif', body: GIF });
}

interface Held extends Visit {
  /** Vendor URLs requested, in order. */
  hits: string[];
  /** The case id of the page's own markup in the last load. */
  id: string;
}

/** A visit whose pages are the rewrite of `markup` (each load with fresh ids). */
async function open(): Promise<Held> {
  const visit = await openPage(browser);
  const held = Object.assign(visit, { hits: [] as string[], id: '' });
  await visit.context.route((u) => HOSTS.test(u.hostname), (route) => {
    held.hits.push(route.request().url());
    return answer(route);
  });
  await visit.context.route(`${origin}/__held/page.html`, (route) => {
    held.id = `load${++loads}`;
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Held markup</title>
<script type="application/json" id="kakor-manifest">${JSON.stringify(manifest)}</script>
<script src="/dist/kakor.js"></script></head><body>
${markup(held.id)}
<div id="later"></div></body></html>`;
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: rewriteHtml(page, manifest) });
  });
  await visit.page.goto(`${origin}/__held/page.html`, { waitUntil: 'networkidle' });
  await waitForReady(visit.page);
  return held;
}

/** The kinds whose URL marked `id` was requested, by index. */
const loaded = (held: Held, id: string) =>
  KINDS.map((_, i) => held.hits.some((u) => new URL(u).searchParams.get('case') === `${id}-${i}`));
const all = KINDS.map(() => true);
const none = KINDS.map(() => false);

/** Waits until every kind marked `id` has been requested, then says which were. */
async function waitLoaded(held: Held, id: string): Promise<boolean[]> {
  for (let t = 0; t < 100 && loaded(held, id).includes(false); t++) await held.page.waitForTimeout(100);
  return loaded(held, id);
}

/** Adds the rewrite of the kinds' markup to the page after it has loaded, as a script would. */
const insertLater = (page: Page, id: string) =>
  page.evaluate((html) => document.getElementById('later')!.insertAdjacentHTML('beforeend', html), rewriteHtml(markup(id), manifest));

describe('markup kakor/rewrite held for a service', () => {
  it('is rewritten to held attributes for every kind (the premise)', () => {
    const out = rewriteHtml(markup('x'), manifest);
    for (const attr of ['data-src=', 'data-srcset=', 'data-href=', 'data-poster=', 'data-data=', 'data-imagesrcset=', 'data-xlink:href=']) {
      expect(out).toContain(attr);
    }
    expect(out.match(/data-service=/g)).toHaveLength(KINDS.length);
  });

  it('loads nothing before consent nor after reject, also when inserted later', async () => {
    const held = await open();
    expect(held.hits).toEqual([]);
    await insertLater(held.page, 'later-undecided');
    await held.page.evaluate(() => window.kakor.rejectAll());
    await insertLater(held.page, 'later-rejected');
    // Settled: a free image added last has loaded, so anything before it had its chance.
    await held.page.evaluate(() => new Promise((done) => {
      const img = new Image();
      img.onload = img.onerror = done;
      img.src = '/vendor/free.example/p.gif?settle';
      document.body.append(img);
    }));
    await held.page.waitForTimeout(300);
    expect(held.hits).toEqual([]);
    expect(await held.page.evaluate(() => (window as any).ran)).toBeUndefined();
    await held.close();
  }, 60_000);

  it('loads each kind after accept, at start for a returning visitor, and when inserted later', async () => {
    const held = await open();
    const first = held.id;
    await insertLater(held.page, 'later-before');
    await held.page.evaluate(() => window.kakor.acceptAll());
    expect(await waitLoaded(held, first)).toEqual(all);
    expect(await waitLoaded(held, 'later-before')).toEqual(all);
    await insertLater(held.page, 'later-granted');
    expect(await waitLoaded(held, 'later-granted')).toEqual(all);
    // The SVG script ran, each once. Two released at once load in parallel, as any two
    // inserted scripts do, so the order they run in is the network's.
    const svg = KINDS.length - 1;
    // Requested is not yet run: wait until the third script has run too.
    await held.page.waitForFunction(() => ((window as any).ran || []).length >= 3, null, { timeout: 10_000 });
    const ran: string[] = await held.page.evaluate(() => (window as any).ran);
    expect([...ran].sort()).toEqual([`${first}-${svg}`, `later-before-${svg}`, `later-granted-${svg}`].sort());

    await held.page.reload({ waitUntil: 'networkidle' });
    await waitForReady(held.page);
    expect(held.id).not.toBe(first);
    expect(await waitLoaded(held, held.id)).toEqual(all);
    expect(loaded(held, 'never')).toEqual(none);
    expect(held.pageErrors).toEqual([]);
    await held.close();
  }, 90_000);
});
