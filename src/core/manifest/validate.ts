// Validates a manifest as written (CONTRACT §2) and resolves it: defaults
// applied, well-known category texts filled in, cookie and URL patterns compiled.
// Any error makes the whole manifest unusable, so nothing is released by mistake.
import type {
  Category, ConsentModeType, CookieInfo, Lang, ResolvedManifest, Service, TextOverrides,
} from '../types';
import {
  checkBoolean, checkId, checkString, checkText, compilePattern, expect, fail, isObject,
  isSafeUrl, warnUnknownKeys, type Obj, type Problems,
} from './checks';
import { wellKnownCategories } from './wellKnown';

export interface Validation extends Problems {
  /** The resolved manifest; null when there was any error. */
  manifest: ResolvedManifest | null;
}

const TOP_KEYS = ['$schema', 'revision', 'defaultLanguage', 'policyUrl', 'consentMaxAgeDays', 'cookie',
  'googleConsentMode', 'honorGlobalPrivacyControl', 'reloadOnWithdraw', 'consentLog', 'categories',
  'services', 'texts'];
const SERVICE_KEYS = ['id', 'name', 'category', 'provider', 'privacyPolicyUrl', 'description', 'cookies',
  'scripts', 'consentMode'];
const COOKIE_KEYS = ['name', 'purpose', 'duration', 'domain'];
const CATEGORY_KEYS = ['id', 'title', 'description', 'required'];
export const CONSENT_MODE_TYPES: ConsentModeType[] = ['ad_storage', 'ad_user_data', 'ad_personalization',
  'analytics_storage', 'functionality_storage', 'personalization_storage', 'security_storage'];

export function validateManifest(raw: unknown): Validation {
  const p: Validation = { errors: [], warnings: [], manifest: null };
  if (!isObject(raw)) {
    fail(p, 'manifest', 'expected a JSON object');
    return p;
  }
  warnUnknownKeys(p, '', raw, TOP_KEYS);
  const m: ResolvedManifest = {
    revision: 1, defaultLanguage: 'sv', consentMaxAgeDays: 365, cookie: { name: 'kakor_consent' },
    googleConsentMode: false, honorGlobalPrivacyControl: true, reloadOnWithdraw: true,
    categories: [], services: [], texts: {},
  };
  const r = raw;
  if (r.revision !== undefined && expect(p, 'revision', r.revision,
    Number.isInteger(r.revision) && (r.revision as number) >= 0, 'a whole number')) m.revision = r.revision as number;
  if (r.defaultLanguage !== undefined && expect(p, 'defaultLanguage', r.defaultLanguage,
    r.defaultLanguage === 'sv' || r.defaultLanguage === 'en', '"sv" or "en"')) m.defaultLanguage = r.defaultLanguage as Lang;
  if (r.policyUrl !== undefined) m.policyUrl = safeUrlText(p, 'policyUrl', r.policyUrl);
  if (r.consentMaxAgeDays !== undefined && expect(p, 'consentMaxAgeDays', r.consentMaxAgeDays,
    typeof r.consentMaxAgeDays === 'number' && r.consentMaxAgeDays > 0 && r.consentMaxAgeDays <= 3650,
    'a number of days from 1 to 3650')) m.consentMaxAgeDays = r.consentMaxAgeDays as number;
  for (const key of ['googleConsentMode', 'honorGlobalPrivacyControl', 'reloadOnWithdraw'] as const) {
    if (r[key] !== undefined && checkBoolean(p, key, r[key])) m[key] = r[key] as boolean;
  }
  if (r.cookie !== undefined) readCookieOption(p, r.cookie, m);
  if (r.consentLog !== undefined) {
    const log = r.consentLog;
    if (expect(p, 'consentLog', log, isObject(log), '{ "endpoint": "https://…" }')
      && checkString(p, 'consentLog.endpoint', (log as Obj).endpoint)) {
      const endpoint = (log as Obj).endpoint as string;
      if (isSafeUrl(endpoint)) m.consentLog = { endpoint };
      else fail(p, 'consentLog.endpoint', `${JSON.stringify(endpoint)} is not an http(s) or relative URL`);
    }
  }
  if (r.texts !== undefined) m.texts = readTexts(p, r.texts);
  m.categories = readCategories(p, r.categories);
  m.services = readServices(p, r.services, m.categories);
  if (!p.errors.length) p.manifest = m;
  return p;
}

function safeUrlText(p: Problems, path: string, v: unknown) {
  if (!checkText(p, path, v)) return undefined;
  const urls = typeof v === 'string' ? { '': v } : (v as { [lang: string]: string });
  for (const [lang, url] of Object.entries(urls)) {
    if (!isSafeUrl(url)) {
      // A bad link is dropped, not fatal: the banner still works without it.
      p.warnings.push(`${path}${lang && '.' + lang}: ${JSON.stringify(url)} is not an http(s) or relative URL, ignored`);
      return undefined;
    }
  }
  return v as string | { [lang: string]: string };
}

function readCookieOption(p: Problems, v: unknown, m: ResolvedManifest) {
  if (!expect(p, 'cookie', v, isObject(v), '{ "name": "…", "domain": "…" }')) return;
  const c = v as Obj;
  warnUnknownKeys(p, 'cookie', c, ['name', 'domain']);
  if (c.name !== undefined && expect(p, 'cookie.name', c.name,
    typeof c.name === 'string' && /^[\w!#$%&'*+.^`|~-]+$/.test(c.name), 'a cookie name')) m.cookie.name = c.name as string;
  if (c.domain !== undefined && checkString(p, 'cookie.domain', c.domain)) m.cookie.domain = c.domain;
}

function readTexts(p: Problems, v: unknown): TextOverrides {
  const ok = isObject(v) && Object.values(v).every((t) => isObject(t)
    && Object.values(t).every((s) => typeof s === 'string'));
  return expect(p, 'texts', v, ok, '{ "sv": { "key": "text" } }') ? v as TextOverrides : {};
}

function readCategories(p: Problems, v: unknown): Category[] {
  if (!expect(p, 'categories', v, Array.isArray(v) && v.length > 0, 'a non-empty array')) return [];
  const out: Category[] = [];
  (v as unknown[]).forEach((c, i) => {
    const path = `categories[${i}]`;
    const o: Obj = typeof c === 'string' ? { id: c } : isObject(c) ? c : {};
    if (!expect(p, path, c, typeof c === 'string' || isObject(c), 'a category id or { "id": … }')) return;
    if (!checkId(p, `${path}.id`, o.id)) return;
    warnUnknownKeys(p, path, o, CATEGORY_KEYS);
    const id = o.id;
    if (out.some((x) => x.id === id)) { fail(p, path, `duplicate category id "${id}"`); return; }
    const known = wellKnownCategories[id];
    const title = o.title ?? known?.title;
    const description = o.description ?? known?.description;
    if (!known && (o.title === undefined || o.description === undefined)) {
      fail(p, path, `"${id}" is not a well-known category (necessary, preferences, analytics, marketing): give it a title and a description`);
      return;
    }
    if (!checkText(p, `${path}.title`, title) || !checkText(p, `${path}.description`, description)) return;
    if (o.required !== undefined && !checkBoolean(p, `${path}.required`, o.required)) return;
    out.push({ id, title: title as Category['title'], description: description as Category['description'],
      required: o.required === true || (id === 'necessary' && o.required !== false) });
  });
  const required = out.filter((c) => c.required).length;
  if (out.length && required !== 1) {
    fail(p, 'categories', required ? `${required} categories are required; exactly one may be`
      : 'no required category: add "necessary" or one with "required": true');
  }
  return out;
}

function readServices(p: Problems, v: unknown, categories: Category[]): Service[] {
  if (v === undefined) return [];
  if (!expect(p, 'services', v, Array.isArray(v), 'an array')) return [];
  const out: Service[] = [];
  (v as unknown[]).forEach((s, i) => {
    const path = `services[${i}]`;
    if (!expect(p, path, s, isObject(s), 'a service object')) return;
    const o = s as Obj;
    warnUnknownKeys(p, path, o, SERVICE_KEYS);
    const before = p.errors.length;
    if (checkId(p, `${path}.id`, o.id)) {
      if (out.some((x) => x.id === o.id)) fail(p, `${path}.id`, `duplicate service id "${o.id}"`);
      else if (categories.some((c) => c.id === o.id)) fail(p, `${path}.id`, `"${o.id}" is already a category id`);
    }
    checkString(p, `${path}.name`, o.name);
    if (typeof o.category !== 'string' || !categories.some((c) => c.id === o.category)) {
      fail(p, `${path}.category`, `${JSON.stringify(o.category)} is not a declared category`);
    }
    if (o.provider !== undefined) checkString(p, `${path}.provider`, o.provider);
    if (o.description !== undefined) checkText(p, `${path}.description`, o.description);
    const policy = o.privacyPolicyUrl === undefined ? undefined : safeUrlText(p, `${path}.privacyPolicyUrl`, o.privacyPolicyUrl);
    const cookies = readCookies(p, path, o.cookies);
    const scripts = readList(p, `${path}.scripts`, o.scripts, (q, sp, x) =>
      checkString(q, sp, x) ? compilePattern(q, sp, x) : undefined);
    const consentMode = o.consentMode === undefined ? undefined
      : readList(p, `${path}.consentMode`, o.consentMode, (q, sp, x) =>
        expect(q, sp, x, CONSENT_MODE_TYPES.includes(x as ConsentModeType), `one of ${CONSENT_MODE_TYPES.join(', ')}`)
          ? x as ConsentModeType : undefined);
    if (p.errors.length > before) return;
    out.push({
      id: o.id as string, name: o.name as string, category: o.category as string,
      provider: o.provider as string | undefined, privacyPolicyUrl: policy as string | undefined,
      description: o.description as Service['description'], cookies, scripts, consentMode,
    });
  });
  return out;
}

function readCookies(p: Problems, path: string, v: unknown): CookieInfo[] {
  return readList(p, `${path}.cookies`, v, (q, cp, c) => {
    if (!expect(q, cp, c, isObject(c), '{ "name": "…" }')) return undefined;
    const o = c as Obj;
    warnUnknownKeys(q, cp, o, COOKIE_KEYS);
    if (!checkString(q, `${cp}.name`, o.name)) return undefined;
    const pattern = compilePattern(q, `${cp}.name`, o.name);
    if (o.purpose !== undefined) checkText(q, `${cp}.purpose`, o.purpose);
    if (o.duration !== undefined) checkText(q, `${cp}.duration`, o.duration);
    if (o.domain !== undefined) checkString(q, `${cp}.domain`, o.domain);
    return {
      name: o.name, pattern: pattern instanceof RegExp ? pattern : undefined,
      purpose: o.purpose as CookieInfo['purpose'], duration: o.duration as CookieInfo['duration'],
      domain: o.domain as string | undefined
    };
  });
}

function readList<T>(p: Problems, path: string, v: unknown,
  item: (p: Problems, path: string, x: unknown) => T | undefined): T[] {
  if (v === undefined) return [];
  if (!expect(p, path, v, Array.isArray(v), 'an array')) return [];
  const out: T[] = [];
  (v as unknown[]).forEach((x, i) => {
    const r = item(p, `${path}[${i}]`, x);
    if (r !== undefined) out.push(r);
  });
  return out;
}
