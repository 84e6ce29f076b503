// kakor/rewrite in a real browser (CONTRACT §5.3): vendor tags pasted raw in a
// page are fetched by the preload scanner before any script runs; the same
// page served through examples/rewrite-node/server.mjs makes no vendor request
// before consent, and kakor releases what the rewrite held once it is granted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRewriteServer } from '../../examples/rewrite-node/server.mjs';
import { launchBrowser, openPage, origin, requestMark, vendorRequestsSince, visit, waitForRuns } from './harness';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../examples/script-tag/cookies.json'), 'utf8'));
const PAGE = '/examples/rewrite-node/';

let browser: Browser;
let rewriting: { origin: string; close(): Promise<void> };
beforeAll(async () => {
  browser = await launchBrowser();
  rewriting = await startRewriteServer({ upstream: origin, manifest });
});
afterAll(async () => {
  await browser?.close();
  await rewriting?.close();
});

describe('a page with raw vendor tags', () => {
  it('served as written: the vendors are requested before consent (what the rewrite is for)', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, PAGE);
    const requested = await vendorRequestsSince(mark);
    expect(requested.some((r) => r.startsWith('www.googletagmanager.com/gtag/js'))).toBe(true);
    expect(requested.some((r) => r.startsWith('snap.licdn.com/'))).toBe(true);
    await v.close();
  }, 60_000);

  it('served through kakor/rewrite: no vendor request before consent, nor after reject', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, rewriting.origin + PAGE);
    expect(await vendorRequestsSince(mark)).toEqual([]);
    await v.page.evaluate(() => window.kakor.rejectAll());
    await v.page.waitForTimeout(300);
    expect(await vendorRequestsSince(mark)).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  }, 60_000);

  it('served through kakor/rewrite: accept all runs each vendor once', async () => {
    const v = await openPage(browser);
    const mark = await requestMark();
    await visit(v.page, rewriting.origin + PAGE);
    await v.page.evaluate(() => window.kakor.acceptAll());
    await waitForRuns(v.page, ['gtag', 'linkedin-insight', 'youtube']);
    const requested = await vendorRequestsSince(mark);
    expect(requested.filter((r) => r.startsWith('www.googletagmanager.com/gtag/js'))).toHaveLength(1);
    expect(requested.filter((r) => r.startsWith('snap.licdn.com/li.lms-analytics/insight.min.js'))).toHaveLength(1);
    expect(v.pageErrors).toEqual([]);
    await v.close();
  }, 60_000);
});
