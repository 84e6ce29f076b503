// Whether a URL is blocked: which service it belongs to by the services'
// `scripts` patterns (CONTRACT §5.3), matched on the canonical URL, and the one
// test every interception path asks (elements here, requests elsewhere).

type Patterns = { id: string; scripts: (string | RegExp)[] }[];

/**
 * The URL as patterns see it (CONTRACT §5.3): absolute, host lower-case with no
 * trailing dot, no user info, no default port. Null for a URL that does not
 * parse or cannot reach a server (data:, blob:, about:, javascript:).
 */
export function canonicalUrl(url: string, base: string): string | null {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    return null;
  }
  if (!/^(http|ws)s?:$/.test(u.protocol)) return null;
  // The URL parser already lower-cases the host and drops a default port.
  return `${u.protocol}//${u.hostname.replace(/\.+$/, '')}${u.port && ':' + u.port}${u.pathname}${u.search}${u.hash}`;
}

/** The id of the first service whose `scripts` pattern matches this canonical URL, or undefined. */
export function matchService(url: string, services: Patterns): string | undefined {
  const lower = url.toLowerCase();
  // Substrings compare without case so `GoogleTagManager.com` in a manifest
  // still blocks; `search` ignores a /g flag's lastIndex, unlike `test`.
  const service = services.find((s) =>
    s.scripts.some((p) => (typeof p == 'string' ? lower.includes(p.toLowerCase()) : url.search(p) > -1)));
  return service && service.id;
}

/**
 * `isBlocked(url)`: true when the URL (relative to the document's base) belongs to
 * a service not granted now, or, while there is no manifest, is cross-origin (fail
 * closed). Answers are cached per URL string until the base, the manifest or the
 * granted set changes (each change is a new object).
 */
export function createUrlTest(
  doc: Document, services: () => Patterns | null, granted: () => Set<string>,
): (url: string) => boolean {
  let cache = new Map<string, boolean>();
  let base: string | undefined;
  let list: Patterns | null | undefined;
  let on: Set<string> | undefined;
  // Called for every URL an element is given: nothing is allocated on a cache hit.
  return (url) => {
    const b0 = doc.baseURI, l0 = services(), g0 = granted();
    if (b0 !== base || l0 !== list || g0 !== on || cache.size > 4000) cache = new Map(), base = b0, list = l0, on = g0;
    let b = cache.get(url);
    if (b === undefined) {
      const c = canonicalUrl(url, b0);
      if (c === null) b = false;
      else if (!l0) b = !c.startsWith(doc.location.origin + '/');
      else {
        const id = matchService(c, l0);
        b = id !== undefined && !g0.has(id);
      }
      cache.set(url, b);
    }
    return b;
  };
}
