// Built-in titles and descriptions of the well-known categories (CONTRACT §2),
// written for the visitor: what switching each on means for them.
import type { LocalText, ResolvedManifest } from '../types';

export const wellKnownCategories: { [id: string]: { title: LocalText; description: LocalText } } = {
  necessary: {
    title: { sv: 'Nödvändiga', en: 'Necessary' },
    description: {
      sv: 'Behövs för att webbplatsen ska fungera, till exempel för inloggning, varukorg och ditt cookieval. Kan inte stängas av.',
      en: 'Needed for the site to work, such as logging in, the cart and remembering this choice. Always on.',
    },
  },
  preferences: {
    title: { sv: 'Funktionalitet', en: 'Preferences' },
    description: {
      sv: 'Kommer ihåg dina val, till exempel språk och region, så att du slipper göra om dem.',
      en: 'Remembers your choices, such as language and region, so you don\u2019t have to make them again.',
    },
  },
  analytics: {
    title: { sv: 'Statistik', en: 'Analytics' },
    description: {
      sv: 'Hjälper oss att förstå hur webbplatsen används, så att vi kan göra den bättre.',
      en: 'Helps us understand how the site is used, so that we can improve it.',
    },
  },
  marketing: {
    title: { sv: 'Marknadsföring', en: 'Marketing' },
    description: {
      sv: 'Låter oss och våra partner visa annonser som passar dig och mäta hur de fungerar, även på andra webbplatser.',
      en: 'Lets us and our partners show ads that suit you and measure how they work, also on other sites.',
    },
  },
};

/**
 * Gives each well-known category without texts of its own kakor's, in `m` itself
 * (so `getManifest()` has them too), and returns `m`: the lean check leaves them
 * out, and the full check and the dialog fill them in here.
 */
export function withCategoryTexts(m: ResolvedManifest): ResolvedManifest {
  // Own keys only, though the check already refused `toString` and the like as ids.
  const known = (id: string) => Object.prototype.hasOwnProperty.call(wellKnownCategories, id) ? wellKnownCategories[id] : undefined;
  if (m.categories.some((c) => c.title === undefined || c.description === undefined)) m.categories = m.categories.map((c) => ({ ...known(c.id), ...c }));
  return m;
}
