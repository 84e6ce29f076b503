// Type tests (checked by `tsc --noEmit`): one event map types both `on()` and
// window listeners for the kakor:* events (STYLE §5).
import { createConsent, type ConsentState } from '../../src/core/index';
import { init } from '../../src/index';

const consent = createConsent({ manifest: { categories: ['necessary'] } });

consent.on('change', (d) => {
  const granted: string[] = d.granted;
  const revoked: string[] = d.revoked;
  const state: ConsentState = d.consent;
  void [granted, revoked, state];
});
consent.on('consent', (d) => { const first: boolean = d.firstTime; void first; });
consent.on('show', (d) => { const view: 'banner' | 'preferences' = d.view; void view; });
const off: () => void = consent.on('ready', (d) => d.consent.decided);
off();

window.addEventListener('kakor:change', (e) => { const ids: string[] = e.detail.granted; void ids; });
window.addEventListener('kakor:hide', (e) => { const view: string = e.detail.view; void view; });

// @ts-expect-error: no such event
consent.on('changed', () => {});
// @ts-expect-error: change has no firstTime
consent.on('change', (d) => d.firstTime);
// @ts-expect-error: detail of kakor:ready has no granted
window.addEventListener('kakor:ready', (e) => e.detail.granted);
// @ts-expect-error: setConsent takes booleans
void consent.setConsent({ analytics: 'yes' });
// @ts-expect-error: a manifest needs categories
createConsent({ manifest: { services: [] } });

async function npm() {
  const k = await init({ manifest: '/cookies.json', lang: 'auto', layout: 'box' });
  const yes: boolean = k.hasConsent('analytics');
  // @ts-expect-error: no such language
  k.setLanguage('de');
  // @ts-expect-error: layout is bar or box
  await init({ layout: 'modal' });
  void yes;
}
void npm;

// A manifest imported from JSON: string literal fields arrive widened to string.
import nesk from '../fixtures/nesk.cookies.json';
void init({ manifest: nesk });
createConsent({ manifest: { categories: ['necessary'], defaultLanguage: 'sv', services: [] } });
// @ts-expect-error: defaultLanguage is a string
createConsent({ manifest: { categories: ['necessary'], defaultLanguage: 1 } });
// @ts-expect-error: consentMode is a list of strings
createConsent({ manifest: { categories: ['necessary'], services: [{ id: 'a', name: 'A', category: 'necessary', consentMode: 'ad_storage' }] } });
