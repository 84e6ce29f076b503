// Opens one URL in a visitor's context and waits until its network is quiet;
// a URL that cannot be used (unreachable, TLS, redirect loop, timeout, not
// HTML, an HTTP error) becomes one line that says which and what to do.
import type { BrowserContext, Page } from 'playwright-core';

export class LoadError extends Error {}

export interface LoadedPage {
  page: Page;
  /** The HTML as the server sent it, before any script ran. */
  html: string;
  /** Where the browser ended up after redirects. */
  url: string;
}

// Quiet means no request in flight for this long (a tag manager's second hop
// starts a few milliseconds after the first script ends).
const QUIET_MS = 300;
// A page that keeps a connection open (long polling, a video stream) is read after this.
const MAX_SETTLE_MS = 5_000;

const PENDING = '__kakorPending';
/**
 * In every frame before its scripts run: counts what the frame has fetched but not
 * yet run or shown. On a busy machine a script can wait for its off-thread compile
 * well after its response is in, and a frame's document for its renderer; their
 * cookies and requests come after that.
 * - A connected `<script src>` whose file is in (a resource timing entry) and that
 *   has had no load or error event. Scripts that never run (markup-inserted,
 *   `nomodule`, `type="text/plain"`) are never fetched, so they are not waited for.
 * - A connected `<iframe src>` (not lazy) whose last load event was for another URL:
 *   the browser fires one for every document a frame shows, error pages included.
 */
export const WATCH_LOADING = `(() => {
  const loaded = new WeakMap();
  const mark = (e) => { const el = e.target; if (el && /^(script|iframe)$/.test(el.localName)) loaded.set(el, el.src); };
  document.addEventListener('load', mark, true);
  document.addEventListener('error', mark, true);
  Object.defineProperty(window, '${PENDING}', { value: () => {
    const fetched = new Set(performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0).map((e) => e.name));
    const scripts = [...document.scripts].filter((s) => s.src && s.isConnected && !loaded.has(s) && fetched.has(s.src));
    const frames = [...document.querySelectorAll('iframe[src]')].filter((f) => f.isConnected && /^https?:/.test(f.src)
      && f.loading !== 'lazy' && loaded.get(f) !== f.src);
    return scripts.length + frames.length;
  } });
})();`;

/** What the page and its frames fetched but did not run or show yet (0 for a frame that went away). */
export async function pendingLoads(page: Page): Promise<number> {
  const counts = await Promise.all(page.frames().map((frame) => frame
    .evaluate((name) => (window as unknown as Record<string, (() => number) | undefined>)[name]?.() ?? 0, PENDING)
    .catch(() => 0)));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Waits until the page has had no request in flight for QUIET_MS and has run or
 * shown every script and frame it fetched, at most MAX_SETTLE_MS.
 */
export async function settle(page: Page, inFlight: () => number): Promise<void> {
  const end = Date.now() + MAX_SETTLE_MS;
  let quietSince = Date.now();
  while (Date.now() < end) {
    await page.waitForTimeout(50);
    if (inFlight() > 0) quietSince = Date.now();
    // A script or frame whose response is in may not have run yet, and it may start
    // requests or set cookies when it does: quiet counts once nothing is pending.
    else if (Date.now() - quietSince >= QUIET_MS && await pendingLoads(page) === 0 && inFlight() === 0) return;
  }
}

/** Counts this page's requests in flight, its frames' included. */
export function trackInFlight(page: Page): () => number {
  const open = new Set<unknown>();
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  return () => open.size;
}

function explain(url: string, error: Error, timeoutMs: number): string {
  const message = error.message.split('\n')[0];
  const net = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  if (error.name === 'TimeoutError') return `${url} did not finish loading within ${timeoutMs / 1000} s (--timeout to wait longer)`;
  if (net === 'ERR_TOO_MANY_REDIRECTS') return `${url} redirects in a loop`;
  if (net && /CERT|SSL/.test(net)) return `${url}: TLS error ${net} (for a staging site with a self-signed certificate, add --insecure)`;
  if (net) return `${url} cannot be reached: ${net}`;
  return `${url} could not be opened: ${message}`;
}

/** A page that stays open from URL to URL (a new renderer per URL costs seconds on a busy machine). */
export interface Tab {
  page: Page;
  inFlight: () => number;
}

export async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  await page.addInitScript(WATCH_LOADING);
  return { page, inFlight: trackInFlight(page) };
}

/** Opens `url` in the tab; throws LoadError with one clear line when it cannot be used. */
export async function loadPage(tab: Tab, url: string, timeoutMs: number): Promise<LoadedPage> {
  const { page } = tab;
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    if (!response) throw new LoadError(`${url} gave no response`);
    if (response.status() >= 400) throw new LoadError(`${url} answered HTTP ${response.status()}`);
    const type = response.headers()['content-type'] ?? '';
    if (!/^\s*(text\/html|application\/xhtml\+xml)/i.test(type)) {
      throw new LoadError(`${url} is not an HTML page (Content-Type: ${type.split(';')[0] || 'none'})`);
    }
    const html = await response.text();
    await settle(page, tab.inFlight);
    return { page, html, url: page.url() };
  } catch (e) {
    if (e instanceof LoadError) throw e;
    throw new LoadError(explain(url, e as Error, timeoutMs));
  }
}
