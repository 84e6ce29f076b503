// The dialog's built-in Swedish and English texts, and how a manifest's
// `texts[lang][key]` overrides them (CONTRACT §2). Category titles and
// descriptions are not here: the core's manifest resolver owns those.
import type { Lang, TextOverrides } from '../core/index';

const sv = {
  bannerTitle: 'Vi använder cookies',
  bannerText: 'Vissa cookies behövs för att webbplatsen ska fungera. Andra, till exempel för statistik, använder vi bara om du säger ja. Du kan ändra dig när du vill.',
  policyLink: 'Läs vår integritetspolicy',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Neka alla',
  customise: 'Anpassa',
  settings: 'Cookie-inställningar',
  preferencesText: 'Välj vilka cookies vi får använda. Nödvändiga cookies går inte att stänga av, för utan dem fungerar inte webbplatsen.',
  save: 'Spara mina val',
  close: 'Stäng',
  alwaysOn: 'Alltid på',
  cookieName: 'Namn',
  provider: 'Leverantör',
  purpose: 'Syfte',
  duration: 'Lagringstid',
  privacyPolicy: 'Integritetspolicy',
  placeholderText: '{name} kan spara cookies i din webbläsare. Därför visar vi innehållet först när du har godkänt det.',
  placeholderButton: 'Tillåt {name}',
};

export type Texts = Record<keyof typeof sv, string>;

const en: Texts = {
  bannerTitle: 'We use cookies',
  bannerText: 'Some cookies are needed for the site to work. Others, for example for statistics, we only use if you say yes. You can change your mind at any time.',
  policyLink: 'Read our privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customise: 'Customise',
  settings: 'Cookie settings',
  preferencesText: 'Choose which cookies we may use. Necessary cookies cannot be switched off, because the site does not work without them.',
  save: 'Save my choices',
  close: 'Close',
  alwaysOn: 'Always on',
  cookieName: 'Name',
  provider: 'Provider',
  purpose: 'Purpose',
  duration: 'Duration',
  privacyPolicy: 'Privacy policy',
  placeholderText: '{name} may store cookies in your browser, so we only show this content once you allow it.',
  placeholderButton: 'Allow {name}',
};

/** The texts for `lang`, with the manifest's overrides for that language on top. */
export function textsFor(lang: Lang, overrides: TextOverrides): Texts {
  // Every override is a string (the manifest check fails on anything else), rendered as text (CONTRACT §8).
  return { ...(lang == 'en' ? en : sv), ...overrides[lang] };
}

/** Fills `{name}` in a text; a function replacer so `$&` in a name stays literal. */
export const withName = (text: string, name: string): string => text.replace('{name}', () => name);
