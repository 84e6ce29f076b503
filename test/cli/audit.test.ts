// `kakor audit` on copies of the fixture site's kakor variant: the manifest
// kakor scan drafted passes; one service without its `scripts`, a raw vendor
// tag, kakor not first, and a site without kakor each fail, naming the host.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/core/types';
import { kakor, kakorSiteCopy, plainSite, vendorArgs } from './scanSite';

const dir = mkdtempSync(join(tmpdir(), 'kakor-audit-'));
let drafted: Manifest;
const copies: { remove(): void }[] = [];
const copy = (...args: Parameters<typeof kakorSiteCopy>) => {
  const c = kakorSiteCopy(...args);
  copies.push(c);
  return c;
};

beforeAll(async () => {
  const out = join(dir, 'draft.json');
  const scan = await kakor(['scan', plainSite, '--out', out, '--json', ...vendorArgs]);
  expect(scan.code, scan.stderr).toBe(0);
  drafted = JSON.parse(readFileSync(out, 'utf8'));
});
afterAll(() => copies.forEach((c) => c.remove()));

// Each test runs its own audit (a child process with its own Chromium), mostly waiting
// for pages to go quiet, so they run at once.
describe.concurrent('kakor audit', () => {
  it('passes the site with kakor first and the manifest kakor scan drafted, read from the page', async () => {
    const site = copy(drafted);
    const junit = join(dir, 'pass.xml');
    const r = await kakor(['audit', site.url, '--junit', junit, ...vendorArgs]);
    expect(r.stdout).toContain(`(manifest: ${site.url}cookies.json)`);
    expect(r.stdout).toMatch(/passed: 10 pages, 30 visits/);
    expect(r.code).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuites name="kakor audit" tests="30" failures="0">');
    expect(xml.match(/<testcase /g)).toHaveLength(30);
  });

  it('fails when one service has lost its scripts, naming the host that loaded before consent', async () => {
    const broken = structuredClone(drafted);
    broken.services!.find((s) => s.id === 'google-tag-manager')!.scripts = [];
    const site = copy(broken);
    const junit = join(dir, 'fail.xml');
    const r = await kakor(['audit', site.url, '--pages', '2', '--json', '--junit', junit, ...vendorArgs]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    const none = result.pages[0].visits.find((v: { visit: string }) => v.visit === 'none');
    expect(none.failures.join('\n')).toMatch(/third-party request to www\.googletagmanager\.com that no necessary service declares: (?:\d+ requests, the first )?https:\/\/www\.googletagmanager\.com\/gtm\.js\?id=GTM-SKOG24/);
    const reject = result.pages[0].visits.find((v: { visit: string }) => v.visit === 'reject');
    expect(reject.failures.join('\n')).toContain('www.googletagmanager.com');
    expect(readFileSync(junit, 'utf8')).toMatch(/<failure message="[^"]*www\.googletagmanager\.com/);
  });

  it('judges by --manifest when given, over the page\'s own', async () => {
    const site = copy(drafted);
    const file = join(dir, 'no-meta.json');
    const withoutMeta = structuredClone(drafted);
    withoutMeta.services = withoutMeta.services!.filter((s) => s.id !== 'meta-pixel');
    writeFileSync(file, JSON.stringify(withoutMeta));
    const r = await kakor(['audit', site.url, '--pages', '1', '--manifest', file, ...vendorArgs]);
    expect(r.stdout).toContain(`(manifest: ${file})`);
    // The page still blocks Meta; after "accept all" it loads, and this manifest does not know it.
    expect(r.stdout).toMatch(/! cookie _fbp .*that no service declares/);
    expect(r.stdout).toMatch(/! request to connect\.facebook\.net that no service in the manifest declares/);
  });

  it('fails on a vendor tag pasted raw into the HTML, and warns about the tag', async () => {
    const raw = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-PASTED1"></script>';
    const site = copy(drafted, (html, file) => (file === 'index.html' ? html.replace('</head>', `${raw}\n</head>`) : html));
    const r = await kakor(['audit', site.url, '--pages', '1', ...vendorArgs]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ request to www\.googletagmanager\.com \(google-analytics, analytics, not granted\): https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-PASTED1/);
    expect(r.stdout).toContain('! vendor tag written in the HTML: <script src="https://www.googletagmanager.com/gtag/js?id=G-PASTED1"> (google-analytics)');
  });

  it('fails when a script runs before kakor', async () => {
    const site = copy(drafted, (html) => html.replace(/(<script src="\/dist\/kakor\.js"[^>]*><\/script>\n)([\s\S]*?)(<!-- Google Tag Manager -->[\s\S]*?<!-- End Google Tag Manager -->\n)/,
      '$3$1$2'));
    const r = await kakor(['audit', site.url, '--pages', '1', ...vendorArgs]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ kakor is not the first script in <head>: an inline <script> runs before it');
  });

  it('fails a site without kakor with every non-essential request and cookie as a leak', async () => {
    const r = await kakor(['audit', plainSite, '--pages', '1', '--json', ...vendorArgs]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.manifest).toBe('none on the page');
    const failures: string = result.pages[0].visits[0].failures.join('\n');
    expect(failures).toContain('kakor is not on the page');
    for (const host of ['www.googletagmanager.com', 'connect.facebook.net', 'www.facebook.com', 'www.google-analytics.com']) {
      expect(failures).toContain(`third-party request to ${host} that no necessary service declares`);
    }
    expect(failures).toMatch(/cookie _ga \(127\.0\.0\.1, set by the script https:\/\/www\.googletagmanager\.com\/gtag\/js[^)]*\) that no granted service declares/);
    expect(failures).toMatch(/cookie skogsbacken_session .* that no granted service declares/);
  });
});
