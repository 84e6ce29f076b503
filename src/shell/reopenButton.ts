// The floating button that reopens the preferences after a decision (CONTRACT §8),
// in plain DOM so a decided visitor's page needs no dialog file (issue 11), and
// the few style rules it needs; the dialog file adds its own sheet beside them.

import { overlaps } from './overlaps';
import { addSheet, createSheet } from './styleRoot';

// The dialog's colour variables (src/ui/styles.ts) and the button's own rules,
// so the button looks the same before and after the dialog file is there.
const css = `:host{all:initial;color-scheme:inherit;--b:var(--kakor-bg,#fff);--f:var(--kakor-fg,#1c1c21)}\
@supports(color:light-dark(#000,#fff)){:host{--b:var(--kakor-bg,light-dark(#fff,#1f2026));--f:var(--kakor-fg,light-dark(#1c1c21,#f2f2f5))}}\
.fb{position:fixed;z-index:var(--kakor-z-index,2147483000);left:16px;bottom:16px;box-sizing:border-box;width:48px;height:48px;margin:0;padding:12px;border:0;border-radius:50%;cursor:pointer;background:var(--f);color:var(--b);box-shadow:0 0 0 2px var(--b),0 2px 12px #0006}\
.fb:focus-visible{outline:3px solid var(--kakor-focus,var(--f));outline-offset:2px}.right{left:auto;right:16px}.away{visibility:hidden}`;

// The crumbs wind clockwise against the counter-clockwise outline, so the default
// nonzero fill leaves them as holes.
const ICON = 'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5M8 10a2 2 0 1 1 0 4 2 2 0 1 1 0-4m7 4a2 2 0 1 1 0 4 2 2 0 1 1 0-4';
const SVG = 'http://www.w3.org/2000/svg';

/**
 * The button (class `f`: where focus goes back when what held it closes), styled in
 * `root` through adoptedStyleSheets, so `style-src 'self'` needs no 'unsafe-inline'.
 * Class `right` puts it in the other corner, `away` hides it (stepAside).
 */
export function createReopenButton(doc: Document, root: ShadowRoot, onClick: () => void): HTMLButtonElement {
  addSheet(root, createSheet(css), css);
  const button = doc.createElement('button');
  button.className = 'fb f';
  button.setAttribute('part', 'reopen');
  const svg = button.appendChild(doc.createElementNS(SVG, 'svg'));
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'currentColor');
  svg.setAttribute('aria-hidden', 'true');
  svg.appendChild(doc.createElementNS(SVG, 'path')).setAttribute('d', ICON);
  button.addEventListener('click', onClick);
  return button;
}

/**
 * WCAG 2.4.11 Focus Not Obscured (CONTRACT §8): when a page element that takes focus
 * lies under the button, the button moves to the other bottom corner, and where it
 * would cover the element there too (a full-width one), it hides until focus moves on.
 */
export function stepAside(button: HTMLButtonElement, focused: Element): void {
  button.classList.remove('away');
  const at = focused.getBoundingClientRect();
  if (!overlaps(at, button.getBoundingClientRect())) return;
  button.classList.toggle('right');
  if (overlaps(at, button.getBoundingClientRect())) button.classList.add('away');
}
