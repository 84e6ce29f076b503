// `kakor/server`: code for Node and edge runtimes, no DOM. Importing it does nothing.
export { readConsent } from './readConsent';
