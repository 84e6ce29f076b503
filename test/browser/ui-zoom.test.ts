// The dialog at 400% zoom (320×256 CSS px) and at 320px (CONTRACT §8, WCAG 1.4.10):
// every control reachable by keyboard and visible when focused, "Neka alla" as
// easily as "Godkänn alla"; the cookie tables fit and no cookie name is broken.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, visit } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** The focused control in kakor's shadow root: its name, and whether it is the topmost thing at its centre. */
const focused = (page: Page) => page.evaluate(() => {
  const root = document.querySelector('kakor-dialog')!.shadowRoot!;
  const el = root.activeElement as HTMLElement | null;
  if (!el) return { name: '', visible: false };
  // A link that wraps has several boxes: its first one must be in view.
  const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const inView = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
  const top = inView ? root.elementFromPoint(x, y) : null;
  return { name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), visible: !!top && el.contains(top) };
});

/** Tabs until `name` has focus, checking that every control of kakor's passed on the way was visible. */
async function tabTo(page: Page, name: string) {
  const hidden: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.name && !f.visible) hidden.push(f.name);
    if (f.name === name) return hidden;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Expands every category of the preferences. */
async function expandAll(page: Page) {
  const closed = page.locator('kakor-dialog button[aria-expanded=false]');
  while (await closed.count()) await closed.first().click();
}

describe('at 400% zoom (320×256)', () => {
  it('reaches and activates "Neka alla" in the banner and in the preferences by keyboard, every control in view when focused', async () => {
    const v = await openPage(browser);
    try {
      await v.page.setViewportSize({ width: 320, height: 256 });
      await visit(v.page, '/examples/script-tag/');
      expect(await tabTo(v.page, 'Godkänn alla')).toEqual([]);
      expect(await tabTo(v.page, 'Neka alla')).toEqual([]);
      expect(await tabTo(v.page, 'Anpassa')).toEqual([]);
      await v.page.keyboard.press('Enter');
      await v.page.waitForFunction(() => window.kakor.getView() === 'preferences');
      // Expanding every category makes the dialog as long as it gets.
      await expandAll(v.page);
      expect(await tabTo(v.page, 'Godkänn alla')).toEqual([]);
      expect(await tabTo(v.page, 'Neka alla')).toEqual([]);
      await v.page.keyboard.press('Enter');
      await v.page.waitForFunction(() => window.kakor.getConsent().decided);
      expect(await v.page.evaluate(() => window.kakor.hasConsent('analytics'))).toBe(false);
    } finally {
      await v.close();
    }
  });
});

describe('cookie tables at 320px', () => {
  for (const path of ['/examples/script-tag/', '/examples/woocommerce-shop/']) {
    it(`${path}: every table fits the dialog and no cookie name is broken over two lines`, async () => {
      const v = await openPage(browser);
      try {
        await v.page.setViewportSize({ width: 320, height: 640 });
        await visit(v.page, path);
        await v.page.evaluate(() => window.kakor.showPreferences());
        await expandAll(v.page);
        const problems = await v.page.evaluate(() => {
          const root = document.querySelector('kakor-dialog')!.shadowRoot!;
          const dialog = root.querySelector('[role=dialog]')!.getBoundingClientRect();
          const out: string[] = [];
          const tables = root.querySelectorAll('table');
          if (!tables.length) out.push('no table');
          for (const table of tables) {
            const r = table.getBoundingClientRect();
            if (r.right > dialog.right || r.left < dialog.left) out.push(`table ${Math.round(r.left)}–${Math.round(r.right)} outside the dialog`);
            for (const cell of table.querySelectorAll('td, th')) {
              const c = cell.getBoundingClientRect();
              if (c.right > dialog.right) out.push(`cell "${cell.textContent}" cut at the dialog edge`);
            }
          }
          // A cookie name (and a third-party cookie's domain) is never broken over two lines.
          for (const text of root.querySelectorAll('td.cn')) {
            for (const node of text.childNodes) {
              if (node.nodeType !== 3) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const lines = new Set([...range.getClientRects()].map((q) => Math.round(q.top)));
              if (lines.size > 1) out.push(`"${node.textContent}" breaks over ${lines.size} lines`);
            }
          }
          return out;
        });
        expect(problems).toEqual([]);
      } finally {
        await v.close();
      }
    });
  }
});
