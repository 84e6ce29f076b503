// The visitor's choice read on a server from the Cookie header (CONTRACT §1.2):
// the same record decoding and granting as the browser's getConsent(), no DOM.
import Cookies from 'js-cookie';
import { grantRequired, toState } from '../core/choice';
import { RECORD_COOKIE } from '../core/manifest/schema';
import { validateManifest } from '../core/manifest/validate';
import { decodeRecord } from '../core/record';
import { grantedFromRecord, manifestFingerprint } from '../core/recordGrants';
import type { ConsentState, Manifest } from '../core/types';

const DEFAULT_MAX_AGE_DAYS = 365;

/** Not decided: nothing non-essential may run, as in the browser before a choice. */
const undecided = (): ConsentState => toState(null, new Set(), null);

/**
 * Every value the header holds for `name`, decoded as js-cookie decodes what it
 * wrote (the engine's cookie jar), so the server reads the exact string the browser does.
 */
function cookieValues(header: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const raw = pair.slice(eq + 1).trim();
    // A malformed escape (`%E0%A4`) makes decodeURIComponent throw: keep the raw
    // text, which no record matches, so it reads as tampered instead of escaping.
    try {
      values.push(Cookies.converter.read(raw, name));
    } catch {
      values.push(raw);
    }
  }
  return values;
}

/**
 * What the browser's `getConsent()` would return for the visitor who sent this
 * Cookie header. A missing, expired, older-revision, unparseable or tampered
 * record is "not decided"; so are two records (another path or a parent domain
 * can set one: CONTRACT §3). Without the manifest, the record's own revision is
 * taken, the default cookie name and 365 days apply, and only the granted
 * categories are listed (the record holds services as bits in the manifest's
 * order); an unusable manifest reads as "not decided" (fail closed).
 */
export function readConsent(cookieHeader: string | null | undefined, manifest?: Manifest): ConsentState {
  const now = Date.now();
  const m = manifest === undefined ? null : validateManifest(manifest).manifest;
  if (manifest !== undefined && !m) return undecided();
  const values = cookieValues(cookieHeader || '', m ? m.cookie.name : RECORD_COOKIE);
  if (m) {
    const granted = grantRequired(m);
    // Every service is in the required category: there is nothing to ask (CONTRACT §8).
    if (m.services.every((s) => granted.has(s.id))) return toState(m, granted, { id: null, time: now, source: 'none-needed' });
    if (values.length !== 1) return toState(m, granted, null);
    const record = decodeRecord(values[0], {
      revision: m.revision, fingerprint: manifestFingerprint(m), maxAgeDays: m.consentMaxAgeDays, now,
    });
    if (typeof record !== 'object') return toState(m, granted, null);
    return toState(m, grantedFromRecord(m, record), record);
  }
  if (values.length !== 1) return undecided();
  // The record's own revision and fingerprint are taken: the checksum that
  // decodeRecord verifies covers them, so an edited one still fails.
  const record = decodeRecord(values[0], { maxAgeDays: DEFAULT_MAX_AGE_DAYS, now });
  if (typeof record !== 'object') return undecided();
  return {
    decided: true, categories: Object.fromEntries(record.categories.map((id) => [id, true])), services: {},
    revision: record.revision,
    id: record.id, decidedAt: new Date(record.time).toISOString(), source: record.source,
  };
}
