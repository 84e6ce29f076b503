// Helpers for the real-browser tests: launching Debian's Chromium so that it can
// reach nothing but the example server, a fresh context per test that records
// errors and kakor's events, cookies, and the server's request log.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject } from 'vitest';
import type { LoggedRequest } from '../../examples/server.mjs';
import type { Consent } from '../../src/core/api';
import type { KakorEventName } from '../../src/core/types';

declare global {
  interface Window {
    kakor: Consent;
    /** Names the fake vendors (and embedded players) push when they run. */
    __vendorRuns?: string[];
    /** Every kakor:* event, recorded from before the page's first script. */
    __kakorEvents: { type: KakorEventName; detail: unknown }[];
    /** Content-Security-Policy violations the page reported. */
    __cspViolations: string[];
    /** The Consent Mode commands fake gtag.js found in dataLayer when it first ran. */
    __gtagConsentAtLoad?: { command: string; params: Record<string, unknown> }[];
    dataLayer?: unknown[];
  }
}

const require = createRequire(import.meta.url);

/** `http://127.0.0.1:PORT` */
export const origin = inject('kakorOrigin');
const port = new URL(origin).port;

/** The server under a `kakor.test` host name, so cookies can live on the parent domain `.kakor.test`. */
export const siteOrigin = (host = 'www.kakor.test'): string => `http://${host}:${port}`;

// Every host name and IP literal except kakor.test, its subdomains and
// 127.0.0.1 fails to resolve, so no test can reach a real third party even by mistake.
const HOST_RULES = 'MAP kakor.test 127.0.0.1, MAP *.kakor.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/** `hosts` (fake third parties such as `tracker.example`) also reach the example server. */
export function launchBrowser(hosts: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('kakorChromium'),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run',
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1, `).join('')}${HOST_RULES}`,
    ],
  });
}

const EVENTS: KakorEventName[] = ['ready', 'consent', 'change', 'show', 'hide'];

// Installed before any page script, in every frame: events kakor fires while
// its own script tag is evaluated are caught too.
const RECORDER = `(() => {
  window.__kakorEvents = [];
  window.__cspViolations = [];
  for (const type of ${JSON.stringify(EVENTS)}) {
    window.addEventListener('kakor:' + type, (e) => {
      window.__kakorEvents.push({ type, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
    });
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
})();`;

// Global Privacy Control as Chromium would expose it with the setting on.
const GPC = `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
  get() { return true; }, configurable: true, enumerable: true,
});`;

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** `console.error` messages (including the browser's own, e.g. a failed load). */
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  /** Emulate Global Privacy Control (`navigator.globalPrivacyControl === true`). */
  gpc?: boolean;
}

/** A fresh context (no cookies, no cache) and page for one test. */
export async function openPage(browser: Browser, { gpc = false }: PageOptions = {}): Promise<Visit> {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  await context.addInitScript(RECORDER);
  if (gpc) await context.addInitScript(GPC);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  return { context, page, pageErrors, consoleErrors, close: () => context.close() };
}

/** Waits until kakor:ready has fired in the current document. */
export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__kakorEvents.some((e) => e.type === 'ready'));
}

/** Opens `path` (on 127.0.0.1 unless a full URL), waits for the network to go quiet and kakor:ready. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path.startsWith('http') ? path : origin + path, { waitUntil: 'networkidle' });
  await waitForReady(page);
}

/** Reloads and waits as `visit` does. */
export async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'networkidle' });
  await waitForReady(page);
}

/**
 * Runs `action` in the page, expecting it to reload the page (a withdrawal),
 * and waits for the new document's kakor:ready.
 */
export async function expectReload(page: Page, action: () => unknown): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  try {
    await page.evaluate(action);
  } catch (e) {
    // The reload may tear down the page while the call is still awaited.
    if (!/context was destroyed|navigat|Target closed/i.test(String(e))) throw e;
  }
  await navigated;
  await page.waitForLoadState('networkidle');
  await waitForReady(page);
}

export const vendorRuns = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window.__vendorRuns ?? []).slice());

/** Waits until every name in `names` is in window.__vendorRuns. */
export async function waitForRuns(page: Page, names: string[]): Promise<void> {
  await page.waitForFunction((want) => want.every((n) => (window.__vendorRuns ?? []).includes(n)), names);
}

/** The page's `document.cookie` as name → value. */
export async function documentCookies(page: Page): Promise<Record<string, string>> {
  const raw = await page.evaluate(() => document.cookie);
  const out: Record<string, string> = {};
  for (const part of raw ? raw.split('; ') : []) {
    const eq = part.indexOf('=');
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** Waits until each named cookie is visible to the page. */
export async function waitForCookies(page: Page, names: string[]): Promise<void> {
  await page.waitForFunction((want) => {
    const have = document.cookie.split('; ').map((c) => c.split('=')[0]);
    return want.every((n) => have.includes(n));
  }, names);
}

/** The server's request log position now: pass it to `requestsSince`. */
export async function requestMark(): Promise<number> {
  const res = await fetch(`${origin}/__kakor/mark`);
  return ((await res.json()) as { seq: number }).seq;
}

/** Every request the server got after `mark`. */
export async function requestsSince(mark: number): Promise<LoggedRequest[]> {
  const res = await fetch(`${origin}/__kakor/requests?since=${mark}`);
  return (await res.json()) as LoggedRequest[];
}

/** Requests for fake third parties (`/vendor/…`) after `mark`, as host/path. */
export async function vendorRequestsSince(mark: number): Promise<string[]> {
  return (await requestsSince(mark))
    .filter((r) => r.path.startsWith('/vendor/'))
    .map((r) => r.path.slice('/vendor/'.length));
}

/** axe-core's violations on the page as `rule: selector, …` lines (WCAG 2.x A and AA rules). */
// Evaluated through the DevTools protocol, which a page's Content-Security-Policy does not
// govern: the page is checked as its visitors get it, its CSP included.
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(() => (window as unknown as {
    axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
  }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Vendor scripts and frames in the DOM that the browser would load (not held as text/plain or data-src). */
export const liveVendorElements = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll('script[src*="/vendor/"], iframe[src*="/vendor/"], img[src*="/vendor/"]')]
    .filter((el) => !(el instanceof HTMLScriptElement) || !el.type || /javascript|module/.test(el.type))
    .map((el) => el.getAttribute('src') ?? ''));
