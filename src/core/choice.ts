// Turns choices into the set of granted ids, and that set into the public
// ConsentState. Category and service ids never clash (the manifest check sees to
// it), so one set holds both. The required category and its services are always in it.
import type { Choice, ConsentSource, ConsentState, ResolvedManifest } from './types';

export type Granted = Set<string>;

/** Every category and service `on` grants, plus the required ones. */
const grant = (m: ResolvedManifest, on: (id: string, category?: string) => boolean): Granted => {
  const req = m.categories.find((c) => c.required)!.id;
  const granted: Granted = new Set();
  // A category has no `category`: the required one is granted by its own id.
  for (const x of [...m.categories, ...m.services] as { id: string; category?: string }[]) {
    if ((x.category || x.id) === req || on(x.id, x.category)) granted.add(x.id);
  }
  return granted;
};

export const grantAll = (m: ResolvedManifest) => grant(m, () => true);

export const grantRequired = (m: ResolvedManifest) => grant(m, () => false);

/**
 * Applies a choice on top of what is granted now. A category switches all its
 * services with it, unless the same choice names the service too.
 * Reports the ids that are neither a category nor a service.
 */
export function applyChoice(m: ResolvedManifest, now: Granted, choice: Choice, unknown: (id: string) => void): Granted {
  const named = Object.keys(choice);
  const ids = [...m.categories, ...m.services].map((x) => x.id);
  named.forEach((id) => ids.includes(id) || unknown(id));
  // A category has no `category`, and no key is undefined.
  return grant(m, (id, category) => (named.includes(id) ? choice[id] === true
    : named.includes(category!) ? choice[category!] === true
      : now.has(id)));
}

export interface Decision {
  /** Null when nothing needs consent (source `none-needed`). */
  id: string | null;
  time: number;
  source: ConsentSource;
}

export function toState(m: ResolvedManifest | null, granted: Granted, decision: Decision | null): ConsentState {
  const flags = (list: { id: string }[]) => {
    const on: { [id: string]: boolean } = {};
    for (const x of list) on[x.id] = granted.has(x.id);
    return on;
  };
  return {
    decided: !!decision,
    categories: flags(m ? m.categories : []),
    services: flags(m ? m.services : []),
    revision: m ? m.revision : 0,
    id: decision && decision.id,
    decidedAt: decision && new Date(decision.time).toISOString(),
    source: decision && decision.source,
  };
}

/** Ids (categories and services) granted in `after` but not in `before`. */
export const newlyGranted = (before: ConsentState, after: ConsentState): string[] =>
  (['categories', 'services'] as const).flatMap((kind) =>
    Object.keys(after[kind]).filter((id) => after[kind][id] && !before[kind][id]));
