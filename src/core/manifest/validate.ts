// Validates a manifest as written (CONTRACT §2) and resolves it in the same pass:
// defaults applied, well-known category texts filled in, cookie and URL patterns
// compiled. Any error makes the whole manifest unusable, so nothing is released by mistake.
import type { Category, ResolvedManifest } from '../types';
import {
  bool, fail, is, link, list, obj, pattern, show, str, text, texts, unique, url,
  type Check, type Obj, type Problems,
} from './checks';
import { wellKnownCategories } from './wellKnown';
import { CONSENT_MODE_TYPES as MODES } from '../signals/consentMode';

export interface Validation extends Problems {
  /** The resolved manifest; null when there was any error. */
  manifest: ResolvedManifest | null;
}

const categoryFields = obj({ id: unique, title: text, description: text, required: bool }, 'id');
/** A category: the string shorthand expanded, built-in texts filled in for a well-known id. */
const category: Check<Category> = (p, path, v) => {
  const c = categoryFields(p, path, typeof v === 'string' ? { id: v } : v);
  if (!c) return undefined;
  // Spreading an inherited member (`toString`, `__proto__`) adds nothing, so those are not well-known.
  // `necessary` is required unless it says otherwise (CONTRACT §2).
  const out = { ...wellKnownCategories[c.id as string], required: c.id === 'necessary', ...c } as Category;
  return out.title !== undefined && out.description !== undefined ? out : fail(p, path,
    `"${c.id}" is not a well-known category (${Object.keys(wellKnownCategories).join(', ')}): give it a title and a description`);
};
// An empty list has no required category, so it fails below.
const categories = list(category);
const oneRequired = is((n) => n === 1, 'exactly one required category ("necessary" or one with "required": true)');

/**
 * A cookie named `__Host-…` exists only without a Domain attribute: browsers
 * refuse to set one that has it (RFC 6265bis §4.1.3.2, matched without case),
 * so kakor could neither write nor delete it.
 */
const hostPrefixed = (p: Problems, path: string, c: Obj | undefined): Obj | undefined =>
  c && typeof c.name == 'string' && /^__host-/i.test(c.name) && c.domain !== undefined
    ? fail(p, `${path}.domain`, `a cookie whose name starts with "__Host-" cannot have a domain (browsers refuse to set it): remove "domain"`)
    : c;

const cookieFields = obj({ name: pattern, purpose: text, duration: text, domain: str }, 'name');
/** A cookie keeps its name as written; a `/regex/` name is also compiled to `pattern`. */
const cookie: Check = (p, path, v) => {
  const c = hostPrefixed(p, path, cookieFields(p, path, v));
  return c && { ...c, name: (v as Obj).name, pattern: c.name instanceof RegExp ? c.name : undefined };
};
const consentCookie = obj({ name: is((v) => typeof v === 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(v), 'a cookie name'), domain: str },
  '', () => ({ name: 'kakor_consent' }));

const service = obj({
  id: unique,
  name: str,
  // Categories are checked before services (key order below), so every declared one is known
  // here: its id maps to a path under `categories` (an unknown id tests as "undefined").
  category: (p, path, v) => {
    const c = str(p, path, v);
    return c === undefined || /^categories/.test(p.ids.get(c)!) ? c : fail(p, path, `${show(c)} is not a declared category`);
  },
  provider: str, privacyPolicyUrl: link, description: text,
  cookies: list(cookie),
  scripts: list(pattern),
  consentMode: list(is((v) => MODES.includes(v as string), `one of ${MODES.join(', ')}`)),
}, 'id name category', () => ({ cookies: [], scripts: [] }));

const manifest = obj({
  $schema: str,
  revision: is((v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number'),
  defaultLanguage: is((v) => v === 'sv' || v === 'en', '"sv" or "en"'),
  policyUrl: link,
  consentMaxAgeDays: is((v) => typeof v === 'number' && v > 0 && v <= 3650, 'a number of days from 1 to 3650'),
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
  honorGlobalPrivacyControl: true, reloadOnWithdraw: true, texts: {}, cookie: { name: 'kakor_consent' }, services: [],
}));

export function validateManifest(raw: unknown): Validation {
  const p: Validation = { errors: [], warnings: [], ids: new Map(), manifest: null };
  // Checked and resolved: defaults applied, categories filled in, patterns compiled.
  p.manifest = (manifest(p, '', raw) as ResolvedManifest | undefined) || null;
  return p;
}
