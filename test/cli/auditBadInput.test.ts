// Issue 9 "Bad input" for `kakor scan` and `kakor audit`: one clear line on
// stderr, exit 2, and no file written or half-written over the owner's.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontPort, kakor, kakorSiteCopy, plainSite, vendorArgs } from './scanSite';

let server: Server;
let bad: string;
const dir = mkdtempSync(join(tmpdir(), 'kakor-bad-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/loop') return res.writeHead(302, { Location: '/loop' }).end();
    if (req.url === '/data.json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":1}');
    if (req.url === '/never') return; // answers nothing, ever
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  bad = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** One line on stderr, `kakor: …`, and the exit code. */
async function fails(args: string[], code: number, line: RegExp) {
  const r = await kakor(args);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(line);
  expect(r.code).toBe(code);
  return r;
}

/** A local port nothing listens on. */
const closedPort = () => new Promise<number>((ok) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => ok(port));
  });
});

describe.each(['scan', 'audit'])('kakor %s on bad input', (command) => {
  const out = join(dir, `${command}-out.json`);
  const extra = command === 'scan' ? ['--out', out] : ['--junit', out];

  it('an unreachable URL', async () => {
    writeFileSync(out, 'the owner\'s');
    // A port that was free a moment ago: nothing listens there. (Chromium refuses
    // low ports such as 1 outright, with ERR_UNSAFE_PORT, before trying to connect.)
    const port = await closedPort();
    await fails([command, `http://127.0.0.1:${port}/`, ...extra], 2,
      new RegExp(`^kakor: http://127\\.0\\.0\\.1:${port}/ cannot be reached: ERR_CONNECTION_REFUSED$`));
    expect(readFileSync(out, 'utf8')).toBe('the owner\'s');
  });

  it('a TLS error', async () => {
    await fails([command, `https://127.0.0.1:${frontPort}/examples/scan-site/`, ...extra], 2,
      /^kakor: https:\/\/127\.0\.0\.1:\d+\/examples\/scan-site\/: TLS error ERR_CERT_AUTHORITY_INVALID \(for a staging site with a self-signed certificate, add --insecure\)$/);
  });

  it('a page that never finishes loading', async () => {
    await fails([command, `${bad}/never`, '--timeout', '2', ...extra], 2, /^kakor: http:\/\/127\.0\.0\.1:\d+\/never did not finish loading within 2 s \(--timeout to wait longer\)$/);
  });

  it('a redirect loop', async () => {
    await fails([command, `${bad}/loop`, ...extra], 2, /^kakor: http:\/\/127\.0\.0\.1:\d+\/loop redirects in a loop$/);
  });

  it('a response that is not HTML', async () => {
    await fails([command, `${bad}/data.json`, ...extra], 2, /^kakor: http:\/\/127\.0\.0\.1:\d+\/data\.json is not an HTML page \(Content-Type: application\/json\)$/);
  });

  it('--pages 0, and a URL that is not one', async () => {
    await fails([command, plainSite, '--pages', '0', ...extra], 2, /^kakor: --pages: expected a whole number of 1 or more, got "0"$/);
    await fails([command, 'www.example.se', ...extra], 2, /^kakor: expected an http\(s\) URL such as https:\/\/www\.example\.se\/, got "www\.example\.se"$/);
  });

  it('a browser that is not there', async () => {
    const r = await kakor([command, plainSite, ...extra], undefined, { KAKOR_CHROMIUM: '/nonexistent/chromium' });
    expect(r.stderr.trim()).toBe('kakor: KAKOR_CHROMIUM is /nonexistent/chromium, which does not exist');
    expect(r.code).toBe(2);
  });

  it('leaves no temporary file behind', () => {
    expect(readFileSync(out, 'utf8')).toBe('the owner\'s');
    expect(existsSync(join(dir, `.${command}-out.json.tmp`))).toBe(false);
  });
});

describe('kakor audit --manifest', () => {
  it('a file that is not JSON', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "categories": [');
    await fails(['audit', plainSite, '--manifest', file], 2, /^kakor: .*broken\.json is not JSON: /);
  });

  it('a manifest that fails the check', async () => {
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify({ categories: ['necessary'], services: [{ id: 'ga', name: 'GA', category: 'analitycs' }] }));
    await fails(['audit', plainSite, '--manifest', file], 2,
      /^kakor: .*wrong\.json fails the manifest check: services\[0\]\.category: "analitycs" is not a declared category$/);
  });

  it('a file that is not there', async () => {
    await fails(['audit', plainSite, '--manifest', join(dir, 'missing.json')], 2, /^kakor: cannot read .*missing\.json: no such file$/);
  });

  it('a page whose manifest cannot be fetched', async () => {
    // The kakor variant without its cookies.json: kakor there fails closed, and the audit has nothing to judge by.
    const site = kakorSiteCopy({});
    rmSync(join(site.folder, 'cookies.json'));
    try {
      await fails(['audit', site.url, '--pages', '1', ...vendorArgs], 2,
        /^kakor: the page's manifest http:\/\/127\.0\.0\.1:\d+\/examples\/scan-site\/test-[\w-]+\/cookies\.json could not be fetched: HTTP 404$/);
    } finally {
      site.remove();
    }
  });
});
