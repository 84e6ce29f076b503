// One test of two boxes for what may hide a focused element (WCAG 2.4.11): the
// floating button (reopenButton.ts) and the banner (src/ui/focusClear.ts).

/** Whether the boxes `a` and `b` share any area. */
export const overlaps = (a: DOMRect, b: DOMRect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
