// The vendor catalogue (catalogue/*.json): every entry is a manifest service the
// engine accepts as is, and its `scripts` catch every URL of its own documented
// install snippet and follow-up requests, and no other entry's.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueService, entryUrls, findByCookie, findByUrl, loadCatalogue, type CatalogueEntry } from '../../src/cli/catalogue';
import { matchService } from '../../src/core/blocking/matchUrl';
import { toPattern } from '../../src/core/manifest/checks';
import { validateManifest } from '../../src/core/manifest/validate';

const catalogue = loadCatalogue();
const byId = new Map(catalogue.map((e) => [e.service.id, e]));

// The ids `kakor scan` and the issue name (issue 9, item 2).
const REQUIRED = [
  'google-analytics', 'google-tag-manager', 'google-ads', 'google-maps', 'recaptcha', 'youtube', 'vimeo',
  'meta-pixel', 'instagram', 'linkedin-insight', 'tiktok-pixel', 'pinterest', 'snapchat-pixel', 'x-pixel',
  'microsoft-clarity', 'microsoft-ads', 'hotjar', 'hubspot', 'intercom', 'zendesk', 'tawk-to', 'mailchimp',
  'klaviyo', 'stripe', 'paypal', 'klarna', 'kajabi', 'woocommerce', 'wordpress', 'shopify', 'matomo',
  'cloudflare', 'spotify', 'soundcloud', 'trustpilot', 'calendly', 'typeform', 'adtraction', 'adrecord', 'tradedoubler',
];

const compiled = (e: CatalogueEntry) => ({ id: e.service.id, scripts: (e.service.scripts || []).map(toPattern) });

describe('the catalogue', () => {
  it('has every vendor the issue names, and more', () => {
    expect(REQUIRED.filter((id) => !byId.has(id))).toEqual([]);
    expect(catalogue.length).toBeGreaterThanOrEqual(40);
  });

  it('has one file per entry, named after its unique id', () => {
    const files = readdirSync(new URL('../../catalogue/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(catalogue.map((e) => `${e.service.id}.json`).sort());
    expect(byId.size).toBe(catalogue.length);
  });

  it('keeps the install snippet and follow-ups beside the service, never in it', () => {
    for (const e of catalogue) {
      expect(Object.keys(e).sort(), e.service.id).toEqual(['followUps', 'service', 'snippet']);
      expect(e.snippet, e.service.id).toMatch(/\S/);
      expect(catalogueService(e)).toEqual(e.service);
      expect(catalogueService(e)).not.toBe(e.service);
    }
  });
});

describe.each(catalogue.map((e) => [e.service.id, e] as const))('%s', (id, entry) => {
  it('passes the manifest check with no error and no warning', () => {
    const v = validateManifest({
      categories: ['necessary', 'preferences', 'analytics', 'marketing'],
      services: [catalogueService(entry)],
    });
    expect({ errors: v.errors, warnings: v.warnings }).toEqual({ errors: [], warnings: [] });
  });

  it('names its provider with a country, a privacy policy and sv/en texts for every cookie', () => {
    const s = entry.service;
    expect(s.provider).toMatch(/, \S/);
    expect(s.privacyPolicyUrl).toMatch(/^https:\/\//);
    expect(Object.keys(s.description as object).sort()).toEqual(['en', 'sv']);
    for (const c of s.cookies || []) {
      for (const field of [c.purpose, c.duration]) expect(Object.keys(field as object).sort(), c.name).toEqual(['en', 'sv']);
    }
  });

  it("catches every URL of its snippet and follow-ups, and no other entry's", () => {
    const urls = entryUrls(entry);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(findByUrl(url, catalogue)?.service.id, url).toBe(id);
      const others = catalogue.filter((o) => o !== entry && matchService(url, [compiled(o)]));
      expect(others.map((o) => o.service.id), url).toEqual([]);
    }
  });

  it('claims Google Consent Mode types only for a Google tag', () => {
    // A claim decides the type for every service (signals/consentMode.ts): Meta Pixel
    // claiming ad_storage would grant Google's ads when only Meta was allowed.
    if (entry.service.consentMode) expect(entry.service.provider).toMatch(/^Google /);
  });

  it('has no pattern that none of its own URLs needs', () => {
    const urls = entryUrls(entry);
    for (const p of compiled(entry).scripts) {
      expect(urls.some((u) => matchService(u, [{ id, scripts: [p] }])), String(p)).toBe(true);
    }
  });

  it('is the entry findByCookie gives for each of its cookie names', () => {
    for (const c of entry.service.cookies || []) {
      if (toPattern(c.name) instanceof RegExp) continue;
      expect(findByCookie(c.name, catalogue)?.service.id, c.name).toBe(id);
    }
  });
});

describe('lookups', () => {
  it('reads the URLs a snippet writes, protocol-relative ones made absolute, parameters left alone', () => {
    const urls = entryUrls({
      service: { id: 'x', name: 'X', category: 'marketing' },
      snippet: `<script src="//w.example.com/a.js"></script><iframe src="https://w.example.com/p/?url=https%3A//api.example.com/t/1"></iframe><script>s.src='https://cdn.example.com/t/'+i;</script>`,
      followUps: ['https://px.example.com/collect'],
    });
    expect(urls).toEqual([
      'https://w.example.com/a.js', 'https://w.example.com/p/?url=https%3A//api.example.com/t/1',
      'https://cdn.example.com/t/', 'https://px.example.com/collect',
    ]);
  });

  it('finds by URL the way the browser matches, regex and substring alike', () => {
    expect(findByUrl('https://www.googletagmanager.com/gtag/js?id=G-ABC123')?.service.id).toBe('google-analytics');
    expect(findByUrl('https://www.googletagmanager.com/gtag/js?id=AW-123')?.service.id).toBe('google-ads');
    expect(findByUrl('https://WWW.GoogleTagManager.com/gtm.js?id=GTM-X')?.service.id).toBe('google-tag-manager');
    expect(findByUrl('https://www.facebook.com/tr?id=1&ev=PageView')?.service.id).toBe('meta-pixel');
    expect(findByUrl('https://cdn.example.se/app.js')).toBeUndefined();
  });

  it('finds by cookie name, a /regex/ name included', () => {
    expect(findByCookie('_ga_ABC123')?.service.id).toBe('google-analytics');
    expect(findByCookie('_fbp')?.service.id).toBe('meta-pixel');
    expect(findByCookie('_hjSessionUser_1234567')?.service.id).toBe('hotjar');
    expect(findByCookie('nesk_lang')).toBeUndefined();
  });
});
