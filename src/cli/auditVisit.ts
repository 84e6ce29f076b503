// One of `kakor audit`'s three visits of a page, each as a new visitor
// (issue 9 item 4): no click; "reject all" and the page loaded again as that
// visitor; "accept all". Records what was requested and set; judging is judgeVisit's.
import type { Page } from 'playwright-core';
import type { Driver } from './browser';
import { loadPage, openTab, settle } from './loadPage';
import { pageLinks, sitemapPages, type Scope } from './siteScope';
import { recordTraffic, type SeenCookie, type SeenRequest } from './traffic';

export type VisitKind = 'none' | 'reject' | 'accept';

export const VISIT_NAMES: { [k in VisitKind]: string } = { none: 'no click', reject: 'reject all', accept: 'accept all' };

export interface VisitRecord {
  kind: VisitKind;
  url: string;
  html: string;
  requests: SeenRequest[];
  cookies: SeenCookie[];
  /** Set when the choice could not be made (no kakor to click). */
  choiceProblem?: string;
  /** Same-site links and (with `discover`) sitemap pages, from the no-click visit. */
  links: string[];
  /** The manifest as the page gives it (with `readManifest`): where from, and its text. */
  manifest?: { where: string; text?: string; status?: number };
}

const READY_FLAG = '__kakorAuditReady';
// Set before any page script, so a kakor:ready fired during kakor's own evaluation is seen.
const WATCH_READY = `addEventListener('kakor:ready', () => { window.${READY_FLAG} = true; });`;

const BUTTON = {
  reject: /^\s*(?:Neka alla|Reject all)\s*$/i,
  accept: /^\s*(?:Godkänn alla|Accept all)\s*$/i,
};

/** Makes the choice through window.kakor, else the banner's button; returns a problem when neither is there. */
async function choose(page: Page, kind: 'reject' | 'accept'): Promise<string | undefined> {
  const method = kind === 'reject' ? 'rejectAll' : 'acceptAll';
  await page.waitForFunction((flag) => (window as unknown as Record<string, unknown>)[flag] === true, READY_FLAG, { timeout: 5_000 })
    .catch(() => { /* no kakor:ready: try the API or the button anyway */ });
  const viaApi = await page.evaluate(async (m) => {
    const kakor = (window as unknown as { kakor?: Record<string, unknown> }).kakor;
    if (!kakor || typeof kakor[m] !== 'function') return false;
    await (kakor[m] as () => Promise<void>)();
    return true;
  }, method).catch(() => false);
  if (viaApi) return undefined;
  const button = page.getByRole('button', { name: BUTTON[kind] });
  if ((await button.count()) > 0) {
    await button.first().click({ timeout: 5_000 });
    return undefined;
  }
  return `could not ${kind === 'reject' ? 'reject' : 'accept'} all: no window.kakor.${method}() and no "${kind === 'reject' ? 'Neka alla' : 'Godkänn alla'}" button`;
}

async function pageManifest(page: Page): Promise<VisitRecord['manifest']> {
  return page.evaluate(async () => {
    const inline = document.getElementById('kakor-manifest');
    if (inline) return { where: '#kakor-manifest', text: inline.textContent ?? '' };
    const tag = document.querySelector<HTMLScriptElement>('script[data-manifest]');
    if (!tag) return undefined;
    const url = new URL(tag.dataset.manifest!, location.href).href;
    const response = await fetch(url, { credentials: 'same-origin' }).catch(() => undefined);
    return { where: url, status: response?.status, text: response?.ok ? await response.text() : undefined };
  });
}

export interface VisitOptions {
  timeoutMs: number;
  scope: Scope;
  /** Also read the page's manifest and the sitemap (the first page's no-click visit). */
  discover?: boolean;
}

export interface Visitor {
  visit(url: string, options: VisitOptions): Promise<VisitRecord>;
  close(): Promise<void>;
}

/**
 * A visitor of one kind, made new for every page: its context and tab stay
 * open (a new renderer per visit costs seconds on a busy machine) but each
 * visit starts with no cookies, no storage and no HTTP cache.
 */
export async function openVisitor(driver: Driver, kind: VisitKind): Promise<Visitor> {
  const context = await driver.newVisitor();
  const traffic = await recordTraffic(context);
  await context.addInitScript(WATCH_READY);
  const tab = await openTab(context);
  const cdp = await context.newCDPSession(tab.page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    async visit(url, options) {
      await tab.page.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      }).catch(() => { /* about:blank has no storage */ });
      await context.clearCookies();
      traffic.reset();
      const loaded = await loadPage(tab, url, options.timeoutMs);
      const record: VisitRecord = { kind, url: loaded.url, html: loaded.html, requests: traffic.requests, cookies: [], links: [] };
      const { page } = loaded;
      if (kind === 'none') {
        record.links = await pageLinks(page, options.scope);
        if (options.discover) {
          record.links.push(...await sitemapPages(context.request, loaded.url, options.scope, options.timeoutMs));
          record.manifest = await pageManifest(page);
        }
      } else {
        record.choiceProblem = await choose(page, kind);
        await settle(page, tab.inFlight);
        if (kind === 'reject') {
          // The same visitor on their next page view: what a stored "no" lets load.
          await page.reload({ waitUntil: 'load', timeout: options.timeoutMs });
          await settle(page, tab.inFlight);
        }
      }
      record.cookies = await traffic.cookies();
      record.requests = traffic.requests.slice();
      return record;
    },
    close: () => context.close(),
  };
}
