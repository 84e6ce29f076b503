// The dialog's built-in Swedish and English texts, and how a manifest's
// `texts[lang][key]` overrides them (CONTRACT §2). Category titles and
// descriptions are not here: the core's manifest resolver owns those.
import type { Lang, TextOverrides } from '../core/index';

const sv = {
  bannerTitle: 'Vi använder cookies',
  bannerText: 'Vi använder cookies för att webbplatsen ska fungera och, om du säger ja, för {purposes}. Du kan ändra eller återkalla ditt val när som helst under Cookieinställningar.',
  policyLink: 'Läs vår integritetspolicy',
  acceptAll: 'Godkänn alla',
  rejectAll: 'Neka alla',
  customise: 'Anpassa',
  settings: 'Cookieinställningar',
  preferencesText: 'Välj vilka cookies vi får använda. Nödvändiga cookies går inte att stänga av, för utan dem fungerar inte webbplatsen.',
  save: 'Spara mina val',
  close: 'Stäng',
  alwaysOn: 'Alltid på',
  cookieName: 'Namn',
  provider: 'Leverantör',
  purpose: 'Syfte',
  duration: 'Lagringstid',
  sessionDuration: 'Tills du stänger webbläsaren',
  privacyPolicy: 'Integritetspolicy',
  placeholderText: '{name} kan spara cookies i din webbläsare. Därför visar vi innehållet först när du har godkänt det.',
  placeholderButton: 'Tillåt {name}',
  and: 'och',
};

export type Texts = Record<keyof typeof sv, string>;

const en: Texts = {
  bannerTitle: 'We use cookies',
  bannerText: 'We use cookies to make the site work and, if you say yes, for {purposes}. You can change or withdraw your choice at any time under Cookie settings.',
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
  sessionDuration: 'Until you close your browser',
  privacyPolicy: 'Privacy policy',
  placeholderText: '{name} may store cookies in your browser, so we only show this content once you allow it.',
  placeholderButton: 'Allow {name}',
  and: 'and',
};

/** The texts for `lang`, with the manifest's overrides for that language on top. */
export function textsFor(lang: Lang, overrides: TextOverrides): Texts {
  // Every override is a string (the manifest check fails on anything else), rendered as text (CONTRACT §8).
  return { ...(lang == 'en' ? en : sv), ...overrides[lang] };
}

/** Fills `{name}` or `{purposes}` in a text; a function replacer so `$&` in a value stays literal. */
export const fill = (text: string, key: 'name' | 'purposes', value: string): string => text.replace(`{${key}}`, () => value);

/** "statistik och marknadsföring": the titles of the categories a visitor can say yes to, as one phrase. */
export const listPurposes = (titles: string[], t: Texts): string => {
  const words = titles.map((title) => title.toLowerCase());
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${t.and} ${words[words.length - 1]}` : words.join('');
};
