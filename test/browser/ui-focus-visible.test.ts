// WCAG 2.4.11 Focus Not Obscured (CONTRACT §8): while the banner is shown, a page
// element that has keyboard focus is never hidden behind it, wholly or in part.
// Tabs through every example page with the banner open, both layouts, desktop and 320px,
// and after a decision with the floating reopen button shown.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, visit } from './harness';

// The bar-and-panel pages, the shop's footer, placeholders and raw iframes: inline-manifest/
// and consent-mode/ have script-tag/'s layout.
const PAGES = ['/examples/script-tag/', '/examples/woocommerce-shop/', '/examples/iframes/', '/examples/injected-scripts/'];
const SIZES = [{ width: 1280, height: 800 }, { width: 320, height: 640 }];

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/**
 * Presses Tab until focus has gone round the page once and returns, for each page
 * element that got focus, how it overlapped kakor's `part` (the banner, or the
 * floating button while it is visible).
 */
async function tabThroughPage(page: Page, part: 'banner' | 'reopen' = 'banner'): Promise<string[]> {
  const hidden: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(async (part) => {
      // Focus moving into an iframe is handled after the window's blur event.
      await new Promise((ok) => setTimeout(ok, 20));
      let el = document.activeElement;
      if (!el || el === document.body || el.localName === 'kakor-dialog') return null;
      // In a component's shadow root (the iframe placeholders), what has focus is the control inside.
      while (el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      const banner = document.querySelector('kakor-dialog')!.shadowRoot!.querySelector(`[part=${part}]`);
      if (!banner) return { key: 'gone', hidden: '' };
      const a = el.getBoundingClientRect();
      const b = banner.getBoundingClientRect();
      const overlap = banner.checkVisibility({ visibilityProperty: true })
        && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      // Out of view: the banner scrolls a focused iframe into view (focusClear.ts); the button has no part in that.
      const off = part === 'banner' && (a.bottom <= 0 || a.top >= innerHeight);
      const name = `${el.localName} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
      return { key: name + a.left + ',' + (a.top + scrollY), hidden: overlap || off ? `${name} at ${Math.round(a.left)},${Math.round(a.top)} behind ${part} ${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.bottom)}` : '' };
    }, part);
    if (!r) continue;
    if (r.key === 'gone') throw new Error(`the ${part} went away while tabbing`);
    if (seen.has(r.key)) break;
    seen.add(r.key);
    if (r.hidden) hidden.push(r.hidden);
  }
  expect(seen.size).toBeGreaterThan(0);
  return hidden;
}

/** Serves the page with kakor's script tag asking for the box layout. */
async function asBox(page: Page) {
  await page.route((url) => url.pathname.endsWith('/'), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<script src="/dist/kakor.js"', '<script data-layout="box" src="/dist/kakor.js"');
    await route.fulfill({ response, body: html });
  });
}

describe('focus is never hidden behind the banner (2.4.11)', () => {
  for (const layout of ['bar', 'box']) for (const size of SIZES) {
    for (const path of PAGES) {
      it(`${path} at ${size.width}×${size.height}, ${layout}`, async () => {
        const v = await openPage(browser);
        try {
          await v.page.setViewportSize(size);
          if (layout === 'box') await asBox(v.page);
          await visit(v.page, path);
          if (layout === 'box') expect(await v.page.locator('kakor-dialog [part=banner]').getAttribute('class')).toContain('bx');
          expect(await tabThroughPage(v.page)).toEqual([]);
        } finally {
          await v.close();
        }
      });
    }
  }
});

describe('focus is never hidden behind the floating button (2.4.11)', () => {
  for (const size of SIZES) for (const path of PAGES) {
    it(`${path} at ${size.width}×${size.height}`, async () => {
      const v = await openPage(browser);
      try {
        await v.page.setViewportSize(size);
        await visit(v.page, path);
        await v.page.evaluate(() => window.kakor.rejectAll());
        await v.page.locator('kakor-dialog [part=reopen]').waitFor();
        expect(await tabThroughPage(v.page, 'reopen')).toEqual([]);
      } finally {
        await v.close();
      }
    });
  }
});
