// Google Consent Mode v2 (CONTRACT §6): denied defaults pushed while kakor's
// script is evaluated, then an update for a stored choice and on every change.
import type { ConsentModeType, ConsentState, ResolvedManifest } from '../types';

type Gtag = (...args: unknown[]) => void;
type GtagWindow = Window & { dataLayer?: unknown[]; gtag?: Gtag };

const BY_CATEGORY: { [category: string]: ConsentModeType[] } = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  preferences: ['functionality_storage', 'personalization_storage'],
};
const TYPES: ConsentModeType[] = ['ad_storage', 'ad_user_data', 'ad_personalization',
  'analytics_storage', 'functionality_storage', 'personalization_storage'];

function gtag(win: GtagWindow): Gtag {
  const layer = (win.dataLayer = win.dataLayer || []);
  // NOTE: gtag.js reads the Arguments object, not an array, from dataLayer.
  // eslint-disable-next-line prefer-rest-params
  return win.gtag || (win.gtag = function () { layer.push(arguments); });
}

export function pushConsentDefault(win: Window): void {
  const denied: { [type: string]: string | number } = { security_storage: 'granted', wait_for_update: 500 };
  for (const t of TYPES) denied[t] = 'denied';
  gtag(win)('consent', 'default', denied);
}

/** Each type's state: from the services that claim it with `consentMode`, else from its category. */
export function consentModeState(m: ResolvedManifest, state: ConsentState): { [type: string]: 'granted' | 'denied' } {
  const out: { [type: string]: 'granted' | 'denied' } = {};
  for (const t of TYPES) {
    const claimants = m.services.filter((s) => s.consentMode?.includes(t));
    const on = claimants.length
      ? claimants.some((s) => state.services[s.id])
      : Object.keys(BY_CATEGORY).some((c) => BY_CATEGORY[c].includes(t) && state.categories[c]);
    out[t] = on ? 'granted' : 'denied';
  }
  return out;
}

export function pushConsentUpdate(win: Window, m: ResolvedManifest, state: ConsentState): void {
  gtag(win)('consent', 'update', consentModeState(m, state));
}
