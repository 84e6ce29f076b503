// Requests made by script (CONTRACT §5.3): fetch, XMLHttpRequest, sendBeacon,
// EventSource, WebSocket, Worker, SharedWorker and the Cache API's add and addAll.
// One to a blocked URL never reaches the network; the caller sees what a network
// error looks like.
//
// NOTE: measured in Chromium 156: a revoked blob: URL of the page's own origin
// fails inside the browser, with no request, exactly as a network error does:
// XHR goes to readyState 4 with status 0 and fires error and loadend, a Worker
// fires error, EventSource fires error (and retries, as on a lost network), a
// FontFace rejects with a NetworkError. A WebSocket to port 1 (an unsafe port)
// fails before any connection with error and close 1006.
import { swap, swapConstructor, type Undo } from './swap';

/** Whether this absolute URL belongs to a service that is not granted (createConsent's one matcher). */
export type IsBlocked = (url: string) => boolean;

/** The absolute http(s) or ws(s) URL that `url` (relative to the document) names when it is blocked, else null. */
export function blockedUrl(win: Window, isBlocked: IsBlocked): (url: unknown) => URL | null {
  return (url) => {
    let u: URL;
    try {
      u = new URL(String(url), win.document.baseURI);
    } catch {
      return null; // the browser throws its own SyntaxError for it
    }
    return /^(http|ws)s?:$/.test(u.protocol) && isBlocked(u.href) ? u : null;
  };
}

/**
 * A URL of this realm's origin that fails at once without a request (see the NOTE
 * above), made on first use: creating a blob: URL is a synchronous call into the
 * browser (measured 3-6 ms at start in Chromium 156), and most pages never need one.
 */
export function deadUrl(win: Window): () => string {
  const { URL: Url, Blob } = win as Window & typeof globalThis;
  let url = '';
  return () => {
    // NOTE: jsdom has no createObjectURL; a blob: URL never made fails the same way.
    if (url) return url;
    if (!Url.createObjectURL) return (url = 'blob:null/0');
    url = Url.createObjectURL(new Blob());
    Url.revokeObjectURL(url);
    return url;
  };
}

/** Patches the request APIs of `win`; the undo goes into `undo`. */
export function guardRequests(win: Window, isBlocked: IsBlocked, undo: Undo): void {
  const w = win as Window & typeof globalThis;
  const blocked = blockedUrl(win, isBlocked);
  const dead = deadUrl(win);

  const urlOf = (input: unknown) => (input instanceof w.Request ? input.url : input);
  // The same TypeError Chromium gives for a failed network request.
  const failed = () => Promise.reject(new TypeError('Failed to fetch'));
  swap<typeof fetch>(undo, w, 'fetch', (orig) => function (this: unknown, input, init) {
    return blocked(urlOf(input)) ? failed() : orig.call(this, input, init);
  });
  // The Cache API fetches what it is given to keep (secure contexts only).
  const cache = w.Cache && w.Cache.prototype;
  swap<Cache['add']>(undo, cache, 'add', (orig) => function (this: Cache, request) {
    return blocked(urlOf(request)) ? failed() : orig.call(this, request);
  });
  swap<Cache['addAll']>(undo, cache, 'addAll', (orig) => function (this: Cache, requests) {
    const list = [...requests];
    return list.some((r) => blocked(urlOf(r))) ? failed() : orig.call(this, list);
  });
  swap<XMLHttpRequest['open']>(undo, w.XMLHttpRequest.prototype, 'open', (orig) => function (this: XMLHttpRequest, ...a: any[]) {
    // Opened on a dead URL, the request runs its whole network-error course by itself.
    if (blocked(a[1])) a[1] = dead();
    return (orig as any).apply(this, a);
  });
  swap<Navigator['sendBeacon']>(undo, w.Navigator.prototype, 'sendBeacon', (orig) => function (this: Navigator, url, data) {
    // false is what the page gets when the browser would not queue the beacon.
    return blocked(url) ? false : orig.call(this, url, data);
  });
  const toDead = (a: unknown[]) => (blocked(a[0]) ? [dead(), ...a.slice(1)] : a);
  swapConstructor(undo, w, 'EventSource', toDead);
  swapConstructor(undo, w, 'Worker', toDead);
  swapConstructor(undo, w, 'SharedWorker', toDead);
  swapConstructor(undo, w, 'WebSocket', (a) => {
    const u = blocked(a[0]);
    return u ? [(/^(wss|https):$/.test(u.protocol) ? 'wss' : 'ws') + '://127.0.0.1:1/', ...a.slice(1)] : a;
  });
}
