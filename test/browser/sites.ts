// The two example sites built from the real manifests in test/fixtures (copied from the shared seed manifests),
// and what each should (not) run: the expectations the engine tests share.

export interface Site {
  /** Which fixture manifest the page is built from. */
  fixture: string;
  path: string;
  manifestPath: string;
  /** Vendors in the required category: they run before any decision. */
  necessaryRuns: string[];
  /** Blocked vendors, in document order: released in exactly this order. */
  ordered: string[];
  /** Released too, but injected by released code or framed: order not fixed. */
  unordered: string[];
  /** Cookies the server or necessary scripts set; never deleted. */
  necessaryCookies: string[];
  /** Analytics cookies the manifest declares (names and a `/^_ga_/` match). */
  analyticsCookies: string[];
  /** Cookies of other non-essential services (marketing, preferences). */
  otherCookies: string[];
}

export const bostadsexperterna: Site = {
  fixture: 'bostadsexperterna.cookies.json',
  path: '/examples/script-tag/',
  manifestPath: '/examples/script-tag/cookies.json',
  necessaryRuns: [],
  ordered: ['gtag', 'kajabi-affiliate', 'linkedin-insight', 'lintrk:track'],
  unordered: ['fbevents', 'fbevents-config', 'youtube'],
  necessaryCookies: ['_kjb_session', '_abv'],
  analyticsCookies: ['_ga', '_ga_TEST', '_gid'],
  otherCookies: ['kjba', 'li_fat_id', '_fbp'],
};

export const nesk: Site = {
  fixture: 'nesk.cookies.json',
  path: '/examples/woocommerce-shop/',
  manifestPath: '/examples/woocommerce-shop/cookies.json',
  necessaryRuns: ['stripe'],
  ordered: ['gtag', 'mailchimp'],
  unordered: ['fbevents', 'fbevents-config'],
  necessaryCookies: [
    'woocommerce_items_in_cart', 'woocommerce_cart_hash', 'wp_woocommerce_session_7f3a9c',
    '__stripe_mid', '__stripe_sid',
  ],
  // nesk's manifest declares _ga and /^_ga_/ only (not _gid).
  analyticsCookies: ['_ga', '_ga_NESK01'],
  otherCookies: ['_fbp', 'nesk_lang'],
};

export const sites = [bostadsexperterna, nesk];
