// Validates a manifest as written (CONTRACT §2) and resolves it: defaults
// applied, well-known category texts filled in, cookie and URL patterns compiled.
// Any error makes the whole manifest unusable, so nothing is released by mistake.
import type { Category, ResolvedManifest, Service } from '../types';
import {
  bool, fail, id, is, isObject, link, list, obj, pattern, str, text, texts, toPattern, url,
  type Obj, type Problems,
} from './checks';
import { wellKnownCategories } from './wellKnown';

export interface Validation extends Problems {
  /** The resolved manifest; null when there was any error. */
  manifest: ResolvedManifest | null;
}

const MODES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage',
  'functionality_storage', 'personalization_storage', 'security_storage'];

const category = obj({ id, title: text, description: text, required: bool }, 'id');
const service = obj({
  id, name: str, category: str, provider: str, privacyPolicyUrl: link, description: text,
  cookies: list(obj({ name: pattern, purpose: text, duration: text, domain: str }, 'name')),
  scripts: list(pattern),
  consentMode: list(is((v) => MODES.includes(v as string), `one of ${MODES.join(', ')}`)),
}, 'id name category');
const manifest = obj({
  $schema: str,
  revision: is((v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number'),
  defaultLanguage: is((v) => v === 'sv' || v === 'en', '"sv" or "en"'),
  policyUrl: link,
  consentMaxAgeDays: is((v) => typeof v === 'number' && v > 0 && v <= 3650, 'a number of days from 1 to 3650'),
  cookie: obj({ name: is((v) => typeof v === 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(v), 'a cookie name'), domain: str }),
  googleConsentMode: bool,
  honorGlobalPrivacyControl: bool,
  reloadOnWithdraw: bool,
  consentLog: obj({ endpoint: url }, 'endpoint'),
  categories: list((p, path, v) => category(p, path, typeof v === 'string' ? { id: v } : v), true),
  services: list(service),
  texts,
}, 'categories');

export function validateManifest(raw: unknown): Validation {
  const p: Validation = { errors: [], warnings: [], manifest: null };
  const m = manifest(p, '', raw);
  // Cross-references are checked on the raw manifest, so each problem is reported
  // once even when the parts around it have errors of their own.
  const array = (key: string) => (isObject(raw) && Array.isArray(raw[key]) ? raw[key] as unknown[] : []);
  const categories = resolveCategories(p, array('categories').map((c) => (typeof c === 'string' ? { id: c } : c)));
  const categoryIds = categories.map((c) => c.id);
  const ids = [...categoryIds];
  array('services').forEach((s, i) => {
    if (!isObject(s)) return;
    if (typeof s.category === 'string' && !categoryIds.includes(s.category)) {
      fail(p, `services[${i}].category`, `${JSON.stringify(s.category)} is not a declared category`);
    }
    if (typeof s.id !== 'string') return;
    if (ids.includes(s.id)) {
      fail(p, `services[${i}].id`, categoryIds.includes(s.id)
        ? `"${s.id}" is already a category id` : `duplicate service id "${s.id}"`);
    }
    ids.push(s.id);
  });
  if (!m || p.errors.length) return p;
  p.manifest = {
    revision: 1, defaultLanguage: 'sv', consentMaxAgeDays: 365, googleConsentMode: false,
    honorGlobalPrivacyControl: true, reloadOnWithdraw: true, texts: {},
    ...m,
    cookie: { name: 'kakor_consent', ...m.cookie as Obj },
    categories,
    services: (m.services as Obj[] || []).map(resolveService),
  } as ResolvedManifest;
  return p;
}

function resolveCategories(p: Problems, raw: unknown[]): Category[] {
  const out: Category[] = [];
  raw.forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string') return;
    const known = wellKnownCategories[c.id];
    if (out.some((x) => x.id === c.id)) fail(p, `categories[${i}]`, `duplicate category id "${c.id}"`);
    else if (!known && (c.title === undefined || c.description === undefined)) {
      fail(p, `categories[${i}]`, `"${c.id}" is not a well-known category (necessary, preferences, analytics, marketing): give it a title and a description`);
    } else {
      const { id, title = known.title, description = known.description, required } = c;
      out.push({ id, title, description, required: required === true || (id === 'necessary' && required !== false) } as Category);
    }
  });
  const required = out.filter((c) => c.required).length;
  if (out.length && required !== 1) {
    fail(p, 'categories', required ? `${required} categories are required; exactly one may be`
      : 'no required category: add "necessary" or one with "required": true');
  }
  return out;
}

function resolveService(s: Obj): Service {
  const cookies = (s.cookies as Obj[] || []).map((c) => {
    const pat = toPattern(c.name as string);
    return { ...c, pattern: pat instanceof RegExp ? pat : undefined };
  });
  return { ...s, cookies, scripts: (s.scripts as string[] || []).map(toPattern) } as Service;
}
