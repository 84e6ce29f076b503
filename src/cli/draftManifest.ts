// Names what a scan saw and drafts a manifest from it (issue 9 item 3): the
// catalogue first (whole services), then the Open Cookie Database (a service
// per platform), kakor's own record and the site's session cookies; the rest
// is left for the owner, because guessing would release it on a "yes" to the wrong thing.
import type { Manifest, ManifestCookie, ManifestService } from '../core/types';
import { toPattern } from '../core/manifest/checks';
import { catalogueService, findByCookie, findByUrl, loadCatalogue } from './catalogue';
import { lookupCookie } from './openCookieDatabase';
import { isThirdParty } from './siteScope';
import type { SeenCookie, SeenRequest } from './traffic';

export interface NamedCookie {
  cookie: SeenCookie;
  /** The service it was put under, or undefined when nothing named it. */
  service?: string;
  /** How it was named. */
  by: 'catalogue' | 'open-cookie-database' | 'kakor' | 'session' | 'unnamed';
}

export interface HostSeen {
  host: string;
  types: string[];
  /** The first URL requested there. */
  example: string;
  service?: string;
  /** The first URL there that no catalogue service's `scripts` match (a host may serve two vendors). */
  unnamed?: string;
}

export interface Draft {
  manifest: Manifest;
  cookies: NamedCookie[];
  hosts: HostSeen[];
  /** Services from the Open Cookie Database, whose category and Swedish texts the owner must check. */
  guessed: string[];
}

const CATEGORY_ORDER = ['necessary', 'preferences', 'analytics', 'marketing'];
const SITE_SERVICE = 'site';
// Names sites and frameworks give the cookie that holds a visit together.
const SESSION_NAME = /sess|^sid$|^_?csrf|xsrf|^connect\.sid$/i;

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function durationOf(cookie: SeenCookie, now: number): string {
  if (cookie.expires < 0) return 'session';
  const days = Math.round((cookie.expires - now / 1000) / 86400);
  if (days >= 365) return `${Math.round(days / 365)} år`;
  return days <= 1 ? '1 dag' : `${days} dagar`;
}

const declares = (s: ManifestService, name: string) => (s.cookies ?? []).some((c) => {
  const p = toPattern(c.name);
  return typeof p === 'string' ? p === name : name.search(p) > -1;
});

/** A first-party cookie the site's own server set in a page response: its session, under a necessary service. */
function isSessionCookie(cookie: SeenCookie, siteHost: string): boolean {
  const origin = cookie.origin;
  if (!origin || origin.setBy !== 'header' || isThirdParty(origin.source, siteHost)) return false;
  return cookie.expires < 0 || SESSION_NAME.test(cookie.name);
}

export function draftManifest(siteHost: string, requests: SeenRequest[], cookies: SeenCookie[], now = Date.now()): Draft {
  const catalogue = loadCatalogue();
  const services = new Map<string, ManifestService>();
  const guessed: string[] = [];
  const addFromCatalogue = (entry: ReturnType<typeof findByUrl>) => {
    if (entry && !services.has(entry.service.id)) services.set(entry.service.id, catalogueService(entry));
    return entry?.service.id;
  };

  const hosts = new Map<string, HostSeen>();
  for (const request of requests) {
    if (!isThirdParty(request.url, siteHost)) continue;
    const service = addFromCatalogue(findByUrl(request.url, catalogue));
    const seen = hosts.get(request.host) ?? { host: request.host, types: [], example: request.url };
    if (!seen.types.includes(request.type)) seen.types.push(request.type);
    seen.service ??= service;
    if (!service) seen.unnamed ??= request.url;
    hosts.set(request.host, seen);
  }

  const named = cookies.map((cookie): NamedCookie => {
    if (cookie.name === 'kakor_consent') return { cookie, by: 'kakor' };
    const fromCatalogue = addFromCatalogue(findByCookie(cookie.name, catalogue));
    if (fromCatalogue) return { cookie, service: fromCatalogue, by: 'catalogue' };
    const facts = lookupCookie(cookie.name);
    if (facts) {
      // Under the catalogue service of the same platform when the scan found it, else one per platform.
      const same = [...services.values()].find((s) => slug(s.name) === slug(facts.platform));
      const id = same?.id ?? slug(facts.platform);
      const service = services.get(id) ?? { id, name: facts.platform, category: facts.category, cookies: [] };
      if (!services.has(id)) guessed.push(id);
      services.set(id, service);
      const entry: ManifestCookie = { name: cookie.name, purpose: { en: facts.purpose }, duration: { en: facts.retention } };
      if (isThirdParty(`http://${cookie.domain.replace(/^\./, '')}/`, siteHost)) entry.domain = cookie.domain;
      if (!declares(service, cookie.name)) (service.cookies ??= []).push(entry);
      return { cookie, service: id, by: 'open-cookie-database' };
    }
    if (isSessionCookie(cookie, siteHost)) {
      const service = services.get(SITE_SERVICE) ?? { id: SITE_SERVICE, name: siteHost, category: 'necessary', cookies: [] };
      services.set(SITE_SERVICE, service);
      service.cookies!.push({
        name: cookie.name,
        purpose: {
          sv: 'Webbplatsens sessionskaka: håller ihop ditt besök, till exempel varukorgen och inloggningen.',
          en: "The site's session cookie: keeps your visit together, such as the basket and the login.",
        },
        duration: cookie.expires < 0 ? 'session' : durationOf(cookie, now),
      });
      return { cookie, service: SITE_SERVICE, by: 'session' };
    }
    return { cookie, by: 'unnamed' };
  });

  const list = [...services.values()];
  const used = new Set(list.map((s) => s.category));
  const categories = [...CATEGORY_ORDER.filter((c) => c === 'necessary' || used.has(c)), ...[...used].filter((c) => !CATEGORY_ORDER.includes(c))];
  const manifest: Manifest = {
    revision: 1,
    defaultLanguage: 'sv',
    categories,
    services: list.sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.id.localeCompare(b.id)),
  };
  return { manifest, cookies: named, hosts: [...hosts.values()], guessed };
}
