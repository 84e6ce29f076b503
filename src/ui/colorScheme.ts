// Which colour scheme the dialog is drawn in (CONTRACT §8): the page's declared
// one (`color-scheme` on the root element, else `<meta name="color-scheme">`),
// light on a page that declares none, so a light page never gets a dark dialog.
export type Scheme = 'light' | 'dark';

export function pageScheme(doc: Document): Scheme {
  const win = doc.defaultView!;
  const css = win.getComputedStyle(doc.documentElement).colorScheme;
  const meta = doc.querySelector('meta[name=color-scheme]');
  // The root's property wins; `normal` (or no support) leaves it to the meta tag.
  const declared = css && css != 'normal' ? css : (meta && meta.getAttribute('content')) || '';
  if (!/\bdark\b/.test(declared) || /\bonly\s+light\b/.test(declared)) return 'light';
  // "light dark": the page follows the visitor's setting, so the dialog does too.
  return /\blight\b/.test(declared) && !(typeof win.matchMedia == 'function' && win.matchMedia('(prefers-color-scheme: dark)').matches) ? 'light' : 'dark';
}
