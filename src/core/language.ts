// Which language the UI speaks (CONTRACT §8): the option, then <html lang>,
// then the browser's languages, then the manifest's defaultLanguage.
import type { Lang } from './types';

const pick = (tag: string | null): Lang | undefined => {
  const base = (tag || '').toLowerCase().split(/[-_]/)[0];
  return base === 'sv' || base === 'en' ? base : undefined;
};

export function resolveLanguage(
  option: Lang | 'auto' | undefined, doc: Document, languages: readonly string[], fallback: Lang,
): Lang {
  if (option === 'sv' || option === 'en') return option;
  for (const tag of [doc.documentElement.getAttribute('lang'), ...languages]) {
    const lang = pick(tag);
    if (lang) return lang;
  }
  return fallback;
}
