// Which service a loading tag's URLs belong to, by the browser's own matching
// (src/core/blocking/matchUrl.ts), and whether the tag would load a
// non-essential one before consent (CONTRACT §5.3: only the server can stop that).
import { matchService } from '../core/blocking/matchUrl';
import type { ResolvedManifest, Service } from '../core/types';
import { loadingTag, urlsOf } from './loadingTag';
import type { ScannedTag } from './tagScanner';

export interface VendorTag {
  tag: ScannedTag;
  /** The service it loads for: the first non-essential one matched, else an essential one. */
  service: Service;
  /** The service is in the required category: it may load before consent. */
  essential: boolean;
  /** The first absolute URL of the tag that matched `service`. */
  url: string;
  /** Attributes (`src`, `srcset`…) that load a non-essential service's URL as written. */
  loads: string[];
  /** Written as blocked markup: it loads nothing until kakor releases it. */
  blocked: boolean;
}

/** Where relative URLs resolve when the page's own address is not known. */
export const DEFAULT_BASE = 'https://localhost/';

/**
 * Returns a function that tells, for each start tag in document order, the
 * vendor tag it is, if any. It follows the document's first `<base href>`.
 */
export function createVendorTagFinder(manifest: ResolvedManifest, baseUrl = DEFAULT_BASE): (tag: ScannedTag) => VendorTag | undefined {
  const required = new Set(manifest.categories.filter((c) => c.required).map((c) => c.id));
  const byId = new Map(manifest.services.map((s) => [s.id, s]));
  let base = baseUrl;
  let baseSeen = false;

  const serviceOf = (candidate: string) => {
    let url: string;
    try {
      url = new URL(candidate, base).href;
    } catch {
      return undefined;
    }
    // Only http(s) can reach a vendor; the engine asks about nothing else either.
    const id = /^https?:/.test(url) ? matchService(url, manifest.services) : undefined;
    return id === undefined ? undefined : { url, service: byId.get(id)! };
  };

  return (tag) => {
    if (tag.namespace === 'html' && tag.name === 'base' && !baseSeen) {
      const href = tag.attrs.find((a) => a.name === 'href');
      if (href) {
        baseSeen = true;
        try {
          base = new URL(href.value, base).href;
        } catch { /* an unusable <base href> is ignored, as the browser does */ }
      }
      return undefined;
    }
    const loading = loadingTag(tag);
    if (!loading) return undefined;
    let first: { url: string; service: Service } | undefined;
    const loads: string[] = [];
    for (const u of loading.urls) {
      for (const candidate of urlsOf(u)) {
        const hit = serviceOf(candidate);
        if (!hit) continue;
        const essential = required.has(hit.service.category);
        if (!first || (!essential && required.has(first.service.category))) first = hit;
        if (!essential && !u.held && !loads.includes(u.attribute)) loads.push(u.attribute);
      }
    }
    if (!first) return undefined;
    return {
      tag, service: first.service, essential: required.has(first.service.category), url: first.url,
      loads, blocked: loading.blocked,
    };
  };
}
