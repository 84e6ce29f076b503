// Imported first by main.tsx: kakor watches the page before any vendor code runs.
import { init } from 'kakor';
import manifest from './cookies.json';

export const consentReady = init({ manifest, lang: 'auto' });
