// The public types of the core: the manifest as written (CONTRACT §2), the
// manifest once validated, the consent state (§4) and the event map (§7).

/** Languages with built-in texts. */
export type Lang = 'sv' | 'en';

/** A string, or one string per language code: `{ "sv": "…", "en": "…" }`. */
export type LocalText = string | { [lang: string]: string };

/** A cookie as listed in the manifest. A `name` wrapped in slashes is a regular expression. */
export interface ManifestCookie {
  name: string;
  purpose?: LocalText;
  duration?: LocalText;
  /** A domain of another site (`.youtube.com`) marks a third-party cookie: listed, never deleted. */
  domain?: string;
}

export interface ManifestService {
  id: string;
  name: string;
  category: string;
  provider?: string;
  privacyPolicyUrl?: LocalText;
  description?: LocalText;
  cookies?: ManifestCookie[];
  /** URL substrings or `/regex/` of scripts, iframes and images this service loads (§5.3). */
  scripts?: string[];
  /**
   * Google Consent Mode types this service needs, instead of its category's (§6).
   * Any string type-checks (a `.json` import); the manifest check accepts only a `ConsentModeType`.
   */
  consentMode?: (ConsentModeType | (string & {}))[];
}

export interface ManifestCategory {
  id: string;
  title?: LocalText;
  description?: LocalText;
  required?: boolean;
}

/** UI text keys a manifest may override per language (`texts.sv.bannerTitle`). */
export type TextOverrides = { [lang: string]: { [key: string]: string } };

/** The cookie manifest as a site owner writes it (CONTRACT §2). */
export interface Manifest {
  /** Bump it and every visitor is asked again. @default 1 */
  revision?: number;
  /**
   * Language used when neither the page nor the browser gives one we have. Any
   * string type-checks, as a `.json` import types it; the manifest check accepts only a `Lang`. @default "sv"
   */
  defaultLanguage?: Lang | (string & {});
  policyUrl?: LocalText;
  /** Days a choice is kept before the visitor is asked again. @default 182 (six months, as CNIL advises) */
  consentMaxAgeDays?: number;
  /** Where the consent record is kept. @default { name: "kakor_consent" } */
  cookie?: { name?: string; domain?: string };
  /** Push Google Consent Mode v2 defaults and updates. @default false */
  googleConsentMode?: boolean;
  /** Treat `navigator.globalPrivacyControl` as a reject-all. @default true */
  honorGlobalPrivacyControl?: boolean;
  /** Reload the page when something is withdrawn, so code that already ran stops. @default true */
  reloadOnWithdraw?: boolean;
  /** POST each saved choice here (proof of consent). */
  consentLog?: { endpoint: string };
  categories: (string | ManifestCategory)[];
  services?: ManifestService[];
  texts?: TextOverrides;
}

/** A category after validation: built-in texts filled in for well-known ids. */
export interface Category {
  id: string;
  title: LocalText;
  description: LocalText;
  required: boolean;
}

export interface CookieInfo {
  name: string;
  /** Compiled when `name` is `/regex/`. */
  pattern?: RegExp;
  purpose?: LocalText;
  duration?: LocalText;
  /** Set for a cookie of another site (`.youtube.com`): listed, never deleted. */
  domain?: string;
}

export interface Service {
  id: string;
  name: string;
  category: string;
  provider?: string;
  privacyPolicyUrl?: LocalText;
  description?: LocalText;
  cookies: CookieInfo[];
  /** Compiled URL patterns: substrings stay strings, `/regex/` become RegExp. */
  scripts: (string | RegExp)[];
  consentMode?: ConsentModeType[];
}

/** A validated manifest, every default applied. */
export interface ResolvedManifest {
  revision: number;
  defaultLanguage: Lang;
  policyUrl?: LocalText;
  consentMaxAgeDays: number;
  cookie: { name: string; domain?: string };
  googleConsentMode: boolean;
  honorGlobalPrivacyControl: boolean;
  reloadOnWithdraw: boolean;
  consentLog?: { endpoint: string };
  categories: Category[];
  services: Service[];
  texts: TextOverrides;
}

export type ConsentSource = 'banner' | 'preferences' | 'api' | 'gpc' | 'none-needed';

/** What `getConsent()` returns (CONTRACT §4). */
export interface ConsentState {
  decided: boolean;
  categories: { [id: string]: boolean };
  services: { [id: string]: boolean };
  revision: number;
  /** Random id of this choice; null until decided. */
  id: string | null;
  /** ISO 8601 time of the choice; null until decided. */
  decidedAt: string | null;
  source: ConsentSource | null;
}

export type ConsentModeType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export type View = 'banner' | 'preferences';

/** Every event: name without the `kakor:` prefix → its `detail` (CONTRACT §7). */
export interface KakorEvents {
  ready: { consent: ConsentState };
  consent: { consent: ConsentState; firstTime: boolean };
  change: { consent: ConsentState; granted: string[]; revoked: string[] };
  show: { view: View };
  hide: { view: View };
}

export type KakorEventName = keyof KakorEvents;

// Here, not in events.ts: every public entry's types reach this file, so an app
// that imports `kakor` or `kakor/core` hears typed `kakor:*` events (CONTRACT §1.2).
declare global {
  interface WindowEventMap {
    'kakor:ready': CustomEvent<KakorEvents['ready']>;
    'kakor:consent': CustomEvent<KakorEvents['consent']>;
    'kakor:change': CustomEvent<KakorEvents['change']>;
    'kakor:show': CustomEvent<KakorEvents['show']>;
    'kakor:hide': CustomEvent<KakorEvents['hide']>;
  }
}

/** A choice by category or service id: `{ analytics: true, "google-analytics": false }`. */
export type Choice = { [id: string]: boolean };
