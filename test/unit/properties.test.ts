// Property-based: random manifests and random cookies never throw out of kakor
// and never grant what the input did not grant.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsent, type Consent } from '../../src/core/index';
import { validateManifest } from '../../src/core/manifest/validate';
import { fakeEnv } from './fakeEnv';

const idArb = fc.constantFrom('necessary', 'analytics', 'marketing', 'preferences', 'chat', 'ga', 'fb', '', 'a b', '__proto__');
const textArb = fc.oneof(fc.string(), fc.dictionary(fc.constantFrom('sv', 'en', 'de'), fc.string()), fc.integer());
const manifestArb = fc.record({
  revision: fc.oneof(fc.nat(), fc.string(), fc.constant(undefined)),
  categories: fc.array(fc.oneof(idArb, fc.record({ id: idArb, title: textArb, description: textArb, required: fc.boolean() }, { requiredKeys: ['id'] })), { maxLength: 5 }),
  services: fc.array(fc.record({
    id: idArb, name: fc.oneof(fc.string(), fc.constant(undefined)), category: idArb,
    cookies: fc.array(fc.record({ name: fc.oneof(fc.string(), fc.constantFrom('/^_ga_/', '/[/', '/(?<x/')) })),
    scripts: fc.array(fc.oneof(fc.string(), fc.constantFrom('/x(/', 'google-analytics.com'))),
  }, { requiredKeys: [] }), { maxLength: 5 }),
}, { requiredKeys: ['categories'] });

let consent: Consent | undefined;
afterEach(() => consent?.destroy());

describe('properties', () => {
  it('validation never throws, and a usable manifest has exactly one required category', () => {
    fc.assert(fc.property(fc.oneof(manifestArb, fc.jsonValue()), (raw) => {
      const v = validateManifest(raw);
      if (v.manifest) expect(v.manifest.categories.filter((c) => c.required)).toHaveLength(1);
      else expect(v.errors.length).toBeGreaterThan(0);
    }), { numRuns: 1500 });
  });

  it('random cookies grant nothing beyond the required category', async () => {
    const manifest = {
      categories: ['necessary', 'analytics', 'marketing'],
      services: [{ id: 'ga', name: 'GA', category: 'analytics' }, { id: 'site', name: 'Site', category: 'necessary' }],
    };
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 600 }), async (cookie) => {
      const env = fakeEnv({ cookies: { kakor_consent: cookie } });
      consent?.destroy();
      consent = createConsent({ manifest, env, intercept: false });
      await consent.ready;
      const s = consent.getConsent();
      expect(s.decided).toBe(false);
      expect(s.categories).toEqual({ necessary: true, analytics: false, marketing: false });
      expect(s.services).toEqual({ ga: false, site: true });
    }), { numRuns: 300 });
  });

  it('random manifests never throw out of createConsent nor grant anything undecided', async () => {
    await fc.assert(fc.asyncProperty(manifestArb, fc.string(), async (manifest, cookie) => {
      const env = fakeEnv({ cookies: { kakor_consent: cookie } });
      consent?.destroy();
      consent = createConsent({ manifest: manifest as never, env, intercept: false });
      await consent.ready;
      const m = consent.getManifest();
      const s = consent.getConsent();
      if (!m) expect(Object.values(s.categories).concat(Object.values(s.services))).toEqual([]);
      else if (s.source !== 'none-needed') {
        for (const c of m.categories) expect(s.categories[c.id]).toBe(c.required);
      }
    }), { numRuns: 400 });
  });
});
