// Helpers for the tests of requests and frames to a fake third party,
// `tracker.example`, which the browser maps to the example server
// (`launchBrowser(['tracker.example'])`) and the test page's manifest blocks.
import type { Page } from 'playwright-core';
import { requestsSince, siteOrigin, type Visit } from './harness';

/** The page whose manifest has one service, `"scripts": ["tracker.example"]`, and a same-origin frame named "named". */
export const TRACKER_PAGE = '/test/browser/pages/requests/index.html';

/** The tracker's origin. */
export const T = `http://tracker.example:${new URL(siteOrigin()).port}`;

/**
 * Every request the page attempted whose URL contains `tag`, seen by the browser
 * (requests and WebSockets) or by the example server (which also hears workers').
 */
export function witness(v: Visit): (tag: string) => Promise<string[]> {
  const seen: string[] = [];
  v.context.on('request', (r) => seen.push(r.url()));
  v.page.on('websocket', (ws) => seen.push(ws.url()));
  return async (tag) => {
    const logged = (await requestsSince(0)).map((r) => `http://${r.host}${r.path}`);
    return [...new Set([...seen, ...logged])].filter((u) => u.includes(tag));
  };
}

/** Runs `code` in the page with `T` (the tracker's origin) and `tag` (unique per call) in scope; returns its result. */
export const run = (page: Page, code: string, tag: string): Promise<unknown> =>
  page.evaluate(([c, t, g]) => new Function('T', 'tag', `return (async () => { ${c} })()`)(t, g), [code, T, tag]);
