// How kakor styles a shadow root, for the reopen button (src/shell) and the dialog
// (src/ui) alike: one root holds both sheets, each added when its part is made, so
// neither may replace the other's. Through adoptedStyleSheets, so `style-src 'self'`
// needs no 'unsafe-inline'.

/** A constructable sheet of `css`; null where unsupported. */
export function createSheet(css: string): CSSStyleSheet | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}

/** Adds `sheet` (made from `css`) beside what `root` has already. */
export function addSheet(root: ShadowRoot, sheet: CSSStyleSheet | null, css: string): void {
  if (sheet && root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // NOTE: browsers without constructable sheets (Safari < 16.4) get a <style>, which a strict CSP blocks.
  else root.appendChild(document.createElement('style')).textContent = css;
}
