// Cookie facts from the Open Cookie Database (Apache-2.0), shipped trimmed in
// catalogue/open-cookie-database/cookies.json (see the NOTICE there): what
// `kakor scan` falls back on for a cookie the catalogue does not name.
import { readFileSync } from 'node:fs';

export type CookieCategory = 'necessary' | 'preferences' | 'analytics' | 'marketing';

export interface CookieFacts {
  platform: string;
  category: CookieCategory;
  /** The database's description, in English. */
  purpose: string;
  /** The database's retention period, in English ("2 years", "session"). */
  retention: string;
  /** Where the database says it is set ("stripe.com", "facebook.com (3rd party)"). */
  domain?: string;
}

type Row = [name: string, platform: string, category: string, domain: string, description: string, retention: string, wildcard: 0 | 1];

// The database's categories in kakor's. "Functional" holds both what a site
// needs and what only remembers a choice; it maps to preferences so that an
// unnamed cookie is never released without consent (fail closed, CONTRACT §2).
const CATEGORY: { [ocd: string]: CookieCategory } = {
  Necessary: 'necessary', Security: 'necessary',
  Functional: 'preferences', Personalization: 'preferences',
  Analytics: 'analytics', Marketing: 'marketing',
};

// NOTE: two folders below the package root both from src/cli/ and from dist/cli/kakor.js.
const file = new URL('../../catalogue/open-cookie-database/cookies.json', import.meta.url);

/** The rows, read afresh on each call (no module-level cache). */
export function readOpenCookieDatabase(): Row[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { cookies: Row[] }).cookies;
}

/**
 * What the database knows of a cookie: an exact name first, then the longest
 * wildcard entry the name starts with (`_ga_` for `_ga_ABC123`).
 */
export function lookupCookie(name: string, rows = readOpenCookieDatabase()): CookieFacts | undefined {
  const row = rows.find((r) => r[6] === 0 && r[0] === name)
    || rows.filter((r) => r[6] === 1 && name.startsWith(r[0])).sort((a, b) => b[0].length - a[0].length)[0];
  if (!row) return undefined;
  const [, platform, category, domain, purpose, retention] = row;
  return { platform, category: CATEGORY[category] || 'marketing', purpose, retention, ...(domain ? { domain } : {}) };
}
