// The shipped, trimmed Open Cookie Database and lookupCookie(): exact names,
// wildcard-prefix entries, kakor's categories, and the licence that must ship with it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupCookie, readOpenCookieDatabase } from '../../src/cli/openCookieDatabase';

const folder = new URL('../../catalogue/open-cookie-database/', import.meta.url);
const rows = readOpenCookieDatabase();

describe('lookupCookie', () => {
  it('finds an exact name, with the database platform, purpose and retention', () => {
    expect(lookupCookie('_gid', rows)).toEqual({
      platform: 'Google Analytics', category: 'analytics',
      purpose: 'ID used to identify users for 24 hours after last activity', retention: '24 hours',
    });
  });

  it('finds a wildcard entry by prefix: _ga_ for _ga_ABC123', () => {
    expect(lookupCookie('_ga_ABC123', rows)).toMatchObject({ platform: 'Google Analytics', category: 'analytics', retention: '2 years' });
    expect(lookupCookie('_hjSessionUser_1234567', rows)).toMatchObject({ platform: 'Hotjar' });
  });

  it('does not read a non-wildcard entry as a prefix', () => {
    // "_gid" is not a wildcard entry, so "_gidX" is not it.
    expect(lookupCookie('_gidX', rows)?.platform).not.toBe('Google Analytics');
    expect(lookupCookie('kakor_consent_not_in_the_database', rows)).toBeUndefined();
  });

  it('prefers the longest wildcard prefix', () => {
    // Both "_gat" and "_gat_gtag_" are wildcard entries of Google Analytics, with different retentions.
    expect(lookupCookie('_gat_gtag_UA_123', rows)?.retention).toBe('1 hour');
    expect(lookupCookie('_gat_UA-123', rows)?.retention).toBe('1 minute');
  });

  it("maps the database's categories to kakor's, Functional to preferences (fail closed)", () => {
    expect(lookupCookie('__stripe_mid', rows)).toMatchObject({ category: 'preferences', domain: 'stripe.com' });
    expect(lookupCookie('_fbp', rows)?.category).toBe('marketing');
    expect(lookupCookie('csrf_same_site', rows)?.category).toBe('necessary'); // Security
  });

  it('reads the shipped file when no rows are given', () => {
    expect(lookupCookie('_ga')?.platform).toBe('Google Analytics');
  });
});

describe('the shipped copy', () => {
  it('holds every row of the snapshot, with its licence and a notice of the changes', () => {
    expect(rows.length).toBe(2264);
    expect(readFileSync(new URL('LICENSE', folder), 'utf8')).toMatch(/Apache License\s+Version 2\.0/);
    expect(readFileSync(new URL('NOTICE', folder), 'utf8')).toMatch(/Changes made for kakor/);
  });

  it('is listed in the package files', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[] };
    for (const f of ['cookies.json', 'LICENSE', 'NOTICE']) {
      expect(pkg.files).toContain(`catalogue/open-cookie-database/${f}`);
      expect(existsSync(new URL(f, folder))).toBe(true);
    }
    expect(pkg.files).toContain('catalogue/*.json');
  });
});
