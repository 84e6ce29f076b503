// Two files (issue 11): dist/kakor.js alone for a decided visitor, kakor-ui.js
// fetched with the build's SRI hash when a view must be drawn, and fail closed
// (one error, nothing released, the reopen button tries again) when it cannot be.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser, openPage, origin, reload, vendorRequestsSince, requestMark, vendorRuns, visit, type Visit,
} from './harness';

const root = join(__dirname, '../..');
const uiFile = readFileSync(join(root, 'dist/kakor-ui.js'), 'utf8');
const kakorErrors = (v: Visit) => v.consoleErrors.filter((e) => e.startsWith('kakor:'));
/** Every kakor-ui.js the page asked for, wherever from. */
function uiRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => { if (r.url().includes('kakor-ui.js')) urls.push(r.url()); });
  return urls;
}
const dialog = (page: Page) => page.locator('kakor-dialog');

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(['cdn.example']); });
afterAll(async () => { await browser?.close(); });

describe('a decided visitor', () => {
  it('gets no dialog file, sees the reopen button, and the preferences load it once; focus goes back to the button', async () => {
    const v = await openPage(browser);
    await visit(v.page, '/examples/inline-manifest/');
    await v.page.evaluate(() => window.kakor.rejectAll());
    const asked = uiRequests(v.page);
    await reload(v.page);
    expect(asked).toEqual([]);
    const reopen = dialog(v.page).getByRole('button', { name: 'Cookieinställningar' });
    await reopen.waitFor();
    // The engine's lean check leaves the well-known categories' texts to the dialog file.
    const titles = () => v.page.evaluate(() => window.kakor.getManifest()!.categories.map((c) => c.title));
    expect(await titles()).toEqual([undefined, undefined, undefined]);
    // Asked for before the dialog file is there: the view opens when it arrives.
    await v.page.evaluate(() => window.kakor.showPreferences());
    await dialog(v.page).getByRole('dialog', { name: 'Cookieinställningar' }).waitFor();
    expect(await titles()).toEqual([{ sv: 'Nödvändiga', en: 'Necessary' }, { sv: 'Statistik', en: 'Analytics' }, { sv: 'Marknadsföring', en: 'Marketing' }]);
    await dialog(v.page).getByRole('button', { name: 'Stäng' }).click();
    await expect.poll(() => v.page.evaluate(() => document.querySelector('kakor-dialog')!.shadowRoot!.activeElement?.getAttribute('part'))).toBe('reopen');
    await reopen.click();
    await dialog(v.page).getByRole('dialog', { name: 'Cookieinställningar' }).waitFor();
    expect(asked).toEqual([`${origin}/dist/kakor-ui.js`]);
    expect(kakorErrors(v)).toEqual([]);
    await v.close();
  });

  it('with a fetched manifest and every embed allowed: no dialog file; one with a blocked iframe gets it for the placeholder', async () => {
    const v = await openPage(browser);
    await visit(v.page, '/examples/script-tag/');
    await v.page.evaluate(() => window.kakor.acceptAll());
    const asked = uiRequests(v.page);
    await reload(v.page);
    expect(asked).toEqual([]);
    await dialog(v.page).getByRole('button', { name: 'Cookieinställningar' }).waitFor();
    // Withdrawn marketing: the YouTube frame is blocked again, and only the dialog draws its placeholder.
    await v.page.evaluate(() => window.kakor.rejectAll()).catch(() => {});
    await v.page.waitForLoadState('networkidle');
    await v.page.locator('kakor-placeholder').getByRole('button', { name: /^Tillåt/ }).waitFor();
    expect(asked).toEqual([`${origin}/dist/kakor-ui.js`]);
    await v.close();
  });
});

it('an undecided visitor\'s banner comes from the two files, the dialog file asked for once during the head', async () => {
  const v = await openPage(browser);
  const asked = uiRequests(v.page);
  await visit(v.page, '/examples/script-tag/');
  await dialog(v.page).getByRole('region', { name: 'Vi använder cookies' }).waitFor();
  expect(asked).toEqual([`${origin}/dist/kakor-ui.js`]);
  expect(kakorErrors(v)).toEqual([]);
  await v.close();
});

describe('a dialog file that cannot be used', () => {
  const cases: [string, (page: Page) => Promise<unknown>, RegExp][] = [
    ['missing (404)', (page) => page.route('**/dist/kakor-ui.js', (r) => r.fulfill({ status: 404, body: 'not found' })), /did not load/],
    ['tampered with (SRI)', (page) => page.route('**/dist/kakor-ui.js', (r) => r.fulfill({
      contentType: 'text/javascript', body: `${uiFile}\nwindow.__tampered = 1;`,
    })), /did not load/],
  ];
  it.each(cases)('%s: everything stays blocked, one error, and the reopen button tries again', async (_, breakIt, said) => {
    const v = await openPage(browser);
    await breakIt(v.page);
    const mark = await requestMark();
    await visit(v.page, '/examples/script-tag/');
    const errors = kakorErrors(v);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(said);
    expect(errors[0]).toContain(`${origin}/dist/kakor-ui.js`);
    expect(await v.page.evaluate(() => window.kakor.getConsent().decided)).toBe(false);
    expect(await vendorRuns(v.page)).toEqual([]);
    expect(await vendorRequestsSince(mark)).toEqual([]);
    expect(await v.page.evaluate(() => (window as { __tampered?: number }).__tampered)).toBeUndefined();
    // Once the file is there again, the button (there for an undecided visitor too) loads it.
    await v.page.unroute('**/dist/kakor-ui.js');
    await dialog(v.page).getByRole('button', { name: 'Cookieinställningar' }).click();
    await dialog(v.page).getByRole('dialog', { name: 'Cookieinställningar' }).waitFor();
    expect(kakorErrors(v)).toHaveLength(1);
    await v.close();
  });
});

it('the strict CSP example (script-src \'self\') draws the banner from both files with no violation', async () => {
  const v = await openPage(browser);
  await visit(v.page, '/examples/strict-csp/');
  await dialog(v.page).getByRole('region', { name: 'Vi använder cookies' }).waitFor();
  expect(await v.page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(kakorErrors(v)).toEqual([]);
  await v.close();
});

describe('where the dialog file comes from', () => {
  /** Serves `tag` in a page at /split/ and both files on a CDN origin with CORS, as jsDelivr does. */
  async function cdnPage(page: Page, tag: string): Promise<void> {
    await page.route(`${origin}/split/`, (r) => r.fulfill({
      contentType: 'text/html', body: `<!doctype html><html lang="sv"><head>${tag}</head><body><h1>Butiken</h1></body></html>`,
    }));
    await page.route('http://cdn.example/**', (r) => r.fulfill({
      contentType: 'text/javascript', headers: { 'Access-Control-Allow-Origin': '*' },
      body: readFileSync(join(root, 'dist', new URL(r.request().url()).pathname.split('/').pop()!), 'utf8'),
    }));
  }

  it('from kakor.js\'s own folder on another origin, before the fetched manifest is known', async () => {
    const v = await openPage(browser);
    const asked = uiRequests(v.page);
    await cdnPage(v.page, `<script src="http://cdn.example/npm/kakor@0.1.0/dist/kakor.js" integrity="${
      JSON.parse(readFileSync(join(root, 'dist/integrity.json'), 'utf8'))['kakor.js']}" crossorigin="anonymous"
      data-manifest="/examples/script-tag/cookies.json"></script>`);
    await visit(v.page, `${origin}/split/`);
    await dialog(v.page).getByRole('region', { name: 'Vi använder cookies' }).waitFor();
    expect(asked).toEqual(['http://cdn.example/npm/kakor@0.1.0/dist/kakor-ui.js']);
    expect(kakorErrors(v)).toEqual([]);
    await v.close();
  });

  it('from data-ui', async () => {
    const v = await openPage(browser);
    const asked = uiRequests(v.page);
    await cdnPage(v.page, '<script src="/dist/kakor.js" data-ui="http://cdn.example/ui/kakor-ui.js" data-manifest="/examples/script-tag/cookies.json"></script>');
    await visit(v.page, `${origin}/split/`);
    await dialog(v.page).getByRole('region', { name: 'Vi använder cookies' }).waitFor();
    expect(asked).toEqual(['http://cdn.example/ui/kakor-ui.js']);
    expect(kakorErrors(v)).toEqual([]);
    await v.close();
  });
});
