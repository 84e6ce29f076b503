// What kakor's interception (CONTRACT §5.3) costs a page that inserts elements
// none of which is blocked: the same insertions timed in Chromium with and
// without dist/kakor.js, two pages of one browser, rounds alternating between
// them. Prints JSON; `runInterceptOverhead()` is for bench/run.mjs.
// Usage: node bench/intercept-overhead.mjs [path/to/kakor.js]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
// A manifest with the fixture sites' patterns: none matches /p.gif.
const MANIFEST = JSON.stringify({
  categories: ['necessary', 'analytics', 'marketing'],
  services: [
    { id: 'google-analytics', name: 'GA', category: 'analytics', scripts: ['googletagmanager.com/gtag/js', 'google-analytics.com'] },
    { id: 'facebook-pixel', name: 'Meta', category: 'marketing', scripts: ['connect.facebook.net'] },
    { id: 'google-ads', name: 'Ads', category: 'marketing', scripts: ['googleadservices.com', 'doubleclick.net', '/googlesyndication\\.com/'] },
  ],
});

const page = (withKakor) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script type="application/json" id="kakor-manifest">${MANIFEST}</script>
${withKakor ? '<script src="/kakor.js"></script>' : ''}
</head><body></body></html>`;

// Each way in adds its elements to a fresh box; only the synchronous work is timed.
const WAYS = {
  'div + append': (n) => {
    const box = document.body.appendChild(document.createElement('div'));
    const t = performance.now();
    for (let i = 0; i < n; i++) box.append(document.createElement('div'));
    const ms = performance.now() - t;
    box.remove();
    return ms;
  },
  'img + src + appendChild': (n) => {
    const box = document.body.appendChild(document.createElement('div'));
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const img = document.createElement('img');
      img.src = `/p.gif?${i}`;
      box.appendChild(img);
    }
    const ms = performance.now() - t;
    box.remove();
    return ms;
  },
  'script + src + appendChild': (n) => {
    const box = document.body.appendChild(document.createElement('div'));
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const s = document.createElement('script');
      s.src = `/s.js?${i}`;
      box.appendChild(s);
    }
    const ms = performance.now() - t;
    box.remove();
    return ms;
  },
  'innerHTML of 1,000 <img>': (n) => {
    const box = document.body.appendChild(document.createElement('div'));
    let html = '';
    for (let i = 0; i < n; i++) html += `<img src="/p.gif?h${i}" alt="">`;
    const t = performance.now();
    box.innerHTML = html;
    const ms = performance.now() - t;
    box.remove();
    return ms;
  },
  // As React renders: elements made and given attributes bottom-up into a
  // detached root, which is attached last. n rows of 10 nodes.
  'React-like render of 10,000 nodes': (n) => {
    const t = performance.now();
    const root = document.createElement('ul');
    root.setAttribute('class', 'list');
    for (let i = 0; i < n; i++) {
      const row = document.createElement('li');
      row.setAttribute('class', 'row');
      row.setAttribute('data-id', String(i));
      const title = document.createElement('span');
      title.setAttribute('class', 'title');
      title.appendChild(document.createTextNode(`Item ${i}`));
      const link = document.createElement('a');
      link.setAttribute('href', `/item/${i}`);
      link.appendChild(document.createTextNode('open'));
      const img = document.createElement('img');
      img.setAttribute('alt', '');
      img.setAttribute('src', `/p.gif?r${i}`);
      const button = document.createElement('button');
      button.setAttribute('type', 'button');
      button.appendChild(document.createTextNode('buy'));
      row.appendChild(title);
      row.appendChild(link);
      row.appendChild(img);
      row.appendChild(button);
      root.appendChild(row);
    }
    document.body.appendChild(root);
    const ms = performance.now() - t;
    root.remove();
    return ms;
  },
};
// How many of each: 1,000 rows of the React-like render are 10,000 nodes.
const COUNT = 1000;

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

export async function runInterceptOverhead({ kakorPath = fileURLToPath(new URL('../dist/kakor.js', import.meta.url)), rounds = 21 } = {}) {
  const kakor = readFileSync(kakorPath, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.KAKOR_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  // A local server, not playwright routes: thousands of image and script requests
  // per round would otherwise queue up behind the browser protocol.
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const [type, body] = path === '/kakor.js' ? ['text/javascript', kakor] : path === '/p.gif' ? ['image/gif', GIF]
      : path === '/s.js' ? ['text/javascript', ''] : ['text/html', page(path !== '/without')];
    res.writeHead(200, { 'content-type': type, 'cache-control': 'max-age=3600' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const times = {};
  try {
    const pages = {};
    // `with`: a visitor who has not decided (everything blocked, the page patched);
    // `granted`: one who accepted all, for whom kakor patches nothing (a MutationObserver instead).
    for (const key of ['without', 'with', 'granted']) {
      const p = await browser.newPage();
      await p.goto(`${origin}/${key}`);
      if (key !== 'without' && !(await p.evaluate(() => 'kakor' in window))) throw new Error('dist/kakor.js did not start');
      if (key === 'granted') {
        await p.evaluate(() => window.kakor.acceptAll());
        await p.reload();
        if (!(await p.evaluate(() => window.kakor.getConsent().decided))) throw new Error('the accepted visitor is not decided after a reload');
      }
      pages[key] = p;
    }
    const keys = Object.keys(pages);
    for (const [name, fn] of Object.entries(WAYS)) {
      const runs = { with: [], without: [], granted: [] };
      for (const p of Object.values(pages)) await p.evaluate(fn, COUNT); // warm-up
      // Rotate which page goes first, so drift on a shared machine hits all alike.
      for (let r = 0; r < rounds; r++) {
        for (let k = 0; k < keys.length; k++) {
          const key = keys[(k + r) % keys.length];
          runs[key].push(await pages[key].evaluate(fn, COUNT));
        }
      }
      times[name] = {
        with: median(runs.with), without: median(runs.without), granted: median(runs.granted),
        fastestWith: Math.min(...runs.with), fastestWithout: Math.min(...runs.without),
      };
    }
  } finally {
    await browser.close();
    server.close();
  }
  return Object.entries(times).map(([way, t]) => ({
    way, withoutMs: +t.without.toFixed(2), withMs: +t.with.toFixed(2), ratio: +(t.with / t.without).toFixed(2),
    grantedMs: +t.granted.toFixed(2), grantedRatio: +(t.granted / t.without).toFixed(2),
    // On a shared machine other jobs only ever add time: the fastest rounds are the
    // closest to what the insertions themselves cost.
    fastestWithoutMs: +t.fastestWithout.toFixed(2), fastestWithMs: +t.fastestWith.toFixed(2),
    fastestRatio: +(t.fastestWith / t.fastestWithout).toFixed(2),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runInterceptOverhead({ kakorPath: process.argv[2] }), null, 2));
}
