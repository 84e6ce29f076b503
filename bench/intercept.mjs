// kakor's interception overhead: the time to insert 1,000 elements that match
// no service (inline and data: scripts, images, innerHTML) into the kakor
// bench page while the banner is up, against the same insertion into the page
// with no consent tool. Measured in the page, including one macrotask so that
// observer callbacks are paid for too.

/** Runs in the page: inserts the elements into a hidden box (no layout or paint) and times it. */
async function insertThousand() {
  const box = document.createElement('div');
  box.hidden = true;
  document.body.append(box);
  window.__inserted = 0;
  const start = performance.now();
  for (let i = 0; i < 1000; i++) {
    const kind = i % 4;
    if (kind === 0) {
      const script = document.createElement('script');
      script.textContent = 'window.__inserted++';
      box.appendChild(script);
    } else if (kind === 1) {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=';
      box.appendChild(img);
    } else if (kind === 2) {
      const script = document.createElement('script');
      script.src = 'data:text/javascript,void 0';
      box.insertBefore(script, box.firstChild);
    } else {
      const div = document.createElement('div');
      div.innerHTML = '<p>Läs mer om <a href="/kurser">våra kurser</a>.</p>';
      box.appendChild(div);
    }
  }
  await new Promise((done) => setTimeout(done));
  return { ms: performance.now() - start, inlineRan: window.__inserted };
}

/** One sample: a fresh context on `page`, 500 ms after load, then the insertion. */
export async function interceptSample(browser, origin, page, throttle = 1) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    if (throttle > 1) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await tab.goto(origin + page, { waitUntil: 'load' });
    await tab.waitForTimeout(500);
    const sample = await tab.evaluate(insertThousand);
    // A non-blocked inline script must still run: overhead bought by breaking
    // the page would not count.
    if (sample.inlineRan !== 250) throw new Error(`${page}: ${sample.inlineRan}/250 inline scripts ran`);
    return sample.ms;
  } finally {
    await context.close();
  }
}
