// The one door from the core to the browser (STYLE §2): cookies through
// js-cookie, the document, fetch, the clock, the console. Tests pass fakes.
import Cookies from 'js-cookie';

export interface CookieAttributes {
  domain?: string;
  path?: string;
  expires?: Date;
  sameSite?: 'Lax' | 'Strict' | 'None';
  secure?: boolean;
}

export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, attributes: CookieAttributes): void;
  remove(name: string, attributes: { domain?: string; path?: string }): void;
  /** Names of the cookies this page can see. */
  names(): string[];
  /**
   * Every value this page sees under `name`: more than one when cookies of that name
   * were set for other paths or domains. Without it, kakor sees one (`get`).
   */
  getAll?(name: string): string[];
  /**
   * Every cookie this page sees, `[name, value]`, duplicates kept, from one read
   * of the cookie store. Without it, kakor reads `names()` and then the record.
   */
  entries?(): [string, string][];
}

export interface Env {
  window: Window;
  document: Document;
  cookies: CookieJar;
  fetch: typeof fetch;
  now(): number;
  console: Pick<Console, 'error' | 'warn'>;
  randomId(): string;
  reload(): void;
}

/** The real browser. */
export function browserEnv(win: Window = window): Env {
  const doc = win.document;
  // The browser's own fetch, taken before kakor guards the page's: the manifest and
  // the consent log may live on another origin, which is blocked until the manifest is known.
  const fetch = win.fetch;
  return {
    window: win,
    document: doc,
    // js-cookie's methods close over their converter: they need no `this`.
    cookies: {
      get: Cookies.get,
      set: Cookies.set,
      remove: Cookies.remove,
      names: () => Object.keys(Cookies.get()),
      // js-cookie returns only the first of several cookies of one name; count them all.
      entries: () => cookieEntries(doc),
    },
    fetch: (url, init) => fetch.call(win, url, init),
    now: Date.now,
    console,
    randomId,
    reload: () => win.location.reload(),
  };
}

/**
 * document.cookie as js-cookie reads it, duplicates kept. NOTE: each read is a
 * synchronous call into Chromium's cookie store (5–10 ms measured, issue 11).
 */
function cookieEntries(doc: Document): [string, string][] {
  const entries: [string, string][] = [];
  const all = doc.cookie;
  for (const pair of all ? all.split('; ') : []) {
    // A bare `name` (no "=") has an empty value.
    const eq = pair.includes('=') ? pair.indexOf('=') : pair.length;
    try {
      // The names kakor sets are cookie tokens, which js-cookie writes unencoded.
      entries.push([decodeURIComponent(pair.slice(0, eq)), Cookies.converter.read(pair.slice(eq + 1), '')]);
    } catch {
      // A malformed escape (`%E0%A4`), which js-cookie skips too.
    }
  }
  return entries;
}

function randomId(): string {
  // NOTE: randomUUID exists only in secure contexts; a page on plain http gets hex.
  return crypto.randomUUID ? crypto.randomUUID()
    : crypto.getRandomValues(new Uint8Array(16)).reduce((id, x) => id + (x + 256).toString(16).slice(1), '');
}
