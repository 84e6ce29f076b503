import { chromium } from 'playwright-core';
import { startServer } from '/work/main/examples/server.mjs';
const srv = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
for (const p of process.argv.slice(2)) {
  srv.clearRequests();
  const page = await browser.newPage();
  page.on('console', m => console.log('  console:', m.text()));
  page.on('pageerror', e => console.log('  pageerror:', e.message));
  await page.goto(srv.origin + '/test/browser/pages/intercept/' + p);
  await page.waitForTimeout(800);
  console.log(p, 'runs', await page.evaluate(() => JSON.stringify(window.runs)));
  console.log(srv.requests.filter(r => /ads|analytics|pixel/.test(r.path)).map(r => r.path.replace('/test/browser/pages/intercept/vendor/', '')));
  if (p.includes('parser')) {
    await page.evaluate(() => window.__grant('ads'));
    await page.waitForTimeout(800);
    console.log(' after grant runs', await page.evaluate(() => JSON.stringify(window.runs)));
    console.log(srv.requests.filter(r => /ads|analytics|pixel/.test(r.path)).map(r => r.path.replace('/test/browser/pages/intercept/vendor/', '')));
  }
  await page.close();
}
await browser.close(); await srv.close();
