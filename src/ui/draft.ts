// The preferences dialog's unsaved switches: what it starts from and how a
// category switch and its service switches move together.
import type { Choice, Consent, ResolvedManifest } from '../core/index';

/** Nothing pre-ticked (CONTRACT §8): only what is granted now, which always includes the required category. */
export function initialDraft(consent: Consent, m: ResolvedManifest): Choice {
  const draft: Choice = {};
  for (const x of [...m.categories, ...m.services]) draft[x.id] = consent.hasConsent(x.id);
  return draft;
}

/**
 * Flips one switch. A category carries its services with it; a category with
 * services is on only while all of them are, so a script tagged with just the
 * category runs only when the whole category was chosen.
 */
export function flip(draft: Choice, m: ResolvedManifest, id: string, on: boolean): void {
  draft[id] = on;
  const service = m.services.find((s) => s.id == id);
  const members = m.services.filter((s) => s.category == (service ? service.category : id));
  if (service) draft[service.category] = members.every((s) => draft[s.id]);
  else members.forEach((s) => { draft[s.id] = on; });
}
