// Which elements load something, and from which attributes (CONTRACT §5.3):
// HTML, SVG and MathML, by local name, so that an element or attribute that
// cannot load costs one property lookup.

/**
 * Attribute names that make an element fetch, navigate or run something, by
 * local name. SVG's `xlink:href` is its qualified name. `srcdoc` holds a whole
 * document's HTML; `srcset` and `imagesrcset` hold lists of URLs.
 */
export const LOADS: { [localName: string]: string[] | undefined } = Object.assign(Object.create(null), {
  script: ['src', 'href', 'xlink:href'],
  iframe: ['src', 'srcdoc'],
  frame: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  input: ['src'],
  link: ['href', 'imagesrcset'],
  object: ['data'],
  embed: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  // A base URL makes every relative URL after it load from there (in a srcdoc or
  // data: document too, where the page's base does not apply).
  base: ['href'],
  // Legacy background images, still fetched by browsers.
  body: ['background'],
  table: ['background'],
  td: ['background'],
  th: ['background'],
  // SVG (a <use> never loads a file of another origin)
  image: ['href', 'xlink:href'],
  feImage: ['href', 'xlink:href'],
  // MathML (Firefox loads it; Chromium does not implement it)
  mglyph: ['src'],
  // A followed link posts to each URL of its `ping` (hyperlink auditing).
  a: ['ping'],
  area: ['ping'],
});

/** Every loading element, as a selector: a link only with a `ping` (links are many, and load nothing else). */
export const LOADING = Object.keys(LOADS).map((n) => (LOADS[n]![0] == 'ping' ? `${n}[ping]` : n)).join();

/** Every attribute name in LOADS, once. */
export const URL_ATTRIBUTES = [...new Set(Object.values(LOADS).flat() as string[])];

/** The property setters that write one of those attributes: `Interface property…`. */
export const SETTERS = [
  'HTMLScriptElement src', 'HTMLIFrameElement src srcdoc', 'HTMLFrameElement src',
  'HTMLImageElement src srcset', 'HTMLSourceElement src srcset', 'HTMLInputElement src',
  'HTMLLinkElement href imageSrcset', 'HTMLObjectElement data', 'HTMLEmbedElement src',
  'HTMLMediaElement src', 'HTMLVideoElement poster', 'HTMLTrackElement src', 'HTMLBodyElement background', 'HTMLBaseElement href',
  'HTMLAnchorElement ping', 'HTMLAreaElement ping',
];

/** The URLs of a `ping`: a list separated by spaces. */
export const pings = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** The URLs a srcset-like list names: each candidate's first word. */
export const candidates = (list: string): string[] => list.split(',').map((c) => c.trim().split(/\s+/)[0]!);
