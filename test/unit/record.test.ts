import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { browserEnv } from '../../src/core/env';
import { decodeRecord, encodeRecord, type ConsentRecord } from '../../src/core/record';

const now = Date.UTC(2026, 10, 23);
const day = 864e5;
const record: ConsentRecord = {
  revision: 3, id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', time: now - day,
  categories: ['necessary', 'analytics'], services: ['woocommerce', 'google-analytics'], source: 'banner',
};

describe('consent record', () => {
  it('round-trips', () => {
    expect(decodeRecord(encodeRecord(record), 3, 180, now)).toEqual(record);
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
    for (const id of [uuid, ...hex]) expect(decodeRecord(encodeRecord({ ...record, id }), 3, 180, now)).toEqual({ ...record, id });
  });

  it('is missing when there is no cookie', () => {
    expect(decodeRecord(undefined, 3, 180, now)).toBe('missing');
    expect(decodeRecord('', 3, 180, now)).toBe('missing');
  });

  it('asks again after a revision bump', () => {
    expect(decodeRecord(encodeRecord(record), 4, 180, now)).toBe('revision');
  });

  it('expires after consentMaxAgeDays, and refuses a choice from the future', () => {
    expect(decodeRecord(encodeRecord({ ...record, time: now - 181 * day }), 3, 180, now)).toBe('expired');
    expect(decodeRecord(encodeRecord({ ...record, time: now - 179 * day }), 3, 180, now)).toEqual({ ...record, time: now - 179 * day });
    expect(decodeRecord(encodeRecord({ ...record, time: now + 3 * day }), 3, 180, now)).toBe('expired');
  });

  it('reads a hand-edited grant as tampered', () => {
    const edited = encodeRecord(record).replace('"analytics"', '"marketing"');
    expect(decodeRecord(edited, 3, 180, now)).toBe('tampered');
  });

  it.each([
    ['garbage', 'not json'],
    ['a JSON object', '{"c":["marketing"]}'],
    ['a cut-off value', encodeRecord(record).slice(0, 40)],
    ['percent-encoding', encodeURIComponent(encodeRecord(record))],
    ['an id with markup', encodeRecord({ ...record, id: '<img src=x onerror=alert(1)>' })],
    ['a 4 KB value', '['.repeat(4097)],
    ['an unknown source', encodeRecord({ ...record, source: 'sneaky' as 'api' })],
    ['ids with spaces', encodeRecord({ ...record, services: ['google analytics'] })],
  ])('reads %s as tampered', (_, raw) => {
    expect(decodeRecord(raw, 3, 180, now)).toBe('tampered');
  });

  it('never throws and never grants from random cookie strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 5000 }), (raw) => {
      const r = decodeRecord(raw, 3, 180, now);
      expect(typeof r === 'string').toBe(true);
    }), { numRuns: 2000 });
  });

  it('never throws on random JSON shaped like a record', () => {
    const value = fc.jsonValue();
    fc.assert(fc.property(fc.tuple(value, value, value, value, value, value, value, value), (parts) => {
      expect(typeof decodeRecord(JSON.stringify(parts), 3, 180, now)).toBe('string');
    }), { numRuns: 1000 });
  });
});
