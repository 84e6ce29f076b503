// How a vendor tag becomes blocked markup (CONTRACT §5.1, §5.2): only insertions
// inside its start tag, so every other byte of the document stays as it was.
import { heldName } from './loadingTag';
import type { VendorTag } from './vendorTag';

/** Insert `text` before the character at `offset` of the original document. */
export interface Edit {
  offset: number;
  text: string;
}

const quote = (v: string) => `"${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;

/**
 * The edits that keep `vendor` from loading its non-essential URLs: a script
 * gets `type="text/plain"` (its own type kept as `data-type`), any other
 * element its loading attributes renamed `data-src`, `data-srcset`…, each with
 * `data-service` and `data-category`. Written right after the tag name, the
 * new attributes come first, and the first of two with one name is the one
 * the browser keeps. Every copy of a renamed attribute is renamed, or a second
 * `src` would take the first one's place.
 */
export function blockingEdits(vendor: VendorTag): Edit[] {
  if (!vendor.loads.length) return [];
  const { tag, service } = vendor;
  const script = tag.namespace === 'html' && tag.name === 'script';
  const marks = ` data-service=${quote(service.id)} data-category=${quote(service.category)}`;
  const renamed = script ? ['type'] : vendor.loads;
  return [
    { offset: tag.nameEnd, text: (script ? ' type="text/plain"' : '') + marks },
    ...tag.names.filter((n) => renamed.includes(n.name)).map((n) => ({ offset: n.offset, text: heldName('') })),
  ];
}
