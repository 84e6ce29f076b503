// @vitest-environment jsdom
// The server reads exactly what the browser engine wrote: the record set through
// js-cookie on jsdom's document.cookie, sent back as a Cookie header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent, type Consent, type Manifest } from '../../src/core/index';
import { readConsent } from '../../src/server/index';

const nesk: Manifest = JSON.parse(readFileSync(join(__dirname, '../fixtures/nesk.cookies.json'), 'utf8'));
let consent: Consent | undefined;
afterEach(() => {
  consent?.destroy();
  for (const c of document.cookie.split('; ')) document.cookie = `${c.split('=')[0]}=; max-age=0; path=/`;
});

describe('readConsent matches getConsent()', () => {
  it.each([
    ['accept all', (c: Consent) => c.acceptAll()],
    ['reject all', (c: Consent) => c.rejectAll()],
    ['a custom choice', (c: Consent) => c.setConsent({ analytics: true, 'google-analytics': false, newsletter: true })],
  ])('after %s', async (_, choose) => {
    consent = createConsent({ manifest: { ...nesk, reloadOnWithdraw: false }, intercept: false });
    await consent.ready;
    await choose(consent);
    expect(document.cookie).toContain('kakor_consent=');
    expect(readConsent(document.cookie, nesk)).toEqual(consent.getConsent());
  });

  // The record holds services as bits in the manifest's order: a large manifest
  // exercises every bit position, and a reload reads what the server reads.
  const thousand: Manifest = {
    categories: ['necessary', 'preferences', 'analytics', 'marketing'],
    reloadOnWithdraw: false,
    services: Array.from({ length: 1000 }, (_, i) => ({
      id: `service-${i}`, name: `Service ${i}`, category: ['necessary', 'preferences', 'analytics', 'marketing'][i % 4],
    })),
  };
  const perService = Object.fromEntries(thousand.services!.map((s, i) => [s.id, (i * 7919) % 5 < 2]));
  it.each([
    ['accept all over 1,000 services', (c: Consent) => c.acceptAll()],
    ['a per-service choice over 1,000 services', (c: Consent) => c.setConsent({ analytics: true, ...perService })],
  ])('after %s, and in the next page load', async (_, choose) => {
    consent = createConsent({ manifest: thousand, intercept: false });
    await consent.ready;
    await choose(consent);
    const saved = consent.getConsent();
    expect(saved.decided).toBe(true);
    expect(Object.values(saved.services).filter(Boolean).length).toBeGreaterThan(250); // more than the required ones
    expect(document.cookie.length).toBeLessThan(600);
    expect(readConsent(document.cookie, thousand)).toEqual(saved);
    consent.destroy();
    consent = createConsent({ manifest: thousand, intercept: false });
    await consent.ready;
    expect(consent.getConsent()).toEqual(saved);
  });

  it('and both ask again after the manifest\'s services changed without a revision bump', async () => {
    consent = createConsent({ manifest: { ...nesk, reloadOnWithdraw: false }, intercept: false });
    await consent.ready;
    await consent.acceptAll();
    consent.destroy();
    const edited: Manifest = { ...nesk, reloadOnWithdraw: false, services: [...nesk.services!].reverse() };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    consent = createConsent({ manifest: edited, intercept: false });
    await consent.ready;
    expect(consent.getConsent().decided).toBe(false);
    expect(readConsent(document.cookie, edited)).toEqual(consent.getConsent());
    vi.restoreAllMocks();
  });
});
