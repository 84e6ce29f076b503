// WCAG 2.4.11 Focus Not Obscured (CONTRACT §8): while the banner is shown, a page
// element that gets keyboard focus is moved clear of it. The page is scrolled
// first; where that cannot help (a fixed element, the end of a short page) the
// banner docks at the other edge of the viewport, and a box too tall for that
// lies along the bottom like the bar.
//
// NOTE: the browser's own scroll-into-view on focus ignores our overlay, and
// `scroll-padding` adds no room past the end of the page, hence the spacer.

import { overlaps } from '../shell/overlaps';

// 'bar': a centred box that nothing fits beside lies along the bottom as the bar does.
type Dock = '' | 'bottom' | 'top' | 'bar';

export interface FocusClear {
  /** The banner now shown, or null when it is not. */
  sync(banner: HTMLElement | null): void;
  destroy(): void;
}

const GAP = 8;

export function createFocusClear(doc: Document, host: Element): FocusClear {
  const win = doc.defaultView!;
  let banner: HTMLElement | null = null;
  // Room to scroll the last page elements above a bottom banner; added only when needed.
  let spacer: HTMLElement | null = null;

  const rect = (el: Element) => el.getBoundingClientRect();
  // Behind the banner, or out of view (the browser does not scroll to an iframe that takes focus).
  const covered = (el: Element) => {
    const a = rect(el);
    const b = rect(banner!);
    // NOTE: an element with no box (and every element in jsdom) is nothing to see.
    return (a.width || a.height) > 0 && (overlaps(a, b) || a.bottom <= 0 || a.top >= win.innerHeight);
  };

  /** Scrolls the page so `el` sits in the viewport outside the banner, where it fits. */
  const scrollClear = (el: Element) => {
    const a = rect(el);
    const b = rect(banner!);
    // The free bands above and below the banner, nearest first.
    const bands = [[0, b.top], [b.bottom, win.innerHeight]]
      .filter(([top, bottom]) => bottom - top >= a.height + 2 * GAP)
      .map(([top, bottom]) => (a.top < top + GAP ? a.top - top - GAP : a.bottom > bottom - GAP ? a.bottom - bottom + GAP : 0))
      .sort((x, y) => Math.abs(x) - Math.abs(y));
    if (bands.length) win.scrollBy({ top: bands[0]!, behavior: 'instant' });
  };

  const makeRoom = () => {
    if (!spacer) {
      spacer = doc.createElement('kakor-spacer');
      spacer.setAttribute('aria-hidden', 'true');
    }
    // A CSSOM write, not a style attribute, so `style-src 'self'` allows it.
    spacer.style.cssText = `display:block;height:${rect(banner!).height + GAP}px`;
    if (!spacer.isConnected) doc.body.append(spacer);
  };

  /** `el` is what has focus: inside a component's open shadow root, the control itself. */
  const clear = (el: EventTarget | undefined) => {
    if (!banner || !(el instanceof win.Element) || host.contains(el) || !covered(el)) return;
    makeRoom();
    for (const dock of ['', 'bottom', 'top', 'bar'] as Dock[]) {
      banner.dataset.dock = dock;
      scrollClear(el);
      if (!covered(el)) return;
    }
    banner.dataset.dock = '';
    scrollClear(el);
  };
  const onFocus = (e: FocusEvent) => clear(e.composedPath()[0]);
  // Focus moving into an iframe fires no focusin here, only a blur of this window.
  const onBlur = () => setTimeout(() => {
    const frame = doc.activeElement;
    if (frame && /^i?frame$/.test(frame.localName)) clear(frame);
  });
  doc.addEventListener('focusin', onFocus);
  win.addEventListener('blur', onBlur);

  const removeSpacer = () => spacer && spacer.remove();
  return {
    sync(next) {
      if (!next) removeSpacer();
      banner = next;
    },
    destroy() {
      doc.removeEventListener('focusin', onFocus);
      win.removeEventListener('blur', onBlur);
      removeSpacer();
    },
  };
}
