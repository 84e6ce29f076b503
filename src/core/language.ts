// Which language the UI speaks (CONTRACT §8): the option, then <html lang>,
// then the browser's languages, then the manifest's defaultLanguage.
import type { Lang } from './types';

export function resolveLanguage(
  option: Lang | 'auto' | undefined, doc: Document, languages: readonly string[], fallback: Lang,
): Lang {
  if (option === 'sv' || option === 'en') return option;
  for (const tag of [doc.documentElement.getAttribute('lang'), ...languages]) {
    const base = (tag || '').toLowerCase().split(/[-_]/)[0];
    if (base === 'sv' || base === 'en') return base;
  }
  return fallback;
}
