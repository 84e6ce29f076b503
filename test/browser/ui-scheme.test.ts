// Colour scheme and non-text contrast (CONTRACT §8, WCAG 1.4.11), and focus after a
// placeholder's button (2.4.3): what axe cannot check, measured in Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, visit } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const PAGES = { light: '/examples/script-tag/', dark: '/test/browser/pages/ui/dark.html', auto: '/test/browser/pages/ui/auto.html' };

async function open(path: string, os: 'light' | 'dark') {
  const v = await openPage(browser);
  await v.page.emulateMedia({ colorScheme: os, reducedMotion: 'reduce' });
  await visit(v.page, path);
  return v;
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((x) => {
      const s = Number(x) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Presses Tab until the focused control in kakor's shadow root is named `name`. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.querySelector('kakor-dialog')!.shadowRoot!.activeElement;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (at === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** The focused kakor control's fill and ring, and the opaque page colour behind it. */
const focusedColours = (page: Page) => page.evaluate(() => {
  const host = document.querySelector('kakor-dialog')!;
  const el = host.shadowRoot!.activeElement as HTMLElement;
  const r = el.getBoundingClientRect();
  // What lies under the control's edge once kakor's own layer is out of the way.
  const under = document.elementsFromPoint(r.left - 4, r.top + r.height / 2).find((e) => !host.contains(e) && e !== host);
  let behind = 'rgb(255, 255, 255)';
  for (let e: Element | null = under ?? document.documentElement; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (!/rgba\(.*, 0\)|transparent/.test(bg)) { behind = bg; break; }
  }
  const style = getComputedStyle(el);
  return { fill: style.backgroundColor, ring: style.outlineColor, ringStyle: style.outlineStyle, behind };
});

describe('the dialog follows the page\'s declared colour scheme', () => {
  const cases = [
    { page: 'light', os: 'dark', want: 'light' }, // a page that declares nothing stays light
    { page: 'light', os: 'light', want: 'light' },
    { page: 'dark', os: 'light', want: 'dark' },
    { page: 'auto', os: 'dark', want: 'dark' },
    { page: 'auto', os: 'light', want: 'light' },
  ] as const;
  for (const c of cases) {
    it(`${c.page} page, ${c.os} system: ${c.want} dialog`, async () => {
      const v = await open(PAGES[c.page], c.os);
      try {
        const bg = await v.page.evaluate(() =>
          getComputedStyle(document.querySelector('kakor-dialog')!.shadowRoot!.querySelector('[part=banner]')!).backgroundColor);
        const luminous = contrast(bg, 'rgb(0, 0, 0)') > contrast(bg, 'rgb(255, 255, 255)');
        expect(luminous ? 'light' : 'dark').toBe(c.want);
      } finally {
        await v.close();
      }
    });
  }
});

describe('the dialog follows the page\'s colour scheme as it changes', () => {
  it('switches with a dark-mode toggle on the page, and with the visitor\'s setting on a "light dark" page, banner and reopen button alike', async () => {
    const v = await open(PAGES.light, 'dark');
    try {
      const schemes = () => v.page.evaluate(() => {
        const root = document.querySelector('kakor-dialog')!.shadowRoot!;
        const of = (el: Element | null) => {
          if (!el) return null;
          const [r, g, b] = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number);
          return r! + g! + b! > 382 ? 'light' : 'dark';
        };
        return { banner: of(root.querySelector('[part=banner]')), reopen: of(root.querySelector('[part=reopen]')) };
      });
      expect((await schemes()).banner).toBe('light');
      // The page's own toggle: no event of kakor's is involved.
      await v.page.evaluate(() => { document.documentElement.style.colorScheme = 'dark'; });
      expect((await schemes()).banner).toBe('dark');
      await v.page.evaluate(() => window.kakor.rejectAll());
      await v.page.locator('kakor-dialog').getByRole('button', { name: 'Cookieinställningar' }).waitFor();
      // The reopen button is drawn as the dialog's foreground: light on a dark page.
      expect((await schemes()).reopen).toBe('light');
      await v.page.evaluate(() => { document.documentElement.style.colorScheme = 'light dark'; });
      await v.page.emulateMedia({ colorScheme: 'light' });
      expect((await schemes()).reopen).toBe('dark');
    } finally {
      await v.close();
    }
  });
});

describe('contrast of what sits on the page: at least 3:1 against what is behind it', () => {
  for (const page of ['light', 'dark'] as const) {
    for (const os of ['light', 'dark'] as const) {
      it(`floating button and its focus ring, ${page} page, ${os} system`, async () => {
        const v = await open(PAGES[page], os);
        try {
          await v.page.evaluate(() => window.kakor.rejectAll());
          await tabTo(v.page, 'Cookieinställningar');
          const c = await focusedColours(v.page);
          expect(c.ringStyle).toBe('solid');
          expect(contrast(c.fill, c.behind)).toBeGreaterThanOrEqual(3);
          expect(contrast(c.ring, c.behind)).toBeGreaterThanOrEqual(3);
        } finally {
          await v.close();
        }
      });
    }
  }

  for (const os of ['light', 'dark'] as const) {
    it(`focus rings and switches inside the dialog, ${os}`, async () => {
      const v = await open(os === 'dark' ? PAGES.dark : PAGES.light, os);
      try {
        await v.page.evaluate(() => window.kakor.showPreferences());
        await v.page.locator('kakor-dialog').getByRole('switch', { name: 'Statistik' }).click();
        await tabTo(v.page, 'Statistik');
        const ring = await v.page.evaluate(() => {
          const root = document.querySelector('kakor-dialog')!.shadowRoot!;
          const el = root.activeElement as HTMLElement;
          const dialog = root.querySelector('[role=dialog]')!;
          const on = root.querySelector('[role=switch][aria-checked=true]:not([aria-disabled])')!;
          const off = root.querySelector('[role=switch][aria-checked=false]')!;
          return {
            ring: getComputedStyle(el).outlineColor, bg: getComputedStyle(dialog).backgroundColor,
            on: getComputedStyle(on).backgroundColor, off: getComputedStyle(off).backgroundColor,
          };
        });
        expect(contrast(ring.ring, ring.bg)).toBeGreaterThanOrEqual(3);
        expect(contrast(ring.off, ring.bg)).toBeGreaterThanOrEqual(3);
        expect(contrast(ring.on, ring.bg)).toBeGreaterThanOrEqual(3);
      } finally {
        await v.close();
      }
    });
  }
});

describe('focus after a placeholder grants its service (2.4.3)', () => {
  it('moves to the released iframe, not to <body>', async () => {
    const v = await open('/examples/iframes/', 'light');
    try {
      await v.page.evaluate(() => window.kakor.hide());
      const button = v.page.locator('kakor-placeholder').first().getByRole('button', { name: 'Tillåt YouTube' });
      await button.focus();
      await v.page.keyboard.press('Enter');
      await v.page.waitForFunction(() => window.kakor.hasConsent('youtube'));
      const focused = await v.page.evaluate(() => {
        const el = document.activeElement!;
        return el.localName === 'iframe' ? (el as HTMLIFrameElement).src : el.localName;
      });
      expect(focused).toContain('youtube');
    } finally {
      await v.close();
    }
  });
});
