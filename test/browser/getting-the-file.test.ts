// The README's "Getting the file" as written: a page that loads its own copy of
// kakor.js with the SRI hash from dist/integrity.json works, and a wrong hash is
// refused by the browser. And the npm demo's panel shows the npm instance at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, origin, visit } from './harness';

const root = join(__dirname, '../..');
const integrity: Record<string, string> = JSON.parse(readFileSync(join(root, 'dist/integrity.json'), 'utf8'));
/** The README's tag for a copy of the file, with its `integrity="sha384-…"` placeholder. */
const snippet = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```html\n([\s\S]*?)```/g)]
  .map(([, code]) => code).find((code) => code.includes('integrity="sha384-…"'))!;

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Serves the README's page at /sri/, both files as the copies in /kakor/, the manifest as /cookies.json. */
async function readmePage(page: Page, hash: string): Promise<void> {
  const tag = snippet.replace('sha384-…', hash);
  await page.route(`${origin}/sri/`, (route) => route.fulfill({
    contentType: 'text/html', body: `<!doctype html><html lang="sv"><head>${tag}</head><body><h1>Butiken</h1></body></html>`,
  }));
  await page.route(`${origin}/kakor/kakor*.js`, (route) => route.fulfill({
    contentType: 'text/javascript',
    body: readFileSync(join(root, 'dist', new URL(route.request().url()).pathname.slice('/kakor/'.length)), 'utf8'),
  }));
  await page.route(`${origin}/cookies.json`, (route) => route.fulfill({
    contentType: 'application/json', body: readFileSync(join(root, 'examples/script-tag/cookies.json'), 'utf8'),
  }));
}

describe('a copy of kakor.js with its SRI hash (README: Getting the file)', () => {
  it('runs with the hash from dist/integrity.json and shows the banner', async () => {
    expect(snippet).toContain('src="/kakor/kakor.js"');
    expect(integrity['kakor.js']).toMatch(/^sha384-[\w+/]{64}$/);
    expect(integrity['kakor-ui.js']).toMatch(/^sha384-[\w+/]{64}$/);
    const v = await openPage(browser);
    const asked: string[] = [];
    v.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await readmePage(v.page, integrity['kakor.js']);
    await visit(v.page, '/sri/');
    expect(await v.page.evaluate(() => window.kakor.getView())).toBe('banner');
    // The dialog file comes from the folder of the copy, with the hash kakor.js carries.
    await v.page.locator('kakor-dialog').getByRole('button', { name: 'Godkänn alla' }).waitFor();
    expect(asked.filter((p) => p.startsWith('/kakor/'))).toEqual(['/kakor/kakor.js', '/kakor/kakor-ui.js']);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });

  it('is refused by the browser when the hash is not the file\'s', async () => {
    const v = await openPage(browser);
    await readmePage(v.page, `sha384-${'A'.repeat(64)}`);
    await v.page.goto(`${origin}/sri/`, { waitUntil: 'networkidle' });
    expect(await v.page.evaluate(() => typeof window.kakor)).toBe('undefined');
    expect(v.consoleErrors.join('\n')).toMatch(/integrity/i);
    await v.close();
  });
});

describe('examples/npm-vite', () => {
  it('has the panel describe the npm instance from the first kakor:ready, while the dialog shows', async () => {
    const v = await openPage(browser);
    // Every text the panel shows while kakor's dialog is in the page.
    await v.page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __panelTexts: string[] }).__panelTexts = []);
      new MutationObserver(() => {
        const status = document.querySelector('.kakor-panel .status');
        if (status && document.querySelector('kakor-dialog')) seen.push(status.textContent!);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await visit(v.page, '/examples/npm-vite/');
    await v.page.locator('kakor-dialog').getByRole('button', { name: 'Godkänn alla' }).waitFor();
    const texts = await v.page.evaluate(() => (window as unknown as { __panelTexts: string[] }).__panelTexts);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts).not.toContain('kakor har inte laddats.');
    expect(texts[texts.length - 1]).toBe('Inget val gjort ännu: bara nödvändiga skript får köras.');
    await v.close();
  });
});
