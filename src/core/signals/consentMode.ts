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

/** Every type a service may claim with `consentMode`; `security_storage` is always granted. */
export const CONSENT_MODE_TYPES = [...Object.values(BY_CATEGORY).flat(), 'security_storage'];

/** Pushes `gtag('consent', command, types)`, each type granted where `on(type, category)` is. */
function push(
  win: GtagWindow, command: string, on: (type: ConsentModeType, category: string) => unknown,
  types: { [key: string]: string | number } = {},
): void {
  for (const c in BY_CATEGORY) for (const t of BY_CATEGORY[c]) types[t] = on(t, c) ? 'granted' : 'denied';
  const layer = (win.dataLayer = win.dataLayer || []);
  // NOTE: gtag.js reads the Arguments object, not an array, from dataLayer.
  // eslint-disable-next-line prefer-rest-params
  (win.gtag || (win.gtag = function () { layer.push(arguments); }))('consent', command, types);
}

export const pushConsentDefault = (win: Window) =>
  push(win, 'default', () => false, { security_storage: 'granted', wait_for_update: 500 });

/** Each type's state: from the services that claim it with `consentMode`, else from its category. */
export const pushConsentUpdate = (win: Window, m: ResolvedManifest, state: ConsentState) =>
  push(win, 'update', (t, c) => {
    const claimants = m.services.filter((s) => (s.consentMode || []).includes(t));
    return claimants.length ? claimants.some((s) => state.services[s.id]) : state.categories[c];
  });
