// One visit in a fresh browser context: load a bench page, wait until 2 s
// after the load event, read the probe and the CDP metrics, then optionally
// click reject or accept and check whether the blocked analytics script ran.
// A network-throttled visit only loads the page and reads its first paint.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { fileFor } from './server.mjs';
import { installProbe } from './probe.mjs';
import { totalSize } from './sizes.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SETTLE_MS = 2000;
/** Lighthouse's "slow 4G": 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
export const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

const locate = (page, { selector, text }) =>
  page.locator(selector).filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) }).first();

/**
 * @param {{ throttle?: number, network?: object, storageState?: object, act?: 'accept' | 'reject' }} options
 * `act` runs after the measurement window, so clicks never touch the figures;
 * `network` (CDP Network.emulateNetworkConditions) skips the 2 s settle.
 */
export async function visit(browser, origin, lib, { throttle = 1, network, storageState, act } = {}) {
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await page.addInitScript(installProbe, { accept: lib.accept ?? { selector: 'x-none', text: '' }, watch: !storageState && !!lib.accept });
    const paths = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === origin && response.status() === 200) paths.push(url.pathname);
    });
    page.on('pageerror', (error) => console.error(`[${lib.id}] page error: ${error.message}`));

    await page.goto(origin + lib.page, { waitUntil: 'load' });
    if (network) {
      // The paint entry can trail the load event by a frame.
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      ).then((handle) => handle.jsonValue());
      return { firstContentfulPaint: fcp };
    }
    const remaining = await page.evaluate(
      (settle) => performance.getEntriesByType('navigation')[0].loadEventEnd + settle - performance.now(),
      SETTLE_MS,
    );
    if (remaining > 0) await page.waitForTimeout(remaining);

    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    const probe = await page.evaluate((settle) => {
      const end = performance.getEntriesByType('navigation')[0].loadEventEnd + settle;
      const b = window.__bench;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        shownAt: b.shownAt,
        // For reading the JSON: where the banner falls against the page's own milestones.
        domContentLoaded: nav.domContentLoadedEventEnd,
        firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        uiVisible: b.acceptVisible(),
        longTasks: b.longTasks.filter(([start]) => start < end).reduce((sum, [, d]) => sum + d, 0),
        cls: b.shifts.filter(([start]) => start < end).reduce((sum, [, v]) => sum + v, 0),
        ran: !!window.__analyticsRan,
        // Chromium's own verdict on which requests held up the first render.
        renderBlocking: performance.getEntriesByType('resource')
          .filter((e) => e.renderBlockingStatus === 'blocking').map((e) => new URL(e.name).pathname),
      };
    }, SETTLE_MS);

    // What the page requested, not a fixed list: a file the tool loads only on
    // some visits (a dialog loaded on demand) counts exactly when it was fetched.
    const isTool = (p) => lib.files.some((prefix) => p.startsWith(prefix));
    const toolFiles = [...new Set(paths.filter(isTool))];
    const onDisk = (list) => list.map((p) => fileFor(p) ?? resolve(ROOT, `.${p}`));
    const blocking = [...new Set(probe.renderBlocking.filter(isTool))];
    // The head script: the tool's scripts that block the first render (none for a
    // deferred script or one at the end of <body>).
    const headScripts = blocking.filter((p) => p.endsWith('.js'));
    delete probe.renderBlocking;
    const result = {
      ...probe,
      scriptMs: metric('ScriptDuration') * 1000,
      taskMs: metric('TaskDuration') * 1000,
      files: toolFiles,
      bytes: totalSize(onDisk(toolFiles)),
      headScripts,
      headBytes: totalSize(onDisk(headScripts)),
      blockingFiles: blocking,
      blockingBytes: totalSize(onDisk(blocking)),
    };

    if (act === 'reject') {
      await locate(page, lib.reject).click();
      // Long enough for any library to insert and run a released script.
      await page.waitForTimeout(750);
      result.ranAfterReject = await page.evaluate(() => !!window.__analyticsRan);
    } else if (act === 'accept') {
      await locate(page, lib.accept).click();
      result.ranAfterAccept = await page
        .waitForFunction(() => window.__analyticsRan === true, null, { timeout: 3000 })
        .then(() => true, () => false);
      result.storageState = await context.storageState();
    }
    return result;
  } finally {
    await context.close();
  }
}
