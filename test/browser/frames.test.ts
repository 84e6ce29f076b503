// Real Chromium: frames (CONTRACT §5.3, issue 10 item 2). A same-origin frame's
// navigation to a blocked URL is cancelled; a frame's own realm (about:blank,
// javascript: URL, srcdoc) is guarded like the page's, so a vendor tag or request
// that page code writes into it makes no request before a choice or after reject,
// and goes out after accept.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteOrigin, waitForReady } from './harness';
import { run, TRACKER_PAGE, witness } from './tracker';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(['tracker.example']); });
afterAll(async () => { await browser?.close(); });

// Sets up `f`, a frame, and `settle()`, which waits long enough for a navigation or load to have started.
const NAMED = `const f = document.querySelector('iframe[name=named]');
  const settle = () => new Promise((r) => setTimeout(r, 400));`;
const BLANK = `const f = document.createElement('iframe'); document.body.append(f);
  const settle = () => new Promise((r) => setTimeout(r, 400));`;
const SRCDOC = `const f = document.createElement('iframe'); f.srcdoc = '<p>srcdoc</p>';
  await new Promise((r) => { f.onload = r; document.body.append(f); });
  const settle = () => new Promise((r) => setTimeout(r, 400));`;
const IMG = `'<img src="' + T + '/p.gif?' + tag + '">'`;

const CASES: [string, string][] = [
  ['contentWindow.location = url', `${NAMED} f.contentWindow.location = T + '/nav?' + tag; await settle();`],
  ['contentWindow.location.href = url', `${NAMED} f.contentWindow.location.href = T + '/nav?' + tag; await settle();`],
  ['location.assign(url)', `${NAMED} f.contentWindow.location.assign(T + '/nav?' + tag); await settle();`],
  ['location.replace(url)', `${NAMED} f.contentWindow.location.replace(T + '/nav?' + tag); await settle();`],
  ['window.open(url, name)', `${NAMED} const w = window.open(T + '/open?' + tag, 'named'); await settle(); return String(w === null || w === f.contentWindow);`],
  ['form target submit()', `${NAMED} const form = document.createElement('form'); form.method = 'post'; form.action = T + '/form?' + tag; form.target = 'named';
    document.body.append(form); form.submit(); await settle();`],
  ['form target requestSubmit()', `${NAMED} const form = document.createElement('form'); form.method = 'post'; form.action = T + '/form?' + tag; form.target = 'named';
    document.body.append(form); form.requestSubmit(); await settle();`],
  ['about:blank contentDocument.write', `${BLANK} f.contentDocument.write(${IMG}); f.contentDocument.close(); await settle();`],
  ['about:blank body.appendChild', `${BLANK} const img = f.contentDocument.createElement('img'); img.src = T + '/p.gif?' + tag;
    f.contentWindow.document.body.appendChild(img); await settle();`],
  ['about:blank window.frames[i].fetch', `${BLANK} const w = frames[frames.length - 1];
    return w.fetch(T + '/f?' + tag, { mode: 'no-cors' }).then(() => 'sent', (e) => e.name);`],
  ['about:blank innerHTML', `${BLANK} frames[frames.length - 1].document.body.innerHTML = ${IMG}; await settle();`],
  ['javascript: URL writing a tag', `const f = document.createElement('iframe');
    f.src = 'javascript:void document.write(' + JSON.stringify(${IMG}) + ')'; document.body.append(f);
    await new Promise((r) => setTimeout(r, 400));`],
  ['srcdoc body.append', `${SRCDOC} const img = f.contentDocument.createElement('img'); img.src = T + '/p.gif?' + tag;
    f.contentDocument.body.append(img); await settle();`],
  ['srcdoc fetch', `${SRCDOC} return f.contentWindow.fetch(T + '/f?' + tag, { mode: 'no-cors' }).then(() => 'sent', (e) => e.name);`],
];

describe('a frame that page code points at, or writes, a blocked URL', () => {
  it.each(CASES)('%s: no request before a choice or after reject, one after accept', async (name, code) => {
    const v = await openPage(browser);
    const attempts = witness(v);
    const tag = `${name.replace(/\W/g, '')}-${Date.now()}`;
    await v.page.goto(siteOrigin() + TRACKER_PAGE);
    await waitForReady(v.page);

    const first = await run(v.page, code, `${tag}-undecided`);
    if (first !== undefined) expect(first).toMatch(/^(true|TypeError)$/);
    await v.page.evaluate(() => window.kakor.rejectAll());
    await run(v.page, code, `${tag}-rejected`);
    expect(await attempts(tag)).toEqual([]);
    // The named frame still shows the site's own page.
    expect(v.page.frames().map((f) => f.url()).filter((u) => u.includes('tracker'))).toEqual([]);

    await v.page.evaluate(() => window.kakor.acceptAll());
    await run(v.page, code, `${tag}-accepted`);
    await expect.poll(() => attempts(`${tag}-accepted`)).not.toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
