// The gate's default fallback: what the dialog draws in place of a blocked
// iframe (CONTRACT §5.2), as React markup: the name, why consent is needed, and
// a button granting just that service or category.
import { createElement, useContext, useMemo, useSyncExternalStore } from 'react';
import type { Consent } from '../core/api';
import { wellKnownCategories } from '../core/manifest/wellKnown';
import { localize } from '../core/localize';
import type { Lang, Manifest, ResolvedManifest } from '../core/types';
import { fill, textsFor } from '../ui/texts';
import { ConsentContext } from './ConsentProvider';

/** The service's name, or the category's title in `lang`; the id itself when the manifest does not know it. */
function nameOf(id: string, m: Manifest | ResolvedManifest, lang: Lang): string {
  const service = (m.services || []).find((s) => s.id === id);
  if (service) return service.name;
  for (const c of m.categories) {
    const category = typeof c === 'string' ? { id: c } : c;
    if (category.id !== id) continue;
    return localize(category.title || wellKnownCategories[id]?.title, lang, 'sv') || id;
  }
  return id;
}

/** [name, why, button label], joined into one string so the store can compare snapshots by value. */
function labels(id: string, m: Manifest | ResolvedManifest | null | undefined, lang: Lang): string {
  const name = m ? nameOf(id, m, lang) : id;
  const t = textsFor(lang, (m && m.texts) || {});
  return JSON.stringify([name, fill(t.placeholderText, 'name', name), fill(t.placeholderButton, 'name', name)]);
}

/**
 * The labels follow the instance's manifest and language once it has them. On
 * the server and during hydration they come from the provider's `manifest` in
 * its default language, so the markup is the same on both sides.
 */
function labelStore(id: string, consent: Consent | null, manifest: Manifest | undefined) {
  const initial = labels(id, manifest, manifest && manifest.defaultLanguage === 'en' ? 'en' : 'sv');
  return {
    subscribe: (fn: () => void) => (consent ? consent.subscribe(fn) : () => {}),
    get: (): string => {
      const m = consent && consent.getManifest();
      return m ? labels(id, m, consent!.getLanguage()) : initial;
    },
    initial: () => initial,
  };
}

export function ConsentPlaceholder({ id }: { id: string }) {
  const { consent, manifest } = useContext(ConsentContext)!;
  const store = useMemo(() => labelStore(id, consent, manifest), [id, consent, manifest]);
  const [name, why, button] = JSON.parse(useSyncExternalStore(store.subscribe, store.get, store.initial)) as string[];
  return createElement('div', { className: 'kakor-placeholder', 'data-kakor-placeholder': id },
    createElement('strong', null, name),
    createElement('p', null, why),
    // Before the instance exists (server markup, not yet hydrated) the button does nothing:
    // no choice can be saved without it. It stays enabled, so the markup hydrates unchanged.
    createElement('button', {
      type: 'button',
      onClick: () => { if (consent) void consent.setConsent({ [id]: true }, 'preferences'); },
    }, button));
}
