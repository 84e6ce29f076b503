// Deletes cookies on this host and every parent domain, at `/` and every folder
// of the current path: the withdrawn services' (CONTRACT §5.4), and extra consent
// records. Cookies of other sites (a `domain` this host is not under) cannot be
// reached and are skipped. Also tells whether this page may keep cookies at all.
import type { CookieJar } from './env';
import type { Service } from './types';

/** Removes `name` at every domain and path a cookie visible to this page can have. */
export function deleteCookie(jar: CookieJar, name: string, location: Location): void {
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
  for (const domain of domains) for (const path of paths) jar.remove(name, { domain, path });
}

/** Deletes the visible cookies of these services; `names` are the page's cookies if already read. */
export function deleteServiceCookies(jar: CookieJar, services: Service[], location: Location, names = jar.names()): void {
  const host = location.hostname;
  for (const service of services) {
    for (const cookie of service.cookies) {
      if (cookie.domain && !`.${host}`.endsWith(cookie.domain.replace(/^\.?/, '.'))) continue;
      // Only cookies the page can see are deleted: each attempt is a document.cookie
      // write (slow in Chromium), and one per domain and path adds up on every load.
      for (const name of names) {
        if (cookie.pattern ? name.search(cookie.pattern) < 0 : name !== cookie.name) continue;
        deleteCookie(jar, name, location);
      }
    }
  }
}

/** The page's cookies as read once: their names, and every value one name has. */
export interface SeenCookies {
  names: string[];
  values(name: string): string[];
}

/**
 * The cookies this page sees, in one read of the cookie store where the jar
 * allows (issue 11: each read is a synchronous call into the browser), or null
 * where the page can keep none: reading throws in a sandboxed frame without
 * allow-same-origin, and the browser says so when cookies are turned off. Nothing
 * is written to find out (a write costs time on every load).
 */
export function readCookies(jar: CookieJar, navigator: Navigator): SeenCookies | null {
  if (navigator.cookieEnabled === false) return null;
  try {
    if (jar.entries) {
      const entries = jar.entries();
      return {
        names: [...new Set(entries.map(([name]) => name))],
        values: (name) => entries.filter(([n]) => n === name).map(([, value]) => value),
      };
    }
    const names = jar.names();
    return { names, values: (name) => (jar.getAll ? jar.getAll(name) : names.includes(name) ? [jar.get(name)!] : []) };
  } catch {
    return null;
  }
}
