// `kakor scan`'s visit of a site: one new visitor who opens the start page,
// then same-site links and sitemap.xml pages up to the limit, clicking nothing,
// while every request and cookie is recorded.
import type { Driver } from './browser';
import { CliError } from './cliError';
import { LoadError, loadPage } from './loadPage';
import { PageQueue, pageLinks, scopeOf, sitemapPages } from './siteScope';
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

export async function crawl(driver: Driver, start: string, options: CrawlOptions): Promise<CrawlResult> {
  const context = await driver.newVisitor();
  try {
    const traffic = await recordTraffic(context);
    const result: CrawlResult = { start, visited: [], skipped: [], requests: traffic.requests, cookies: [] };
    const queue = new PageQueue(options.pages);
    queue.add([start]);
    for (let url = queue.next(), first = true; url; url = queue.next(), first = false) {
      let loaded;
      try {
        loaded = await loadPage(context, url, options.timeoutMs);
      } catch (e) {
        // The start page must work; a broken link further in is reported, not fatal.
        if (!(e instanceof LoadError) || first) throw e instanceof LoadError ? new CliError(e.message) : e;
        result.skipped.push({ url, reason: e.message });
        continue;
      }
      if (first) result.start = loaded.url;
      const scope = scopeOf(result.start);
      result.visited.push(loaded.url);
      queue.add(await pageLinks(loaded.page, scope));
      if (first) queue.add(await sitemapPages(context.request, result.start, scope, options.timeoutMs));
      await loaded.page.close();
      const cookies = await traffic.cookies();
      const hosts = new Set(traffic.requests.map((r) => r.host));
      options.onPage?.({ visited: result.visited.length, cookies: cookies.length, hosts: hosts.size, url: loaded.url });
    }
    result.cookies = await traffic.cookies();
    return result;
  } finally {
    await context.close();
  }
}
