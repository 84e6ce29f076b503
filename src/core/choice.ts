// Turns choices into granted sets and sets into the public ConsentState.
// The required category and its services are always granted.
import type { ConsentRecord } from './record';
import type { Choice, ConsentSource, ConsentState, ResolvedManifest } from './types';

export interface Granted {
  categories: Set<string>;
  services: Set<string>;
}

const requiredIds = (m: ResolvedManifest): Granted => {
  const req = m.categories.find((c) => c.required)!.id;
  return {
    categories: new Set([req]),
    services: new Set(m.services.filter((s) => s.category === req).map((s) => s.id)),
  };
};

export const grantAll = (m: ResolvedManifest): Granted => ({
  categories: new Set(m.categories.map((c) => c.id)),
  services: new Set(m.services.map((s) => s.id)),
});

export const grantRequired = requiredIds;

/**
 * Applies a choice on top of what is granted now. A category switches all its
 * services with it, unless the same choice names the service too.
 * Returns the ids that are neither a category nor a service.
 */
export function applyChoice(m: ResolvedManifest, now: Granted, choice: Choice): { granted: Granted; unknown: string[] } {
  const granted: Granted = { categories: new Set(now.categories), services: new Set(now.services) };
  const unknown: string[] = [];
  const toggle = (set: Set<string>, id: string, on: boolean) => (on ? set.add(id) : set.delete(id));
  for (const [id, on] of Object.entries(choice)) {
    if (!m.categories.some((c) => c.id === id)) continue;
    toggle(granted.categories, id, on === true);
    for (const s of m.services) {
      if (s.category === id && !(s.id in choice)) toggle(granted.services, s.id, on === true);
    }
  }
  for (const [id, on] of Object.entries(choice)) {
    if (m.services.some((s) => s.id === id)) toggle(granted.services, id, on === true);
    else if (!m.categories.some((c) => c.id === id)) unknown.push(id);
  }
  const req = requiredIds(m);
  req.categories.forEach((id) => granted.categories.add(id));
  req.services.forEach((id) => granted.services.add(id));
  return { granted, unknown };
}

/** What a stored record grants under this manifest; ids it no longer lists are dropped. */
export function grantedFromRecord(m: ResolvedManifest, r: ConsentRecord): Granted {
  const req = requiredIds(m);
  for (const id of r.categories) if (m.categories.some((c) => c.id === id)) req.categories.add(id);
  for (const id of r.services) if (m.services.some((s) => s.id === id)) req.services.add(id);
  return req;
}

export interface Decision {
  id: string;
  time: number;
  source: ConsentSource;
}

export function toState(m: ResolvedManifest | null, granted: Granted | null, decision: Decision | null): ConsentState {
  const state: ConsentState = {
    decided: decision !== null,
    categories: {},
    services: {},
    revision: m ? m.revision : 0,
    id: decision && decision.source !== 'none-needed' ? decision.id : null,
    decidedAt: decision ? new Date(decision.time).toISOString() : null,
    source: decision ? decision.source : null,
  };
  if (!m) return state;
  const g = granted ?? requiredIds(m);
  for (const c of m.categories) state.categories[c.id] = g.categories.has(c.id);
  for (const s of m.services) state.services[s.id] = g.services.has(s.id);
  return state;
}

/** Ids (categories and services) granted in `after` but not in `before`. */
export function newlyGranted(before: ConsentState, after: ConsentState): string[] {
  const ids: string[] = [];
  for (const kind of ['categories', 'services'] as const) {
    for (const [id, on] of Object.entries(after[kind])) if (on && !before[kind][id]) ids.push(id);
  }
  return ids;
}
