import fc from 'fast-check';
import Cookies from 'js-cookie';
import { describe, expect, it, vi } from 'vitest';
import { grantAll, grantRequired } from '../../src/core/choice';
import { browserEnv } from '../../src/core/env';
import { decodeRecord, digest, encodeRecord, type ConsentRecord, type Expected } from '../../src/core/record';
import { grantedFromRecord, manifestFingerprint, recordGrants } from '../../src/core/recordGrants';
import type { Manifest } from '../../src/core/types';
import { resolve } from './storedRecord';

const now = Date.UTC(2026, 10, 23);
const day = 864e5;
const manifest: Manifest = {
  revision: 3,
  categories: ['necessary', 'preferences', 'analytics', 'marketing'],
  services: [
    { id: 'woocommerce', name: 'WooCommerce', category: 'necessary' },
    { id: 'google-analytics', name: 'Google Analytics', category: 'analytics' },
    { id: 'hotjar', name: 'Hotjar', category: 'analytics' },
    { id: 'facebook-pixel', name: 'Meta Pixel', category: 'marketing' },
  ],
};
const m = resolve(manifest);
const expected: Expected = { revision: 3, fingerprint: manifestFingerprint(m), maxAgeDays: 180, now };
const head = { revision: 3, id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', time: now - day, source: 'banner' as const };
/** Analytics granted, but Hotjar in it not; Meta Pixel granted in a denied marketing. */
const mixed = new Set([...grantRequired(m), 'analytics', 'google-analytics', 'facebook-pixel']);
const record: ConsentRecord = { ...head, ...recordGrants(m, mixed) };

/** A manifest of `n` services over the four categories, in order. */
const big = (n: number) => resolve({
  categories: ['necessary', 'preferences', 'analytics', 'marketing'],
  services: Array.from({ length: n }, (_, i) => ({
    id: `service-${i}`, name: `Service ${i}`, category: ['necessary', 'preferences', 'analytics', 'marketing'][i % 4],
  })),
});
/** The bytes of the Set-Cookie value js-cookie writes. */
const cookieBytes = (raw: string) => `kakor_consent=${Cookies.converter.write(raw, 'kakor_consent')}`.length;

describe('consent record', () => {
  it('round-trips, and gives back exactly what was granted', () => {
    const decoded = decodeRecord(encodeRecord(record), expected);
    expect(decoded).toEqual(record);
    expect(grantedFromRecord(m, decoded as ConsentRecord)).toEqual(mixed);
    expect(record.categories).toEqual(['necessary', 'analytics']);
  });

  it('round-trips every possible choice over a manifest', () => {
    const all = [...m.categories.filter((c) => !c.required), ...m.services.filter((s) => s.category !== 'necessary')];
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length }), (on) => {
      const granted = grantRequired(m);
      all.forEach((x, i) => on[i] && granted.add(x.id));
      const raw = encodeRecord({ ...head, ...recordGrants(m, granted) });
      expect(grantedFromRecord(m, decodeRecord(raw, expected) as ConsentRecord)).toEqual(granted);
    }), { numRuns: 300 });
  });

  it('stores "accept all" as categories and no service bits', () => {
    expect(recordGrants(m, grantAll(m))).toMatchObject({ categories: ['necessary', 'preferences', 'analytics', 'marketing'], services: '' });
  });

  it('keeps 1,000 services well under 4 KB: accept all, reject all, and any per-service choice', () => {
    const b = big(1000);
    const check = (granted: Set<string>, under = b) => {
      const raw = encodeRecord({ ...head, ...recordGrants(under, granted) });
      const decoded = decodeRecord(raw, { ...expected, fingerprint: manifestFingerprint(under) });
      expect(grantedFromRecord(under, decoded as ConsentRecord)).toEqual(granted);
      return cookieBytes(raw);
    };
    const random = grantRequired(b);
    b.services.forEach((s, i) => (i * 7919) % 3 === 0 && random.add(s.id));
    random.add('analytics');
    const sizes = { all: check(grantAll(b)), none: check(grantRequired(b)), random: check(random) };
    // Measured: 134 B, 102 B and 362 B with a 36-character id (the README quotes them).
    expect(sizes.all).toBeLessThan(160);
    expect(sizes.none).toBeLessThan(160);
    expect(sizes.random).toBeLessThan(400);
    // The same choice over 100 services is smaller: the size follows only 1 bit per service.
    expect(check(grantAll(big(100)), big(100))).toBe(sizes.all);
  });

  it('keeps the ids browserEnv makes, a UUID or 32 hex digits where randomUUID is missing (plain http)', () => {
    const env = browserEnv();
    const uuid = env.randomId();
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const hex = [env.randomId(), env.randomId()];
    vi.unstubAllGlobals();
    expect(uuid).toMatch(/^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/);
    expect(hex[0]).toMatch(/^[\da-f]{32}$/);
    expect(hex[0]).not.toBe(hex[1]);
    for (const id of [uuid, ...hex]) expect(decodeRecord(encodeRecord({ ...record, id }), expected)).toEqual({ ...record, id });
  });

  it('is written in characters js-cookie stores unescaped', () => {
    const raw = encodeRecord(record);
    expect(Cookies.converter.write(raw, 'kakor_consent')).toBe(raw);
  });

  it('is missing when there is no cookie', () => {
    expect(decodeRecord(undefined, expected)).toBe('missing');
    expect(decodeRecord('', expected)).toBe('missing');
  });

  it('reads a version-1 record (kakor 0.1) as old: asked again', () => {
    const v1 = '[1,3,"3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",1763769600000,["necessary","analytics"],["woocommerce","google-analytics"],"banner","1x2y3z"]';
    expect(decodeRecord(v1, expected)).toBe('old');
  });

  it('asks again after a revision bump', () => {
    expect(decodeRecord(encodeRecord(record), { ...expected, revision: 4 })).toBe('revision');
  });

  it.each([
    ['a service added', { ...manifest, services: [...manifest.services!, { id: 'x', name: 'X', category: 'analytics' }] }],
    ['two services swapped', { ...manifest, services: [manifest.services![0], manifest.services![2], manifest.services![1], manifest.services![3]] }],
    ['a service moved to another category', { ...manifest, services: manifest.services!.map((s) => (s.id === 'hotjar' ? { ...s, category: 'marketing' } : s)) }],
    ['a category added', { ...manifest, categories: [...manifest.categories, { id: 'newsletter', title: 'Nyhetsbrev', description: 'Utskick.' }] }],
  ])('asks again when the manifest changed without a revision bump: %s', (_, edited) => {
    const fingerprint = manifestFingerprint(resolve(edited as Manifest));
    expect(fingerprint).not.toBe(expected.fingerprint);
    expect(decodeRecord(encodeRecord(record), { ...expected, fingerprint })).toBe('changed');
  });

  it('keeps the fingerprint for edits that do not move any id (texts, cookies, scripts)', () => {
    const edited = { ...manifest, services: manifest.services!.map((s) => ({ ...s, name: `${s.name}!`, scripts: ['example.com'] })) };
    expect(manifestFingerprint(resolve(edited))).toBe(expected.fingerprint);
  });

  it('expires after consentMaxAgeDays, and refuses a choice from the future', () => {
    expect(decodeRecord(encodeRecord({ ...record, time: now - 181 * day }), expected)).toBe('expired');
    expect(decodeRecord(encodeRecord({ ...record, time: now - 179 * day }), expected)).toEqual({ ...record, time: now - 179 * day });
    expect(decodeRecord(encodeRecord({ ...record, time: now + 3 * day }), expected)).toBe('expired');
  });

  it.each([
    ['a category', (raw: string) => raw.replace('necessary~analytics', 'necessary~marketing')],
    ['a category added', (raw: string) => raw.replace('necessary~analytics', 'necessary~analytics~marketing')],
    ['the service bits', (raw: string) => raw.replace(`.${record.services}.`, '.4.')],
    ['the revision', (raw: string) => raw.replace('2.3.', '2.4.')],
    ['the fingerprint', (raw: string) => raw.replace(`.${record.fingerprint}.`, '.abcdefg.')],
    ['the source', (raw: string) => raw.replace('.banner.', '.api.')],
  ])('reads a hand-edited %s as tampered', (_, edit) => {
    const edited = edit(encodeRecord(record));
    expect(edited).not.toBe(encodeRecord(record));
    expect(decodeRecord(edited, expected)).toBe('tampered');
  });

  /** A record body with a correct checksum, as someone who read the source could make. */
  const withSum = (body: string) => `${body}.${digest(body)}`;
  it.each([
    ['garbage', 'not json'],
    ['a JSON object', '{"c":["marketing"]}'],
    ['a cut-off value', encodeRecord(record).slice(0, 40)],
    ['percent-encoding', encodeURIComponent(encodeRecord(record)).replace(/\./g, '%2E')],
    ['an id with markup', encodeRecord({ ...record, id: '<img src=x onerror=alert(1)>' })],
    ['a 4 KB value', `${encodeRecord(record)}${'A'.repeat(4097)}`],
    ['an unknown source', encodeRecord({ ...record, source: 'sneaky' as 'api' })],
    ['ids with spaces', encodeRecord({ ...record, categories: ['google analytics'] })],
    ['a revision with a leading zero', withSum('2.03.3f2a9c1e5b7d4e8f.1763769600000.banner.necessary.4.abcdefg')],
    ['service bits ending in a zero', withSum('2.3.3f2a9c1e5b7d4e8f.1763769600000.banner.necessary.40.abcdefg')],
    ['another version', withSum('3.3.3f2a9c1e5b7d4e8f.1763769600000.banner.necessary.4.abcdefg')],
  ])('reads %s as tampered', (_, raw) => {
    expect(decodeRecord(raw, expected)).toBe('tampered');
  });

  it('accepts those shapes once they are well-formed, so the cases above fail for the reason named', () => {
    expect(decodeRecord(withSum('2.3.3f2a9c1e5b7d4e8f.1763769600000.banner.necessary.4.abcdefg'), { maxAgeDays: 1e6, now }))
      .toMatchObject({ revision: 3, services: '4', categories: ['necessary'] });
  });

  it('never throws and never grants from random cookie strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 5000 }), (raw) => {
      const r = decodeRecord(raw, expected);
      expect(typeof r === 'string').toBe(true);
    }), { numRuns: 2000 });
  });

  it('never throws on random strings shaped like a record', () => {
    const part = fc.oneof(fc.stringMatching(/^[\w~-]{0,12}$/), fc.nat().map(String));
    fc.assert(fc.property(fc.array(part, { minLength: 8, maxLength: 10 }), (parts) => {
      expect(typeof decodeRecord(['2', ...parts].join('.'), expected)).toBe('string');
    }), { numRuns: 2000 });
  });
});
