// Real Chromium: requests that page code makes by script to a service without
// consent never reach the network, and the caller sees a network error; after
// accept they go out (CONTRACT §5.3, issue 10 item 2). The witnesses are
// Playwright's request and websocket events and the example server's log.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, origin, siteOrigin, waitForReady } from './harness';
import { run, TRACKER_PAGE as PAGE, witness } from './tracker';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(['tracker.example']); });
afterAll(async () => { await browser?.close(); });

// Each: what the caller sees for a blocked request (a network error), then the code.
// `tag` is in the URL, so each call's request can be told from the others'.
const CASES: [string, unknown, string][] = [
  ['fetch', 'TypeError: Failed to fetch',
    `return fetch(T + '/f?' + tag, { mode: 'no-cors' }).then((r) => r.type, (e) => e.name + ': ' + e.message);`],
  ['fetch(Request)', 'TypeError: Failed to fetch',
    `return fetch(new Request(T + '/f?' + tag, { mode: 'no-cors' })).then((r) => r.type, (e) => e.name + ': ' + e.message);`],
  ['XMLHttpRequest', 'readystatechange 4, error 0, loadend',
    `const x = new XMLHttpRequest(), seen = [];
     x.onreadystatechange = () => x.readyState === 4 && seen.push('readystatechange 4');
     x.onerror = () => seen.push('error ' + x.status);
     x.onload = () => seen.push('load ' + x.status);
     x.open('GET', T + '/x?' + tag);
     return new Promise((done) => { x.onloadend = () => done([...seen, 'loadend'].join(', ')); x.send(); });`],
  ['sendBeacon', false, `return navigator.sendBeacon(T + '/b?' + tag, 'data');`],
  ['EventSource', 'error',
    `const es = new EventSource(T + '/es?' + tag);
     return new Promise((done) => { es.onerror = () => { es.close(); done('error'); }; es.onopen = () => done('open'); });`],
  ['WebSocket', 'error, close 1006, instanceof',
    `const ws = new WebSocket(T.replace('http', 'ws') + '/ws?' + tag), seen = [];
     ws.onerror = () => seen.push('error');
     return new Promise((done) => { ws.onclose = (e) => done([...seen, 'close ' + e.code, ws instanceof WebSocket ? 'instanceof' : '-'].join(', ')); });`],
  // Same origin: a cross-origin Worker throws without a request, with or without kakor.
  ['Worker', 'error',
    `const w = new Worker('tracker.example/worker.js?' + tag);
     return new Promise((done) => { w.onerror = () => done('error'); w.onmessage = (e) => done(e.data); });`],
  ['SharedWorker', 'error',
    `const w = new SharedWorker('tracker.example/worker.js?' + tag);
     return new Promise((done) => { w.onerror = () => done('error'); w.port.onmessage = (e) => done(e.data); });`],
  ['FontFace', 'NetworkError',
    `const f = new FontFace('t' + tag, 'url(' + T + '/font.woff2?' + tag + ') format("woff2")');
     return f.load().then(() => 'loaded', (e) => e.name);`],
  ['insertRule @import', 'inserted',
    `const s = document.createElement('style'); document.head.append(s);
     s.sheet.insertRule('@import url("' + T + '/i.css?' + tag + '");', 0);
     await new Promise((r) => setTimeout(r, 300)); return 'inserted';`],
  ['insertRule url()', 'inserted',
    `const s = document.createElement('style'); document.head.append(s);
     const d = document.createElement('div'); d.className = 'c' + tag; d.textContent = 'x'; document.body.append(d);
     s.sheet.insertRule('.c' + tag + ' { background: url(' + T + '/bg.png?' + tag + ') }', 0);
     getComputedStyle(d).backgroundImage;
     await new Promise((r) => setTimeout(r, 300)); return 'inserted';`],
  ['replaceSync url() escaped', 'inserted',
    `const s = new CSSStyleSheet(); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
     const d = document.createElement('div'); d.className = 'r' + tag; d.textContent = 'x'; document.body.append(d);
     s.replaceSync('.r' + tag + ' { background: url("' + T.replace('.example', '\\\\2e example') + '/bg.png?' + tag + '") }');
     getComputedStyle(d).backgroundImage;
     await new Promise((r) => setTimeout(r, 300)); return 'inserted';`],
  ['replace url()', 'inserted',
    `const s = new CSSStyleSheet(); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
     const d = document.createElement('div'); d.className = 'p' + tag; d.textContent = 'x'; document.body.append(d);
     await s.replace('.p' + tag + ' { background-image: url(' + T + '/bg.png?' + tag + ') }');
     getComputedStyle(d).backgroundImage;
     await new Promise((r) => setTimeout(r, 300)); return 'inserted';`],
];

describe('a request by script to a service without consent', () => {
  it.each(CASES)('%s: fails as a network error, with no request, before a choice and after reject; goes out after accept', async (name, blocked, code) => {
    const v = await openPage(browser);
    const attempts = witness(v);
    const tag = `${name.replace(/\W/g, '')}-${Date.now()}`;
    await v.page.goto(siteOrigin() + PAGE);
    await waitForReady(v.page);

    expect(await run(v.page, code, `${tag}-undecided`)).toEqual(blocked);
    await v.page.evaluate(() => window.kakor.rejectAll());
    expect(await run(v.page, code, `${tag}-rejected`)).toEqual(blocked);
    expect(await attempts(tag)).toEqual([]);

    await v.page.evaluate(() => window.kakor.acceptAll());
    await run(v.page, code, `${tag}-accepted`);
    await expect.poll(() => attempts(`${tag}-accepted`)).not.toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});

// The Cache API exists only in a secure context: the same page on 127.0.0.1.
it('Cache add and addAll: fail as a network error, with no request, before a choice; go out after accept', async () => {
  const v = await openPage(browser);
  const attempts = witness(v);
  const tag = `cache-${Date.now()}`;
  await v.page.goto(origin + PAGE);
  await waitForReady(v.page);
  const code = `const c = await caches.open('k');
    const add = await c.add(T + '/c.js?' + tag + '-add').then(() => 'added', (e) => e.name + ': ' + e.message);
    const all = await c.addAll([new Request(T + '/c.js?' + tag + '-all')]).then(() => 'added', (e) => e.name + ': ' + e.message);
    return [add, all];`;
  expect(await run(v.page, code, `${tag}-undecided`)).toEqual(['TypeError: Failed to fetch', 'TypeError: Failed to fetch']);
  expect(await attempts(tag)).toEqual([]);
  await v.page.evaluate(() => window.kakor.acceptAll());
  await run(v.page, code, `${tag}-accepted`);
  await expect.poll(() => attempts(`${tag}-accepted`)).toHaveLength(2);
  await v.close();
});

it('fails a cross-origin request made before a fetched manifest has arrived, and sends it once granted', async () => {
  const v = await openPage(browser);
  const attempts = witness(v);
  let answer!: () => void;
  const held = new Promise<void>((r) => { answer = r; });
  await v.context.route('**/pages/requests/cookies.json', async (route) => { await held; await route.continue(); });
  await v.page.goto(siteOrigin() + PAGE.replace('index.html', 'fetched.html'), { waitUntil: 'domcontentloaded' });
  const tag = `early-${Date.now()}`;
  expect(await run(v.page, CASES[0]![2], tag)).toBe('TypeError: Failed to fetch');
  // A same-origin request is not held: kakor cannot know yet whether a service claims it.
  expect(await run(v.page, `return fetch('frame.html?' + tag).then((r) => r.status);`, tag)).toBe(200);
  answer();
  await waitForReady(v.page);
  await v.page.evaluate(() => window.kakor.acceptAll());
  await run(v.page, CASES[0]![2], `${tag}-accepted`);
  await expect.poll(() => attempts(`${tag}-accepted`)).not.toEqual([]);
  expect((await attempts(tag)).filter((u) => u.includes('tracker.example') && !u.includes('-accepted'))).toEqual([]);
  await v.close();
});
