// Every vendor tag of one HTML document, for `kakor check`: the tags whose URLs
// a service's `scripts` match, blocked or not, in document order.
import type { ResolvedManifest } from '../core/types';
import { createTagScanner } from './tagScanner';
import { createVendorTagFinder, type VendorTag } from './vendorTag';

export function findVendorTags(html: string, manifest: ResolvedManifest, baseUrl?: string): VendorTag[] {
  const find = createVendorTagFinder(manifest, baseUrl);
  const found: VendorTag[] = [];
  const scanner = createTagScanner((tag) => {
    const vendor = find(tag);
    if (vendor) found.push(vendor);
  });
  scanner.write(html);
  scanner.end();
  return found;
}
