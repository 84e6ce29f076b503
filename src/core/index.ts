// `kakor/core`: the headless consent engine, no UI and no Preact.
export { createConsent } from './createConsent';
export { browserEnv } from './env';
export { localize } from './localize';
export type { Consent, ConsentOptions, UiSource } from './api';
export type { CookieAttributes, CookieJar, Env } from './env';
export type * from './types';
