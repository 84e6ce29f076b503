// What a manifest must be (CONTRACT §2), checked and resolved in one pass:
// defaults applied, cookie and URL patterns compiled. Shared by the engine's lean
// check (lean.ts) and the full one (validate.ts), so both accept exactly the same
// manifests; problems come out as paths and short reasons (checks.ts), and the
// well-known categories' texts are not here: the full check and the dialog add them.
import type { Category, ResolvedManifest } from '../types';
import { bool, fail, is, link, list, obj, pattern, str, text, texts, unique, url, type Check, type Obj, type Problems } from './checks';
import { CONSENT_MODE_TYPES as MODES } from '../signals/consentMode';

/** The categories that need no title nor description: kakor has its own (wellKnown.ts). */
export const WELL_KNOWN = ['necessary', 'preferences', 'analytics', 'marketing'];

/** What a check gives the engine: the resolved manifest (null when unusable) and every problem found. */
export interface Checked {
  manifest: ResolvedManifest | null;
  problems: Problems;
}

/** A check as the engine runs it: it says what is wrong through `error` and `warn` itself. */
export type ManifestCheck = (raw: unknown, error: (message: string) => void, warn: (message: string) => void) => Checked;

const categoryFields = obj({ id: unique, title: text, description: text, required: bool }, 'id');
/** A category: the string shorthand expanded; one that is not well-known brings its own texts. */
const category: Check<Category> = (p, path, v) => {
  const c = categoryFields(p, path, typeof v === 'string' ? { id: v } : v);
  if (!c) return undefined;
  // `necessary` is required unless it says otherwise (CONTRACT §2).
  return WELL_KNOWN.includes(c.id as string) || (c.title !== undefined && c.description !== undefined)
    ? { required: c.id === 'necessary', ...c } as Category : fail(p, path, 'title and description', c.id);
};
// An empty list has no required category, so it fails below.
const categories = list(category);
const oneRequired = is((n) => n === 1, 'one required category');

/**
 * A cookie named `__Host-…` exists only without a Domain attribute: browsers
 * refuse to set one that has it (RFC 6265bis §4.1.3.2, matched without case),
 * so kakor could neither write nor delete it.
 */
const hostPrefixed = (p: Problems, path: string, c: Obj | undefined): Obj | undefined =>
  c && typeof c.name == 'string' && /^__host-/i.test(c.name) && c.domain !== undefined
    ? fail(p, `${path}.domain`, '__Host- with domain', c.domain) : c;

const cookieFields = obj({ name: pattern, purpose: text, duration: text, domain: str }, 'name');
/** A cookie keeps its name as written; a `/regex/` name is also compiled to `pattern`. */
const cookie: Check = (p, path, v) => {
  const c = hostPrefixed(p, path, cookieFields(p, path, v));
  return c && { ...c, name: (v as Obj).name, pattern: c.name instanceof RegExp ? c.name : undefined };
};
/** The record's cookie unless the manifest names another (CONTRACT §3). */
export const RECORD_COOKIE = 'kakor_consent';
const consentCookie = obj({ name: is((v) => typeof v === 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(v), 'cookie name'), domain: str },
  '', () => ({ name: RECORD_COOKIE }));

const service = obj({
  id: unique,
  name: str,
  // Categories are checked before services (key order below), so every declared one is known
  // here: its id maps to a path under `categories` (an unknown id tests as "undefined").
  category: (p, path, v) => {
    const c = str(p, path, v);
    return c === undefined || /^categories/.test(p.ids.get(c)!) ? c : fail(p, path, 'undeclared category', c);
  },
  provider: str, privacyPolicyUrl: link, description: text,
  cookies: list(cookie),
  scripts: list(pattern),
  consentMode: list(is((v) => MODES.includes(v as string), 'consent mode type')),
}, 'id name category', () => ({ cookies: [], scripts: [] }));

const manifest = obj({
  $schema: str,
  revision: is((v) => Number.isInteger(v) && (v as number) >= 0, 'whole number'),
  defaultLanguage: is((v) => v === 'sv' || v === 'en', 'sv or en'),
  policyUrl: link,
  consentMaxAgeDays: is((v) => typeof v === 'number' && v > 0 && v <= 3650, 'days'),
  cookie: (p, path, v) => hostPrefixed(p, path, consentCookie(p, path, v)),
  googleConsentMode: bool,
  honorGlobalPrivacyControl: bool,
  reloadOnWithdraw: bool,
  consentLog: obj({ endpoint: url }, 'endpoint'),
  categories: (p, path, v) => {
    const cs = categories(p, path, v);
    return cs && oneRequired(p, path, cs.filter((c) => c.required).length) && cs;
  },
  services: list(service),
  texts,
}, 'categories', () => ({
  revision: 1, defaultLanguage: 'sv', consentMaxAgeDays: 182, googleConsentMode: false,
  honorGlobalPrivacyControl: true, reloadOnWithdraw: true, texts: {}, cookie: { name: RECORD_COOKIE }, services: [],
}));

/**
 * Checks `raw` and resolves it, recording every problem in `p`; null when there was
 * any error. A well-known category without its own texts has no title nor description yet.
 */
export const resolveManifest = (p: Problems, raw: unknown): ResolvedManifest | null =>
  (manifest(p, '', raw) as ResolvedManifest | undefined) || null;
