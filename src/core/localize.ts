// Picks the text for a language out of a LocalText (CONTRACT §2).
import type { LocalText } from './types';

/** The text in `lang`, else in `fallback`, else the first one given; '' for none. */
export function localize(text: LocalText | undefined, lang: string, fallback = 'en'): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return [text[lang], text[fallback], Object.values(text)[0], ''].find((t) => t != null)!;
}
