// Google Consent Mode v2 (CONTRACT §6): denied defaults pushed while kakor's
// script is evaluated, then an update for a stored choice and on every change.
import type { ConsentModeType, ConsentState, ResolvedManifest } from '../types';

type Gtag = (...args: unknown[]) => void;
type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: Gtag };

// Also the order of the types in every object pushed to dataLayer.
const BY_CATEGORY: { [category: string]: ConsentModeType[] } = {
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  analytics: ['analytics_storage'],
  preferences: ['functionality_storage', 'personalization_storage'],
};

function gtag(win: GtagWindow): Gtag {
  const layer = (win.dataLayer = win.dataLayer || []);
  // NOTE: gtag.js reads the Arguments object, not an array, from dataLayer.
  // eslint-disable-next-line prefer-rest-params
  return win.gtag || (win.gtag = function () { layer.push(arguments); });
}

export function pushConsentDefault(win: Window): void {
  const denied: { [type: string]: string | number } = { security_storage: 'granted', wait_for_update: 500 };
  for (const c in BY_CATEGORY) for (const t of BY_CATEGORY[c]) denied[t] = 'denied';
  gtag(win)('consent', 'default', denied);
}

/** Each type's state: from the services that claim it with `consentMode`, else from its category. */
export function consentModeState(m: ResolvedManifest, state: ConsentState): { [type: string]: 'granted' | 'denied' } {
  const out: { [type: string]: 'granted' | 'denied' } = {};
  for (const c in BY_CATEGORY) {
    for (const t of BY_CATEGORY[c]) {
      const claimants = m.services.filter((s) => (s.consentMode || []).includes(t));
      const on = claimants.length ? claimants.some((s) => state.services[s.id]) : state.categories[c];
      out[t] = on ? 'granted' : 'denied';
    }
  }
  return out;
}

export function pushConsentUpdate(win: Window, m: ResolvedManifest, state: ConsentState): void {
  gtag(win)('consent', 'update', consentModeState(m, state));
}
