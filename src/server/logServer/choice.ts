// One consent choice as the engine POSTs it (src/core/consentLog.ts, CONTRACT §3),
// checked field by field: anything else is refused with a one-line reason.

/** A choice as the log keeps it. No IP address, no full user agent. */
export interface LoggedChoice {
  consentId: string;
  /** ISO 8601 in UTC with milliseconds, as the engine writes it. */
  decidedAt: string;
  revision: number;
  source: string;
  granted: string[];
  denied: string[];
  language: string;
  /** The page's origin and path: never a query or fragment. */
  url: string;
  /** When the log server received it (ISO 8601). */
  receivedAt: string;
  /** A browser family ("Chrome", "Firefox", …), never the header itself. */
  userAgent: string;
}

/** What a POST body must hold: exactly these fields. */
export type PostedChoice = Omit<LoggedChoice, 'receivedAt' | 'userAgent'>;

const FIELDS = ['consentId', 'decidedAt', 'revision', 'source', 'granted', 'denied', 'language', 'url'];
// env.randomId(): a UUID, or 32 hex digits on a plain-http page (src/core/env.ts).
const CONSENT_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
// 'none-needed' is never posted: no choice was made (src/core/createConsent.ts).
const SOURCES = ['banner', 'preferences', 'api', 'gpc'];
// Manifest ids are free-form in the manifest check, but a log keeps them plain.
const ID = /^[\w.:-]{1,64}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const MAX_URL = 2048;
const MAX_IDS = 200;

/** The choice in `body`, or the reason it is refused. */
export function parseChoice(body: unknown): PostedChoice | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !FIELDS.includes(k));
  if (unknown.length) return `unknown field ${JSON.stringify(unknown[0])}`;
  const missing = FIELDS.filter((k) => !(k in b));
  if (missing.length) return `missing field ${JSON.stringify(missing[0])}`;

  const { consentId, decidedAt, revision, source, granted, denied, language, url } = b;
  if (typeof consentId !== 'string' || !CONSENT_ID.test(consentId)) return 'consentId: expected a UUID or 32 hex digits';
  if (typeof decidedAt !== 'string' || !ISO_TIME.test(decidedAt) || new Date(decidedAt).toISOString() !== decidedAt) {
    return 'decidedAt: expected an ISO 8601 time like 2026-05-01T12:00:00.000Z';
  }
  if (!Number.isInteger(revision) || (revision as number) < 0 || (revision as number) > 2 ** 31 - 1) {
    return 'revision: expected a whole number';
  }
  if (typeof source !== 'string' || !SOURCES.includes(source)) return `source: expected one of ${SOURCES.join(', ')}`;
  const ids = (name: string, v: unknown): string | undefined => {
    if (!Array.isArray(v) || v.length > MAX_IDS) return `${name}: expected an array of at most ${MAX_IDS} ids`;
    if (!v.every((id) => typeof id === 'string' && ID.test(id))) return `${name}: each id must be 1–64 letters, digits or . : _ -`;
    if (new Set(v).size !== v.length) return `${name}: an id is listed twice`;
    return undefined;
  };
  const bad = ids('granted', granted) ?? ids('denied', denied);
  if (bad) return bad;
  if ((granted as string[]).some((id) => (denied as string[]).includes(id))) return 'an id is both granted and denied';
  if (typeof language !== 'string' || !LANGUAGE.test(language)) return 'language: expected a language code like "sv"';
  const page = pageUrl(url);
  if (typeof page !== 'object') return page;
  return {
    consentId: consentId.toLowerCase(), decidedAt, revision: revision as number, source,
    granted: granted as string[], denied: denied as string[], language, url: page.href,
  };
}

// The contract promises a page URL without its query (§3): one with a query is refused, not trimmed.
function pageUrl(url: unknown): URL | string {
  if (typeof url !== 'string' || url.length > MAX_URL) return `url: expected a string of at most ${MAX_URL} characters`;
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return 'url: not an absolute URL';
  }
  if (page.protocol !== 'https:' && page.protocol !== 'http:') return 'url: expected http or https';
  if (page.search || page.hash || url.includes('?') || url.includes('#')) return 'url: must not carry a query or fragment';
  if (page.username || page.password) return 'url: must not carry user info';
  return page;
}
