// Hands the consent instance to the hooks and gates below it, with what to
// render on the server and during hydration, before the instance exists.
import { createContext, createElement, useMemo, type ReactNode } from 'react';
import type { Consent } from '../core/api';
import type { ConsentState, Manifest } from '../core/types';

export interface ConsentContextValue {
  consent: Consent | null;
  serverConsent: ConsentState | undefined;
  manifest: Manifest | undefined;
}

export const ConsentContext = createContext<ConsentContextValue | null>(null);

export interface ConsentProviderProps {
  /** The instance `init()` or `createConsent()` gave; null on the server and until it exists. */
  consent: Consent | null;
  /**
   * The choice to render with while `consent` is null and during hydration:
   * `readConsent(cookieHeader, manifest)` from `kakor/server`. @default not decided
   */
  serverConsent?: ConsentState;
  /**
   * The manifest `readConsent` was given: names the service in the gate's default
   * placeholder on the server and during hydration. @default the instance's, once loaded
   */
  manifest?: Manifest;
  children?: ReactNode;
}

export function ConsentProvider({ consent, serverConsent, manifest, children }: ConsentProviderProps) {
  const value = useMemo(() => ({ consent, serverConsent, manifest }), [consent, serverConsent, manifest]);
  return createElement(ConsentContext.Provider, { value }, children);
}
