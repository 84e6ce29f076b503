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

/** Waits until the page has had no request in flight for QUIET_MS, at most MAX_SETTLE_MS. */
export async function settle(page: Page, inFlight: () => number): Promise<void> {
  const end = Date.now() + MAX_SETTLE_MS;
  let quietSince = Date.now();
  while (Date.now() < end) {
    await page.waitForTimeout(50);
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) {
      // On a busy machine a script whose response is in may not have run yet: let the
      // page's queued tasks run first, then look again (it may have started requests).
      await page.evaluate(() => new Promise((done) => setTimeout(done))).catch(() => { /* the page went away */ });
      if (inFlight() === 0) return;
      quietSince = Date.now();
    }
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
