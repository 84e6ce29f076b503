// CSS that script hands the browser as text, where it can reach a vendor
// (CONTRACT §5.3): `FontFace` sources and the rules of `CSSStyleSheet.insertRule`,
// `replace` and `replaceSync`. A blocked `url()` or `@import` becomes a dead URL:
// the font or image fails as on a network error, everything else is untouched.
import { blockedUrl, deadUrl, type IsBlocked } from './requests';
import { swap, swapConstructor, type Undo } from './swap';

// url(x), url('x'), url("x") and @import "x": every way CSS names a URL but image-set()'s bare strings.
const CSS_URL = /(url\(\s*)(['"]?)((?:\\.|[^\\])*?)\2(\s*\))|(@import\s+)(['"])((?:\\.|[^\\])*?)\6/gi;
/** CSS escapes (`\2e`, `\.`) decoded, so an escaped host is matched like a plain one. */
const unescapeCss = (s: string) =>
  s.replace(/\\([\da-f]{1,6}\s?|[^])/gi, (_, e: string) => (/^[\da-f]/i.test(e) ? String.fromCodePoint(parseInt(e, 16)) : e));

/** Patches FontFace and the stylesheet methods of `win`; the undo goes into `undo`. */
export function guardStyles(win: Window, isBlocked: IsBlocked, undo: Undo): void {
  const w = win as Window & typeof globalThis;
  const blocked = blockedUrl(win, isBlocked);
  const dead = deadUrl(win);
  const clean = (css: unknown) => (typeof css != 'string' ? css : css.replace(CSS_URL,
    (all, open, q, url, close, at, q2, url2) => {
      if (!blocked(unescapeCss(at ? url2 : url))) return all;
      return at ? `${at}${q2}${dead()}${q2}` : `${open}${q}${dead()}${q}${close}`;
    }));

  // A source is CSS text (`url(…) format(…)`, local()) or a buffer, which has no URL.
  swapConstructor(undo, w, 'FontFace', (a) => [a[0], clean(a[1]), ...a.slice(2)]);
  for (const proto of [w.CSSStyleSheet.prototype, w.CSSGroupingRule && w.CSSGroupingRule.prototype]) {
    swap<(rule: string, index?: number) => number>(undo, proto, 'insertRule', (orig) => function (this: unknown, rule, ...rest) {
      return orig.call(this, clean(rule) as string, ...rest);
    });
  }
  for (const name of ['replace', 'replaceSync']) {
    swap<(text: string) => unknown>(undo, w.CSSStyleSheet.prototype, name, (orig) => function (this: unknown, text) {
      return orig.call(this, clean(text) as string);
    });
  }
}
