// kakor/server's readConsent in Node, no DOM: the record the browser wrote, read
// from a Cookie header, is the browser's getConsent(); anything doubtful is "not decided".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Cookies from 'js-cookie';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/core/index';
import { encodeRecord, type ConsentRecord } from '../../src/core/record';
import { readConsent } from '../../src/server/index';
import { recordFor } from '../unit/storedRecord';

const nesk: Manifest = JSON.parse(readFileSync(join(__dirname, '../fixtures/nesk.cookies.json'), 'utf8'));
const day = 864e5;
/** Analytics granted with Google Analytics in it, written under the nesk manifest. */
const record = (over: Partial<ConsentRecord> = {}, ids = ['analytics', 'google-analytics']): ConsentRecord => ({
  ...recordFor(nesk, ids, { revision: 3, id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', time: Date.now() - day, source: 'banner' }),
  ...over,
});
/** The Cookie header a browser sends after js-cookie wrote this record. */
const cookie = (r: ConsentRecord, name = 'kakor_consent') => `${name}=${Cookies.converter.write(encodeRecord(r), name)}`;
/** The same, after someone edited the stored string. */
const edited = (from: string, to: string) => {
  const raw = encodeRecord(record());
  if (!raw.includes(from)) throw new Error(`no ${from} in ${raw}`);
  return `kakor_consent=${Cookies.converter.write(raw.replace(from, to), 'kakor_consent')}`;
};
const header = (...parts: string[]) => ['wp_lang=sv', ...parts, '_ga=GA1.1.1'].join('; ');

describe('readConsent(cookieHeader, manifest)', () => {
  it('reads a stored choice as getConsent() states it', () => {
    const r = record();
    expect(readConsent(header(cookie(r)), nesk)).toEqual({
      decided: true,
      categories: { necessary: true, preferences: false, analytics: true, marketing: false, newsletter: false },
      services: {
        woocommerce: true, stripe: true, language: false, 'google-analytics': true, 'facebook-pixel': false, mailchimp: false,
      },
      revision: 3, id: r.id, decidedAt: new Date(r.time).toISOString(), source: 'banner',
    });
  });

  const notDecided = {
    decided: false, id: null, decidedAt: null, source: null, revision: 3,
    categories: { necessary: true, preferences: false, analytics: false, marketing: false, newsletter: false },
  };
  it.each([
    ['no Cookie header', null],
    ['an empty header', ''],
    ['no kakor cookie', header()],
    ['a record of an older revision', header(cookie(record({ revision: 2 })))],
    ['a record older than consentMaxAgeDays', header(cookie(record({ time: Date.now() - 181 * day })))],
    ['a hand-edited record', header(edited('necessary~analytics', 'necessary~marketing'))],
    ['a record cut short', header(cookie(record()).slice(0, -12))],
    ['not a record at all', header('kakor_consent=yes')],
    ['a malformed escape, which must not throw', header('kakor_consent=%E0%A4%A')],
    ['two records (a parent domain set one too)', header(cookie(record()), cookie(record({}, [])))],
    ['a record of kakor 0.1 (version 1)', header('kakor_consent=[1,3,"3f2a9c1e5b7d4e8f",1763769600000,["necessary","analytics"],[],"banner","x"]')],
    ['a record written before the manifest\'s services changed (same revision)', header(cookie(
      recordFor({ ...nesk, services: nesk.services!.slice(1) }, ['analytics'], { revision: 3, id: '3f2a9c1e5b7d4e8f', time: Date.now(), source: 'api' }),
    ))],
  ])('is not decided for %s', (_, value) => {
    expect(readConsent(value, nesk)).toMatchObject(notDecided);
  });

  it('reads the cookie the manifest names', () => {
    const m: Manifest = { ...nesk, cookie: { name: 'nesk_val' } };
    expect(readConsent(header(cookie(record())), m).decided).toBe(false);
    expect(readConsent(header(cookie(record(), 'nesk_val')), m).categories.analytics).toBe(true);
  });

  it('needs no choice when every service is required, like the browser (source none-needed)', () => {
    const m: Manifest = { categories: ['necessary'], services: [{ id: 'shop', name: 'Shop', category: 'necessary' }] };
    expect(readConsent('', m)).toMatchObject({ decided: true, source: 'none-needed', categories: { necessary: true } });
  });

  it('fails closed on a manifest that does not validate: not decided, nothing listed', () => {
    const bad = { ...nesk, services: [{ id: 'x', name: 'X', category: 'analitycs' }] };
    expect(readConsent(header(cookie(record())), bad)).toEqual({
      decided: false, categories: {}, services: {}, revision: 0, id: null, decidedAt: null, source: null,
    });
  });
});

describe('readConsent(cookieHeader) without a manifest', () => {
  it('lists the categories the record grants, under the record\'s own revision (services need the manifest)', () => {
    const r = record({ revision: 7 });
    expect(readConsent(header(cookie(r)))).toEqual({
      decided: true,
      categories: { necessary: true, analytics: true },
      services: {},
      revision: 7, id: r.id, decidedAt: new Date(r.time).toISOString(), source: 'banner',
    });
  });

  it.each([
    ['no record', header()],
    ['a tampered record', header(edited('necessary~analytics', 'necessary~marketing'))],
    ['an edited revision', header(edited('2.3.', '2.4.'))],
    ['a record older than 365 days', header(cookie(record({ time: Date.now() - 366 * day })))],
    ['two records', header(cookie(record()), cookie(record()))],
  ])('is not decided for %s', (_, value) => {
    expect(readConsent(value)).toEqual({
      decided: false, categories: {}, services: {}, revision: 0, id: null, decidedAt: null, source: null,
    });
  });
});
