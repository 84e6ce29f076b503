// `kakor scan` on the fixture site (examples/scan-site/): GTM (and the GA4 and
// Ads tags it injects), GA4's own gtag.js, Meta Pixel, a YouTube embed and
// Stripe, all at their real host names, plus the site's session cookie.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/core/manifest/validate';
import type { Manifest, ManifestService } from '../../src/core/types';
import { kakor, plainSite, vendorArgs, type Run } from './scanSite';

const dir = mkdtempSync(join(tmpdir(), 'kakor-scan-'));
const out = join(dir, 'cookies.json');
const report = join(dir, 'scan.md');
let run: Run;
let summary: {
  pages: string[];
  cookies: { name: string; service?: string; namedBy: string; setBy?: string; source?: string }[];
  hosts: { host: string; service?: string }[];
  decide: string[];
};
let manifest: Manifest;

const service = (id: string): ManifestService => {
  const found = manifest.services!.find((s) => s.id === id);
  expect(found, `service ${id} in the draft`).toBeDefined();
  return found!;
};
const declared = (s: ManifestService, name: string) => s.cookies!.some((c) =>
  (c.name.startsWith('/') ? new RegExp(c.name.slice(1, c.name.lastIndexOf('/'))).test(name) : c.name === name));

beforeAll(async () => {
  run = await kakor(['scan', plainSite, '--out', out, '--report', report, '--json', ...vendorArgs]);
  summary = JSON.parse(run.stdout);
  manifest = JSON.parse(readFileSync(out, 'utf8'));
});

describe('kakor scan of the fixture site', () => {
  it('exits 0 with JSON on stdout and no progress on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('visits all ten pages, the one only sitemap.xml links included, each once', () => {
    expect(summary.pages).toHaveLength(10);
    expect(new Set(summary.pages).size).toBe(10);
    expect(summary.pages).toContain(`${plainSite}kassa.html`);
  });

  it('writes a draft manifest that kakor accepts as is', () => {
    expect(validateManifest(manifest).errors).toEqual([]);
    expect(manifest.categories[0]).toBe('necessary');
  });

  it('names GTM, GA4, Meta Pixel, YouTube and Stripe as whole catalogue services', () => {
    for (const id of ['google-tag-manager', 'google-analytics', 'meta-pixel', 'youtube', 'stripe']) {
      expect(service(id).scripts!.length).toBeGreaterThan(0);
    }
    expect(service('youtube').cookies!.map((c) => c.name)).toContain('YSC'); // complete: cookies it set elsewhere too
    for (const host of ['www.googletagmanager.com', 'www.google-analytics.com', 'connect.facebook.net', 'www.facebook.com', 'www.youtube.com', 'js.stripe.com']) {
      expect(summary.hosts.find((h) => h.host === host)?.service, host).toBeDefined();
    }
  });

  it('puts each cookie the vendors set under its service', () => {
    const owners: [string, string][] = [['_ga', 'google-analytics'], ['_gid', 'google-analytics'], ['_ga_SKOG24', 'google-analytics'],
      ['_ga_BLOGG7', 'google-analytics'], ['_fbp', 'meta-pixel'], ['__stripe_mid', 'stripe'], ['__stripe_sid', 'stripe']];
    for (const [name, id] of owners) {
      expect(summary.cookies.find((c) => c.name === name)?.service, name).toBe(id);
      expect(declared(service(id), name), `${id} declares ${name}`).toBe(true);
    }
    // The Ads tag GTM injected sets _gcl_au: named, by the catalogue or the Open Cookie Database.
    const gclAu = summary.cookies.find((c) => c.name === '_gcl_au');
    expect(gclAu?.service).toBeDefined();
    expect(declared(service(gclAu!.service!), '_gcl_au')).toBe(true);
  });

  it('tells which script or response set a cookie', () => {
    expect(summary.cookies.find((c) => c.name === '_fbp')).toMatchObject({ setBy: 'script', source: 'https://connect.facebook.net/en_US/fbevents.js' });
    expect(summary.cookies.find((c) => c.name === '__stripe_mid')).toMatchObject({ setBy: 'script', source: 'https://js.stripe.com/v3/' });
    expect(summary.cookies.find((c) => c.name === 'skogsbacken_session')).toMatchObject({ setBy: 'header' });
  });

  it("recognises the site's session cookie as necessary", () => {
    const site = service('site');
    expect(site.category).toBe('necessary');
    expect(site.cookies!.map((c) => c.name)).toEqual(['skogsbacken_session']);
  });

  it('writes a Markdown report of what the owner must decide', () => {
    const md = readFileSync(report, 'utf8');
    expect(md).toContain(`# kakor scan of ${plainSite}`);
    expect(md).toContain('## What the owner must decide');
    expect(md).toContain('| `_fbp` | 127.0.0.1 |');
    expect(summary.decide.some((d) => d.includes('policyUrl'))).toBe(true);
  });
});

describe('kakor scan leaves the owner\'s files alone', () => {
  it('will not replace cookies.json unless told to', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kakor-scan-'));
    writeFileSync(join(cwd, 'cookies.json'), '{"mine": true}');
    const r = await kakor(['scan', plainSite, '--pages', '1', ...vendorArgs], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('kakor: cookies.json exists: give --out cookies.json to replace it, or --out another file');
    expect(readFileSync(join(cwd, 'cookies.json'), 'utf8')).toBe('{"mine": true}');
  });
});
