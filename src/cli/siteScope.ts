// Which pages belong to the site being scanned or audited, in what order they
// are visited, and which requests are third-party.
import type { APIRequestContext, Page } from 'playwright-core';

/** Pages under the start URL's folder on its host: scanning /shop/ stays in /shop/. */
export interface Scope {
  host: string;
  folder: string;
}

export function scopeOf(start: string): Scope {
  const url = new URL(start);
  return { host: url.hostname.replace(/^www\./, ''), folder: url.pathname.replace(/[^/]*$/, '') };
}

// Files a crawler should not open as pages.
const NOT_A_PAGE = /\.(?:pdf|zip|jpe?g|png|gif|webp|svg|ico|css|js|mjs|json|xml|txt|mp4|mp3|woff2?)$/i;

/** The page URL for an href (no fragment), or undefined when it is outside the scope. */
export function pageUrl(href: string, scope: Scope): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || url.hostname.replace(/^www\./, '') !== scope.host) return undefined;
  if (!url.pathname.startsWith(scope.folder) || NOT_A_PAGE.test(url.pathname)) return undefined;
  url.hash = '';
  // `/shop/` and `/shop/index.html` are one page.
  url.pathname = url.pathname.replace(/\/index\.html?$/, '/');
  return url.href;
}

/**
 * The site a host belongs to, for telling third-party requests apart: the host
 * itself for an IP or a one-label name, else its last two labels (kakor's sites
 * are under .se and .com; a two-part suffix such as .co.uk would be counted wide).
 */
export function siteOf(host: string): string {
  if (/^[\d.]+$|^\[|^[^.]+$/.test(host)) return host;
  return host.split('.').slice(-2).join('.');
}

export const isThirdParty = (url: string, siteHost: string): boolean =>
  siteOf(new URL(url).hostname) !== siteOf(siteHost);

/** Every same-scope link of the page, in document order. */
export async function pageLinks(page: Page, scope: Scope): Promise<string[]> {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((h) => pageUrl(h, scope)).filter((u): u is string => u !== undefined);
}

/** Page URLs from sitemap.xml in the start folder or at the root, when there is one. */
export async function sitemapPages(request: APIRequestContext, start: string, scope: Scope, timeoutMs: number): Promise<string[]> {
  const places = [...new Set([new URL('sitemap.xml', new URL(scope.folder, start)).href, new URL('/sitemap.xml', start).href])];
  const pages: string[] = [];
  for (const place of places) {
    const response = await request.get(place, { timeout: timeoutMs, failOnStatusCode: false }).catch(() => undefined);
    if (!response?.ok()) continue;
    const xml = await response.text();
    for (const [, loc] of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
      const url = pageUrl(new URL(loc.replace(/&amp;/g, '&'), place).href, scope);
      if (url) pages.push(url);
    }
  }
  return pages;
}

/** Pages to visit in order, each once, at most `limit`. */
export class PageQueue {
  private readonly seen = new Set<string>();
  private readonly waiting: string[] = [];

  constructor(private readonly limit: number) {}

  add(urls: string[]): void {
    for (const url of urls) {
      if (this.seen.size >= this.limit) return;
      if (this.seen.has(url)) continue;
      this.seen.add(url);
      this.waiting.push(url);
    }
  }

  /** Up to `n` pages to visit now, in order. */
  take(n: number): string[] {
    return this.waiting.splice(0, n);
  }
}
