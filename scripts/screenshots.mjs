// `npm run screenshots`: the dialog as a visitor sees it, desktop and 320px wide,
// Swedish and English, light and dark, banner (bar and box), preferences and iframe placeholders, into
// screenshots/ (git-ignored). Needs `npm run build` first.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startServer } from '../examples/server.mjs';

const OUT = new URL('../screenshots/', import.meta.url);
const sizes = { desktop: { width: 1280, height: 800 }, mobile: { width: 320, height: 640 } };
const pages = { bar: '/examples/script-tag/', box: '/test/browser/pages/ui/box.html', placeholders: '/examples/iframes/' };

await mkdir(OUT, { recursive: true });
const server = await startServer({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: process.env.KAKOR_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});

const shots = [];
try {
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const lang of ['sv', 'en']) {
        for (const [layout, path] of Object.entries(pages)) {
          await context.clearCookies();
          await page.goto(server.origin + path, { waitUntil: 'networkidle' });
          await page.evaluate(async (l) => { await window.kakor.ready; window.kakor.setLanguage(l); }, lang);
          const name = (view) => `${size}-${colorScheme}-${lang}-${view}.png`;
          if (layout == 'placeholders') {
            await page.evaluate(() => window.kakor.hide());
            await page.locator('kakor-placeholder').first().scrollIntoViewIfNeeded();
          }
          await page.screenshot({ path: new URL(name(layout), OUT).pathname });
          shots.push(name(layout));
          if (layout != 'bar') continue;
          await page.evaluate(() => window.kakor.showPreferences());
          await page.screenshot({ path: new URL(name('preferences'), OUT).pathname });
          // The first optional category expanded: its services and cookie table.
          await page.locator('kakor-dialog button[aria-expanded]').nth(1).click();
          await page.screenshot({ path: new URL(name('preferences-open'), OUT).pathname });
          await page.keyboard.press('Escape');
          await page.locator('kakor-dialog').getByRole('button', { name: /Neka alla|Reject all/ }).click();
          await page.screenshot({ path: new URL(name('reopen'), OUT).pathname });
          shots.push(name('preferences'), name('preferences-open'), name('reopen'));
        }
      }
      await context.close();
    }
  }
  // Each shipped theme file on the bar banner and the preferences, 320px wide.
  const context = await browser.newContext({ viewport: sizes.mobile, reducedMotion: 'reduce' });
  const page = await context.newPage();
  for (const theme of ['light', 'dark', 'high-contrast']) {
    await context.clearCookies();
    await page.goto(server.origin + pages.bar, { waitUntil: 'networkidle' });
    await page.addStyleTag({ path: new URL(`../themes/${theme}.css`, import.meta.url).pathname });
    await page.evaluate(() => window.kakor.ready);
    await page.screenshot({ path: new URL(`theme-${theme}-banner.png`, OUT).pathname });
    await page.evaluate(() => window.kakor.showPreferences());
    await page.screenshot({ path: new URL(`theme-${theme}-preferences.png`, OUT).pathname });
    shots.push(`theme-${theme}-banner.png`, `theme-${theme}-preferences.png`);
  }
  await context.close();
  console.log(`${shots.length} screenshots in screenshots/`);
} finally {
  await browser.close();
  await server.close();
}
