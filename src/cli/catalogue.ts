// kakor's catalogue of common vendors (catalogue/*.json, one file per vendor):
// each file holds a manifest service as `kakor add` writes it, and beside it the
// vendor's install snippet and follow-up URLs the tests check the patterns against.
import { readdirSync, readFileSync } from 'node:fs';
import type { ManifestService } from '../core/types';
import { matchService } from '../core/blocking/matchUrl';
import { toPattern } from '../core/manifest/checks';

/** What goes into a manifest's `services`: a manifest service as written (CONTRACT §2). */
export type ServiceInput = ManifestService;

export interface CatalogueEntry {
  /** Exactly what `kakor add` writes; nothing else of the entry reaches a manifest. */
  service: ServiceInput;
  /** The HTML the vendor tells site owners to paste, abbreviated, with its real URLs. */
  snippet: string;
  /** URLs the vendor's loaded code requests next (second hops, pixels, iframes). */
  followUps: string[];
}

// NOTE: src/cli/catalogue.ts (vitest) and dist/cli/kakor.js (installed; rollup
// bundles this module into it) are both two folders below the package root.
const folder = new URL('../../catalogue/', import.meta.url);

/** Every entry, sorted by id; read afresh on each call (no module-level cache). */
export function loadCatalogue(): CatalogueEntry[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, folder), 'utf8')) as CatalogueEntry)
    .sort((a, b) => a.service.id.localeCompare(b.service.id));
}

/** A fresh copy of the entry's manifest service, so a caller may change it freely. */
export function catalogueService(entry: CatalogueEntry): ServiceInput {
  return structuredClone(entry.service);
}

/**
 * Every URL of the entry's snippet (src, href, action, data-* and script strings,
 * made absolute) and its follow-ups: what its `scripts` must catch.
 */
export function entryUrls(entry: CatalogueEntry): string[] {
  // Not after a letter or "%": in `url=https%3A//api.soundcloud.com` the second URL is a parameter.
  const written = entry.snippet.match(/(?<![\w%])(?:https?:)?\/\/[a-z0-9][\w.-]*\.[a-z]{2,}[^\s"'<>]*/gi) || [];
  return [...written.map((u) => new URL(u, 'https://www.example.se/').href), ...entry.followUps];
}

/** The entry whose `scripts` match this absolute URL, by the browser's own matching (§5.3). */
export function findByUrl(url: string, catalogue = loadCatalogue()): CatalogueEntry | undefined {
  const services = catalogue.map((e) => ({ id: e.service.id, scripts: (e.service.scripts || []).map(toPattern) }));
  const id = matchService(url, services);
  return catalogue.find((e) => e.service.id === id);
}

/** The entry that declares a cookie of this name (exact name or `/regex/`). */
export function findByCookie(name: string, catalogue = loadCatalogue()): CatalogueEntry | undefined {
  return catalogue.find((e) => (e.service.cookies || []).some((c) => {
    const p = toPattern(c.name);
    return typeof p === 'string' ? p === name : name.search(p) > -1;
  }));
}
