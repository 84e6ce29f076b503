// One visit of a vendor's proof page as a new visitor: every request the
// browser makes to a third party (the preload scanner's and frames' included),
// split into before the click and after it, and what ran and was set.
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';
import { vendorHosts } from '../../../examples/vendors.mjs';
import { pendingLoads, WATCH_LOADING } from '../../../src/cli/loadPage';

/** Which banner button the visitor clicks; after `reject` the visitor opens the next page too. */
export type Choice = 'reject' | 'accept';

/** When a request was made: before any click, after the click on that page, or on the next page view. */
export type Phase = 'before' | 'after-click' | 'next-page';

export interface Recorded {
  url: string;
  host: string;
  phase: Phase;
}

export interface VisitResult {
  requests: Recorded[];
  /** Names the fakes pushed to window.__vendorRuns, in the page and its frames, before the click and in all. */
  runsBeforeClick: string[];
  runs: string[];
  /** Names of every cookie in the browser context (first- and third-party). */
  cookiesBeforeClick: string[];
  cookies: string[];
  /** Requests still unanswered after the page went quiet (timed out waiting). */
  stillLoading: string[];
  pageErrors: string[];
}

const BUTTON: Record<Choice, string> = { reject: 'Neka alla', accept: 'Godkänn alla' };
const QUIET_MS = 700;
// Generous: pages visited at once on a loaded machine answer slowly.
const MAX_WAIT_MS = 20_000;

/**
 * Chromium with every host a fake stands in for mapped to the https front, the
 * site's `*.kakor.test` to the example server, and everything else unresolvable.
 */
export function launchMapped(tlsPort: number): Promise<Browser> {
  const vendors = [...vendorHosts].map((h) => `MAP ${h} 127.0.0.1:${tlsPort}`);
  const rules = [...vendors, 'MAP kakor.test 127.0.0.1', 'MAP *.kakor.test 127.0.0.1', 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'];
  return chromium.launch({
    executablePath: inject('kakorChromium'),
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', `--host-resolver-rules=${rules.join(', ')}`,
    ],
  });
}

/** Visits `url` in a fresh context, waits for quiet, clicks a banner button, and records it all. */
export async function visitAs(browser: Browser, url: string, choice: Choice): Promise<VisitResult> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  // A loaded machine can take tens of seconds for one page (the test's own timeout is larger).
  context.setDefaultTimeout(60_000);
  const site = new URL(url).host;
  const requests: Recorded[] = [];
  const open = new Set<Request>();
  let phase: Phase = 'before';
  let lastEvent = Date.now();
  context.on('request', (r) => {
    open.add(r);
    lastEvent = Date.now();
    const u = new URL(r.url());
    if (/^https?:$/.test(u.protocol) && u.host !== site) {
      requests.push({ url: r.url(), host: u.host, phase });
    }
  });
  const done = (r: Request) => { open.delete(r); lastEvent = Date.now(); };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  await context.addInitScript(WATCH_LOADING);
  const page = await context.newPage();
  // Quiet: no request in flight for QUIET_MS, and every script and frame that came in has run.
  const quiet = () => waitQuiet(async () => open.size === 0 && Date.now() - lastEvent >= QUIET_MS && await pendingLoads(page) === 0);

  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.kakor?.getConsent === 'function');
    await quiet();
    const runsBeforeClick = await allRuns(page);
    const cookiesBeforeClick = await cookieNames(context);
    const button = page.locator('kakor-dialog').getByRole('button', { name: BUTTON[choice] });
    await button.waitFor();
    phase = 'after-click';
    await button.click();
    await quiet();
    if (choice === 'reject') {
      phase = 'next-page';
      await page.reload({ waitUntil: 'load' });
      await quiet();
    }
    return {
      requests, runsBeforeClick, runs: await allRuns(page), cookiesBeforeClick, cookies: await cookieNames(context),
      stillLoading: [...open].map((r) => r.url()), pageErrors,
    };
  } finally {
    await context.close();
  }
}

async function waitQuiet(isQuiet: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + MAX_WAIT_MS;
  while (!await isQuiet() && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50));
}

/** window.__vendorRuns of the page and of every frame in it (players run in their own frames). */
async function allRuns(page: Page): Promise<string[]> {
  const runs: string[] = [];
  for (const frame of page.frames()) {
    runs.push(...await frame.evaluate(() => window.__vendorRuns ?? []).catch(() => [] as string[]));
  }
  return runs;
}

async function cookieNames(context: BrowserContext): Promise<string[]> {
  return [...new Set((await context.cookies()).map((c) => c.name))].sort();
}
