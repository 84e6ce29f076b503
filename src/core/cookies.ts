// Deletes the cookies of withdrawn services (CONTRACT §5.4) on this host and
// every parent domain, at `/` and every folder of the current path. Cookies of other
// sites (a `domain` this host is not under) cannot be reached and are skipped.
import type { CookieJar } from './env';
import type { Service } from './types';

export function deleteServiceCookies(jar: CookieJar, services: Service[], location: Location): void {
  const host = location.hostname;
  // No domain (this host only), then `.www.example.se`, `.example.se`; none for an IP address.
  const domains: (string | undefined)[] = [undefined];
  if (!/^[\d.]+$|:/.test(host)) for (let d = host; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) domains.push('.' + d);
  // A cookie's path may be any folder of this page's path, with or without its
  // trailing slash ("/kurser" and "/kurser/" are different cookies).
  const paths = ['/'];
  let folder = '';
  for (const part of location.pathname.split('/')) {
    if (part) paths.push((folder += '/' + part), folder + '/');
  }
  const names = jar.names();
  for (const service of services) {
    for (const cookie of service.cookies) {
      if (cookie.domain && !`.${host}`.endsWith(cookie.domain.replace(/^\.?/, '.'))) continue;
      // Only cookies the page can see are deleted: each attempt is a document.cookie
      // write (slow in Chromium), and one per domain and path adds up on every load.
      for (const name of names) {
        if (cookie.pattern ? name.search(cookie.pattern) < 0 : name !== cookie.name) continue;
        for (const domain of domains) for (const path of paths) jar.remove(name, { domain, path });
      }
    }
  }
}
