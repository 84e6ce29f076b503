// `kakor scan`'s visit of a site: one new visitor who opens the start page,
// then same-site links and sitemap.xml pages up to the limit, clicking nothing,
// while every request and cookie is recorded.
import type { Driver } from './browser';
import { CliError } from './cliError';
import { LoadError, loadPage, openTab, type Tab } from './loadPage';
import { PageQueue, isThirdParty, pageLinks, scopeOf, sitemapPages, type Scope } from './siteScope';
import { recordTraffic, type SeenCookie, type SeenRequest } from './traffic';

export interface CrawlResult {
  /** The start URL after redirects. */
  start: string;
  visited: string[];
  /** Pages that could not be used, with why. */
  skipped: { url: string; reason: string }[];
  requests: SeenRequest[];
  cookies: SeenCookie[];
}

export interface CrawlOptions {
  pages: number;
  timeoutMs: number;
  /** Called after each page, for the progress line. */
  onPage?: (progress: { visited: number; cookies: number; hosts: number; url: string }) => void;
}

// Three tabs side by side in the one visitor's context: a page mostly waits
// for the network, so three at a time take about a third as long on two cores.
const AT_ONCE = 3;

export async function crawl(driver: Driver, start: string, options: CrawlOptions): Promise<CrawlResult> {
  const context = await driver.newVisitor();
  try {
    const traffic = await recordTraffic(context);
    const result: CrawlResult = { start, visited: [], skipped: [], requests: traffic.requests, cookies: [] };
    const queue = new PageQueue(options.pages);

    const tabs: Tab[] = [];
    for (let i = 0; i < AT_ONCE; i++) tabs.push(await openTab(context));
    const visit = async (tab: Tab, url: string, scope: () => Scope) => {
      const loaded = await loadPage(tab, url, options.timeoutMs);
      if (result.visited.length === 0) result.start = loaded.url;
      result.visited.push(loaded.url);
      queue.add(await pageLinks(loaded.page, scope()));
      const cookies = await traffic.cookies();
      const hosts = new Set(traffic.requests.filter((r) => isThirdParty(r.url, new URL(result.start).hostname)).map((r) => r.host));
      options.onPage?.({ visited: result.visited.length, cookies: cookies.length, hosts: hosts.size, url: loaded.url });
    };

    // The start page must work (its final URL sets the scope); a broken link further in is reported, not fatal.
    queue.add([start]);
    await visit(tabs[0], queue.take(1)[0], () => scopeOf(result.start)).catch((e) => {
      throw e instanceof LoadError ? new CliError(e.message) : e;
    });
    const scope = scopeOf(result.start);
    queue.add(await sitemapPages(context.request, result.start, scope, options.timeoutMs));
    for (let batch = queue.take(AT_ONCE); batch.length > 0; batch = queue.take(AT_ONCE)) {
      await Promise.all(batch.map((url, i) => visit(tabs[i], url, () => scope).catch((e) => {
        if (!(e instanceof LoadError)) throw e;
        result.skipped.push({ url, reason: e.message });
      })));
    }
    result.cookies = await traffic.cookies();
    return result;
  } finally {
    await context.close();
  }
}
