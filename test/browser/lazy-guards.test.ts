// A visitor who granted every service that lists `scripts` has nothing to block,
// so kakor patches nothing while the head script and the parser run (issue 11: a
// returning visitor's start); once the page is parsed only the insertion methods and
// HTML sinks go in (cheaper than a MutationObserver for what the page adds later),
// the URL setters and requests only when a choice blocks something; all of it from
// the start for anyone else.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage, reload, requestMark, vendorRequestsSince, visit, waitForRuns } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const PAGE = '/test/browser/pages/engine/granted.html';
/** Which of the APIs kakor patches are the browser's own right now. */
const natives = (page: Page) => page.evaluate(() => {
  const own = (f: unknown) => /\[native code\]/.test(String(f));
  return {
    appendChild: own(Node.prototype.appendChild),
    setAttribute: own(Element.prototype.setAttribute),
    fetch: own(window.fetch),
    src: own(Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')!.set),
  };
});
const whileParsing = (page: Page) => page.evaluate(() => (window as { __whileParsing?: object }).__whileParsing);
const ALL_NATIVE = { appendChild: true, setAttribute: true, fetch: true, src: true };
/** Only what tells kakor of added elements: nothing is looked up by URL. */
const REPORTING = { appendChild: false, setAttribute: true, fetch: true, src: true };
const NONE_NATIVE = { appendChild: false, setAttribute: false, fetch: false, src: false };

/** Page code adding a Meta Pixel script and a marked inline one after the page has loaded. */
const inject = (page: Page, tag: string) => page.evaluate((t) => {
  const s = document.createElement('script');
  s.src = `/vendor/connect.facebook.net/en_US/fbevents.js?${t}`;
  document.body.appendChild(s);
  const marked = document.createElement('script');
  marked.type = 'text/plain';
  marked.dataset.category = 'analytics';
  marked.text = `(window.__marked = window.__marked || []).push(${JSON.stringify(t)})`;
  document.body.appendChild(marked);
}, tag);

it('patches nothing while a visitor who granted everything has the page parsed, then only insertion; a withdrawal blocks again', async () => {
  const v = await openPage(browser);
  await visit(v.page, PAGE);
  // Undecided: guarded from the start.
  expect(await whileParsing(v.page)).toEqual(NONE_NATIVE);
  await v.page.evaluate(() => window.kakor.acceptAll());
  await reload(v.page);
  expect(await whileParsing(v.page)).toEqual(ALL_NATIVE);
  expect(await natives(v.page)).toEqual(REPORTING);

  // After the load, page code still gets its marked script released and its granted vendor,
  // appended or written as HTML.
  let mark = await requestMark();
  await inject(v.page, 'granted');
  await waitForRuns(v.page, ['fbevents']);
  await v.page.waitForFunction(() => (window as { __marked?: string[] }).__marked?.includes('granted'));
  expect(await vendorRequestsSince(mark)).toEqual(['connect.facebook.net/en_US/fbevents.js?granted']);
  await v.page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend',
    '<div><script type="text/plain" data-category="analytics">(window.__marked = window.__marked || []).push("html")</script></div>'));
  await v.page.waitForFunction(() => (window as { __marked?: string[] }).__marked?.includes('html'));

  // A same-origin frame made while only insertion was patched, whose window the page keeps.
  await v.page.evaluate(() => {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    (window as { __child?: Window | null }).__child = frame.contentWindow;
  });

  // Withdrawn without a reload: the rest of the patches go in (the frame's realm too),
  // and what is injected next is held.
  await v.page.evaluate(() => window.kakor.setConsent({ marketing: false }));
  expect(await natives(v.page)).toEqual(NONE_NATIVE);
  mark = await requestMark();
  await inject(v.page, 'withdrawn');
  await v.page.waitForFunction(() => (window as { __marked?: string[] }).__marked?.includes('withdrawn'));
  const fetched = await v.page.evaluate(() => fetch('/vendor/connect.facebook.net/tr').then(() => 'sent', () => 'failed'));
  expect(fetched).toBe('failed');
  const fromFrame = await v.page.evaluate(() => (window as unknown as { __child: Window }).__child
    .fetch('/vendor/connect.facebook.net/frame').then(() => 'sent', () => 'failed'));
  expect(fromFrame).toBe('failed');
  expect(await vendorRequestsSince(mark)).toEqual([]);
  expect(v.pageErrors).toEqual([]);
  await v.close();
});

it('patches from the start for a visitor who granted only some', async () => {
  const v = await openPage(browser);
  await visit(v.page, PAGE);
  await v.page.evaluate(() => window.kakor.setConsent({ analytics: true }));
  await reload(v.page);
  expect(await whileParsing(v.page)).toEqual(NONE_NATIVE);
  const mark = await requestMark();
  await inject(v.page, 'partial');
  await v.page.waitForFunction(() => (window as { __marked?: string[] }).__marked?.includes('partial'));
  expect(await vendorRequestsSince(mark)).toEqual([]);
  await v.close();
});
