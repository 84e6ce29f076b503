// The choice as React state, through the core's subscribe() and
// useSyncExternalStore, so StrictMode's double effects subscribe and unsubscribe cleanly.
import { useContext, useMemo, useSyncExternalStore } from 'react';
import type { Consent } from '../core/api';
import type { ConsentState } from '../core/types';
import { ConsentContext } from './ConsentProvider';

/** What getConsent() says before a manifest is known: nothing granted. */
const NOT_DECIDED: ConsentState = {
  decided: false, categories: {}, services: {}, revision: 0, id: null, decidedAt: null, source: null,
};

/**
 * A store over one instance. getConsent() builds a new object on each call, and
 * useSyncExternalStore needs the same object until something changed: keep the
 * last one while its content is equal.
 */
function snapshots(consent: Consent | null, initial: ConsentState) {
  let last = initial;
  let key = JSON.stringify(initial);
  return {
    subscribe: (fn: () => void) => (consent ? consent.subscribe(fn) : () => {}),
    get(): ConsentState {
      if (!consent) return initial;
      const next = consent.getConsent();
      const nextKey = JSON.stringify(next);
      if (nextKey !== key) [last, key] = [next, nextKey];
      return last;
    },
  };
}

/** The current choice (what `getConsent()` returns); the component re-renders when it changes. */
export function useConsent(): ConsentState {
  const context = useContext(ConsentContext);
  if (!context) throw new Error('kakor: useConsent() and <ConsentGate> need a <ConsentProvider consent={…}> above them');
  const { consent, serverConsent } = context;
  const initial = serverConsent || NOT_DECIDED;
  const store = useMemo(() => snapshots(consent, initial), [consent, initial]);
  return useSyncExternalStore(store.subscribe, store.get, () => initial);
}

/** True when the category or service with that id is granted, like `hasConsent(id)`. */
export function useHasConsent(id: string): boolean {
  const state = useConsent();
  return state.categories[id] === true || state.services[id] === true;
}
