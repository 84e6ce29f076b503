// Deletes the cookies of withdrawn services (CONTRACT §5.4) on this host and
// every parent domain, at `/` and every folder of the current path. Cookies of other
// sites (a `domain` this host is not under) cannot be reached and are skipped.
import type { CookieJar } from './env';
import type { Service } from './types';

export function deleteServiceCookies(jar: CookieJar, services: Service[], location: Location): void {
  const host = location.hostname;
  const labels = host.split('.');
  const domains: (string | undefined)[] = [undefined];
  if (!/^[\d.]+$|:/.test(host)) {
    for (let i = 0; i < labels.length - 1; i++) domains.push('.' + labels.slice(i).join('.'));
  }
  // A cookie's path may be any folder of this page's path, with or without its
  // trailing slash ("/kurser" and "/kurser/" are different cookies).
  const paths = ['/'];
  const parts = location.pathname.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const path = '/' + parts.slice(0, i).join('/');
    paths.push(path, path + '/');
  }
  const names = jar.names();
  for (const service of services) {
    for (const cookie of service.cookies) {
      if (cookie.domain && !`.${host}`.endsWith('.' + cookie.domain.replace(/^\./, ''))) continue;
      // Only cookies the page can see are deleted: each attempt is a document.cookie
      // write (slow in Chromium), and one per domain and path adds up on every load.
      const matching = names.filter((n) => (cookie.pattern ? n.search(cookie.pattern) > -1 : n === cookie.name));
      for (const name of matching) {
        for (const domain of domains) for (const path of paths) jar.remove(name, { domain, path });
      }
    }
  }
}
