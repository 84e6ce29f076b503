// @vitest-environment jsdom
// The server reads exactly what the browser engine wrote: the record set through
// js-cookie on jsdom's document.cookie, sent back as a Cookie header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
});
