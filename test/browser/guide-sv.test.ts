// docs/sv/kom-igang.md as a site owner follows it: steps 1 to 4 assembled into one
// page (the head with the step-2 manifest inline, the blocked scripts, the video,
// the footer link) that works in Chromium: nothing loads before consent, and the
// video's placeholder grants just YouTube.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/core/manifest/validate';
import { launchBrowser, openPage, origin, visit } from './harness';

const root = join(__dirname, '../..');
const guide = readFileSync(join(root, 'docs/sv/kom-igang.md'), 'utf8');
/** The code blocks under one step's heading (`## 3. …`). */
const step = (n: number, lang: string) => {
  const section = guide.split(/^## /m).find((s) => s.startsWith(`${n}. `))!;
  return [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(([, code]) => code);
};

const manifest = step(2, 'json').find((code) => code.includes('"categories"'))!;
const head = step(1, 'html')[0].replace('{ … din cookielista, se steg 2 … }', manifest).replace(/^\s*…\n/m, '');
const body = [...step(3, 'html'), ...step(4, 'html')].join('\n');
const page = `<!doctype html><html lang="sv">${head}<body><h1>Kursen</h1>${body}</body></html>`;
const VENDORS = /googletagmanager\.com|google-analytics\.com|youtube(-nocookie)?\.com/;

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

/** Serves the assembled page, kakor.js and kakor-ui.js at /kakor/, and records every vendor request (answered with stubs). */
async function guidePage(p: Page): Promise<string[]> {
  const vendorRequests: string[] = [];
  await p.route(`${origin}/kurs/`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: page }));
  await p.route(`${origin}/kakor/kakor*.js`, (route) => route.fulfill({
    contentType: 'text/javascript',
    body: readFileSync(join(root, 'dist', new URL(route.request().url()).pathname.slice('/kakor/'.length)), 'utf8'),
  }));
  await p.route(VENDORS, (route) => {
    vendorRequests.push(route.request().url());
    const isScript = route.request().resourceType() === 'script';
    return route.fulfill(isScript
      ? { contentType: 'text/javascript', body: 'window.__gtagLoaded = true;' }
      : { contentType: 'text/html', body: '<p>film</p>' });
  });
  return vendorRequests;
}

describe('docs/sv/kom-igang.md, steps 1–4 as one page', () => {
  it('has a manifest that passes the check and declares every data-service the page names', () => {
    const m = validateManifest(JSON.parse(manifest));
    expect(m.errors).toEqual([]);
    const ids = m.manifest!.services.map((s) => s.id);
    for (const [, id] of body.matchAll(/data-service="([\w-]+)"/g)) expect(ids).toContain(id);
  });

  it('loads nothing of a vendor before a choice, nor after "Neka alla"', async () => {
    const v = await openPage(browser);
    const requests = await guidePage(v.page);
    await visit(v.page, '/kurs/');
    await v.page.locator('kakor-dialog').getByRole('button', { name: 'Neka alla' }).click();
    await v.page.waitForTimeout(300);
    expect(requests).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });

  it('releases Google Analytics on "Godkänn alla", and the video from its placeholder alone', async () => {
    const v = await openPage(browser);
    const requests = await guidePage(v.page);
    await visit(v.page, '/kurs/');
    await v.page.locator('kakor-dialog').getByRole('button', { name: 'Neka alla' }).click();
    await v.page.getByRole('button', { name: 'Tillåt YouTube' }).click();
    await expect.poll(() => requests.some((u) => u.includes('youtube-nocookie.com/embed/VIDEO-ID'))).toBe(true);
    expect(await v.page.evaluate(() => window.kakor.hasConsent('google-analytics'))).toBe(false);
    expect(requests.some((u) => u.includes('googletagmanager'))).toBe(false);

    await v.page.getByRole('link', { name: 'Cookieinställningar' }).click();
    await v.page.locator('kakor-dialog').getByRole('button', { name: 'Godkänn alla' }).click();
    await expect.poll(() => v.page.evaluate(() => (window as { __gtagLoaded?: boolean }).__gtagLoaded === true)).toBe(true);
    expect(requests.some((u) => u.includes('googletagmanager.com/gtag/js?id=G-XXXX'))).toBe(true);
    expect(v.consoleErrors).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  });
});
