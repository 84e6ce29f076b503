// What one visitor's browser context requests and who sets its cookies, for
// `kakor scan` and `kakor audit`: every request (URL, resource type), and for
// each cookie name the response header or the script that set it first.
import type { BrowserContext } from 'playwright-core';

export interface SeenRequest {
  url: string;
  host: string;
  /** Playwright's resource type: document, script, image, xhr, fetch, … */
  type: string;
}

export interface CookieOrigin {
  setBy: 'header' | 'script';
  /** The response's URL, or the URL of the script on the stack (the page's own URL for an inline script). */
  source: string;
}

export interface SeenCookie {
  name: string;
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  /** Unknown when the cookie came in some other way (a cookieStore call, a worker). */
  origin?: CookieOrigin;
}

export interface Traffic {
  requests: SeenRequest[];
  /** The context's cookies now, each with who set it where that is known. */
  cookies(): Promise<SeenCookie[]>;
  /** Forgets every request and cookie origin, for the next visitor in this context. */
  reset(): void;
}

const BINDING = '__kakorCookieSet';

// Wraps document.cookie's setter in every frame before any page script runs:
// the innermost URL on the stack is the script that wrote the cookie.
const COOKIE_HOOK = `(() => {
  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  const report = window.${BINDING};
  if (!desc || !desc.set || typeof report !== 'function') return;
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true, enumerable: desc.enumerable, get: desc.get,
    set(value) {
      try {
        const urls = (new Error().stack || '').match(/(?:https?|file):\\/\\/[^\\s)]+/g) || [];
        const script = urls.length ? urls[0].replace(/:\\d+:\\d+$/, '') : location.href;
        report(String(value).split(';')[0].split('=')[0].trim(), script);
      } catch (e) { /* never break the page */ }
      desc.set.call(this, value);
    },
  });
})();`;

/** Starts recording on a fresh context; call before its first page opens. */
export async function recordTraffic(context: BrowserContext): Promise<Traffic> {
  const requests: SeenRequest[] = [];
  const origins = new Map<string, CookieOrigin>();
  const remember = (name: string, origin: CookieOrigin) => {
    if (name && !origins.has(name)) origins.set(name, origin);
  };
  await context.exposeBinding(BINDING, (_source, name: string, script: string) => remember(name, { setBy: 'script', source: script }));
  await context.addInitScript(COOKIE_HOOK);
  context.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/.test(url)) return;
    requests.push({ url, host: new URL(url).hostname, type: request.resourceType() });
  });
  context.on('response', (response) => {
    // The raw Set-Cookie headers come from the browser's extra-info event (CDP
    // Network.responseReceivedExtraInfo), which Playwright folds into these headers.
    response.headerValues('set-cookie').then((values) => {
      for (const header of values.flatMap((v) => v.split('\n'))) {
        remember(header.split(';')[0].split('=')[0].trim(), { setBy: 'header', source: response.url() });
      }
    }, () => { /* the page closed before the headers were read */ });
  });
  return {
    requests,
    reset() {
      requests.length = 0;
      origins.clear();
    },
    async cookies() {
      return (await context.cookies()).map((c) => ({
        name: c.name, domain: c.domain, path: c.path, expires: c.expires, httpOnly: c.httpOnly, origin: origins.get(c.name),
      }));
    },
  };
}
