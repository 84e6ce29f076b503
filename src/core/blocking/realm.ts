// Everything that keeps a window's realm from reaching a blocked URL (CONTRACT
// §5.3): the element interceptor, requests by script, CSS text and frames, in
// the page's window and in each same-origin child frame's own realm.
import { createInterceptor, type Interceptor, type Sinks } from './intercept';
import { guardFrames, guardNavigation } from './frames';
import { guardRequests, type IsBlocked } from './requests';
import { guardStyles } from './styles';
import type { Undo } from './swap';

/**
 * Guards `win` and, as they appear, its same-origin frames; one interface for all of them.
 * `sinks` writes kakor's own markup and released script URLs under Trusted Types;
 * `inserted` is told of what script inserts into `win`'s document (added.ts).
 * `reportOnly`: nothing can be blocked, so only what tells `inserted` goes in
 * (the insertion methods and HTML sinks of `win`), no requests, styles or frames.
 */
export function guardRealm(win: Window, isBlocked: IsBlocked, sinks?: Sinks, inserted?: (node: any) => void,
  reportOnly = false): Interceptor {
  if (reportOnly) return createInterceptor(win, isBlocked, sinks, inserted, true);
  const guarded: Interceptor[] = [];
  // One entry per realm: a frame's window object is replaced when it navigates,
  // its prototypes with it; the same window seen twice is guarded once.
  const seen = new WeakSet<object>();

  const guard = (w: Window, child: boolean) => {
    const key = (w as Window & typeof globalThis).Element.prototype;
    if (seen.has(key)) return;
    seen.add(key);
    const undo: Undo = [];
    const interceptor = createInterceptor(w, isBlocked, sinks, child ? undefined : inserted);
    guardRequests(w, isBlocked, undo);
    guardStyles(w, isBlocked, undo);
    if (child) guardNavigation(w, isBlocked, undo);
    guarded.push({
      parsed: interceptor.parsed,
      update: interceptor.update,
      destroy() {
        interceptor.destroy();
        undo.forEach((f) => f());
      },
    });
    return guardFrames(w, isBlocked, undo, (c) => guard(c, true));
  };
  const frames = guard(win, false)!;
  const top = guarded[0]!;

  return {
    parsed(n) {
      top.parsed(n);
      if ((n as Element).localName) frames(n as Element);
    },
    update: () => guarded.forEach((r) => r.update()),
    destroy: () => guarded.forEach((r) => r.destroy()),
  };
}
