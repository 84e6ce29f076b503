// Built-in titles and descriptions of the well-known categories (CONTRACT §2),
// written for the visitor: what switching each on means for them.
import type { LocalText } from '../types';

export const wellKnownCategories: { [id: string]: { title: LocalText; description: LocalText } } = {
  necessary: {
    title: { sv: 'Nödvändiga', en: 'Necessary' },
    description: {
      sv: 'Behövs för att sidan ska fungera, till exempel inloggning, varukorg och ditt cookieval. Kan inte stängas av.',
      en: 'Needed for the site to work, such as logging in, the cart and remembering this choice. Always on.',
    },
  },
  preferences: {
    title: { sv: 'Inställningar', en: 'Preferences' },
    description: {
      sv: 'Kommer ihåg dina val, som språk och region, så att du slipper göra om dem.',
      en: 'Remember your choices, such as language and region, so you don\u2019t have to make them again.',
    },
  },
  analytics: {
    title: { sv: 'Statistik', en: 'Analytics' },
    description: {
      sv: 'Visar oss hur sidan används, så att vi kan göra den bättre. Vi ser inte vem du är.',
      en: 'Show us how the site is used so we can improve it. We don\u2019t see who you are.',
    },
  },
  marketing: {
    title: { sv: 'Marknadsföring', en: 'Marketing' },
    description: {
      sv: 'Låter oss och våra partner visa annonser som passar dig och mäta hur de fungerar, även på andra sajter.',
      en: 'Let us and our partners show ads that suit you and measure how they work, also on other sites.',
    },
  },
};
