// A released page script that the interceptor holds (its URL belongs to a service
// without consent) must not stall the blocked scripts after it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage, requestMark, vendorRequestsSince, vendorRuns, visit, waitForRuns } from './harness';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

it('runs the scripts after a held one, and the held one only once its own service is granted', async () => {
  const v = await openPage(browser);
  const mark = await requestMark();
  await visit(v.page, '/test/browser/pages/engine/held.html');
  await v.page.evaluate(() => window.kakor.setConsent({ analytics: true }));
  expect(await v.page.evaluate(() => (window as { __after?: boolean }).__after)).toBe(true);
  expect(await vendorRuns(v.page)).toEqual([]);
  expect(await vendorRequestsSince(mark)).toEqual([]);

  await v.page.evaluate(() => window.kakor.setConsent({ marketing: true }));
  await waitForRuns(v.page, ['fbevents']);
  expect((await vendorRequestsSince(mark)).filter((r) => r.includes('fbevents.js'))).toHaveLength(1);
  expect(v.pageErrors).toEqual([]);
  await v.close();
});
