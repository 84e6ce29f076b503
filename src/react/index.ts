// `kakor/react`: hooks and a gate over the core's subscribe(); react is an optional peer.
export { ConsentProvider } from './ConsentProvider';
export type { ConsentProviderProps } from './ConsentProvider';
export { useConsent, useHasConsent } from './useConsent';
export { ConsentGate } from './ConsentGate';
export type { ConsentGateProps } from './ConsentGate';
