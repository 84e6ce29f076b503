// Releases the loading attributes that blocked markup holds aside as `data-src`,
// `data-srcset`, `data-href`… on an element marked with `data-service` /
// `data-category` (CONTRACT §5.2, §5.3): what kakor/rewrite
// (src/server/blockingEdits.ts) writes for a vendor's images, links, media,
// objects and SVG. HTML scripts (`type="text/plain"`) are scripts.ts's, iframes
// iframes.ts's.
import type { Allowed } from './scripts';
import type { Trusted } from './trustedTypes';

/** Elements that may hold an attribute aside; a blocked one always carries one of these. */
export const MARKED = '[data-service],[data-category]';

const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';

// The attributes each element loads from, as src/server/loadingTag.ts knows them;
// a list of URLs first, so the browser does not fetch the single URL and then the better one.
const HTML: { [localName: string]: string[] | undefined } = Object.assign(Object.create(null), {
  img: ['srcset', 'src'], source: ['srcset', 'src'], video: ['poster', 'src'], audio: ['src'], track: ['src'],
  embed: ['src'], object: ['data'], input: ['src'], link: ['imagesrcset', 'href'], frame: ['src'],
});
const IN_SVG: { [localName: string]: string[] | undefined } = Object.assign(Object.create(null), {
  image: ['href', 'xlink:href'], feImage: ['href', 'xlink:href'], script: ['href', 'xlink:href'],
});

/** Puts back the held attributes of every marked element that is allowed now. */
export function releaseAttributes(doc: Document, allowed: Allowed, trusted: Trusted): void {
  for (const el of doc.querySelectorAll(MARKED)) {
    const names = (el.namespaceURI == SVG ? IN_SVG : HTML)[el.localName];
    const held = names && names.filter((n) => el.hasAttribute(`data-${n}`));
    if (!held || !held.length || !allowed(el)) continue;
    // NOTE: an SVG script that was in the document once has run (or been skipped)
    // for good, whatever its href becomes: only a new element loads.
    const target = el.localName == 'script' ? doc.createElementNS(SVG, 'script') : el;
    if (target !== el) {
      for (const a of el.attributes) if (!held.some((n) => a.name == `data-${n}`)) target.setAttributeNS(a.namespaceURI, a.name, a.value);
      if (el.textContent) target.textContent = trusted.script(el.textContent) as string;
    }
    for (const n of held) {
      const raw = el.getAttribute(`data-${n}`)!;
      // A script's URL is a Trusted Types sink, in SVG as in HTML.
      const v = (target !== el ? trusted.scriptUrl(raw) : raw) as string;
      if (target === el) el.removeAttribute(`data-${n}`);
      if (/^xlink:/.test(n)) target.setAttributeNS(XLINK, n, v);
      else target.setAttribute(n, v);
    }
    if (target !== el) el.replaceWith(target);
    // NOTE: measured in Chromium 156: a <link> acts on a new href or on insertion,
    // not on a new imagesrcset, so one that held only that is inserted again.
    if (el.localName == 'link' && !held.includes('href') && el.parentNode) el.parentNode.insertBefore(el, el.nextSibling);
    // A media element picks its <source> and <track> only when it loads.
    const media = el.parentElement as HTMLMediaElement | null;
    if (/^(source|track)$/.test(el.localName) && media && media.load) media.load();
  }
}
