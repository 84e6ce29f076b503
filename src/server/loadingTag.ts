// Which start tags load a URL, and through which attributes (CONTRACT §5.3): the
// elements the preload scanner and the parser fetch for, and the blocked markup
// of §5.1/§5.2 that keeps them from it (`type="text/plain"`, `data-src`).
import type { ScannedTag } from './tagScanner';

/** The attributes that hold a URL the element loads, by namespace and element. */
const LOADING: Record<string, Record<string, string[]>> = {
  html: {
    script: ['src'], iframe: ['src'], frame: ['src'], img: ['src', 'srcset'], source: ['src', 'srcset'],
    video: ['src', 'poster'], audio: ['src'], track: ['src'], embed: ['src'], object: ['data'],
    input: ['src'], link: ['href', 'imagesrcset'],
  },
  svg: { script: ['href', 'xlink:href'], image: ['href', 'xlink:href'], feImage: ['href', 'xlink:href'] },
  mathml: {},
};

/** `<link rel>` values that make the browser fetch `href` while it parses. */
const FETCHING_RELS = ['preload', 'prefetch', 'modulepreload', 'stylesheet'];

/** A URL-holding attribute of a loading tag. */
export interface TagUrl {
  /** The attribute as the browser reads it (`src`), even when held as `data-src`. */
  attribute: string;
  /** Its value as the browser decodes it (character references resolved). */
  value: string;
  /** Held aside (`data-src`, or a `type="text/plain"` script) rather than loading. */
  held: boolean;
}

export interface LoadingTag {
  tag: ScannedTag;
  urls: TagUrl[];
  /** Written as blocked markup: nothing here loads until kakor releases it. */
  blocked: boolean;
}

/** Kakor's blocked markup for an attribute: `src` held as `data-src` (§5.2). */
export const heldName = (attribute: string): string => `data-${attribute}`;

/** The URLs a start tag would load or holds aside; undefined for a tag that loads nothing. */
export function loadingTag(tag: ScannedTag): LoadingTag | undefined {
  const names = LOADING[tag.namespace]![tag.name];
  if (!names) return undefined;
  const attr = (name: string) => tag.attrs.find((a) => a.name === name);
  const lower = (name: string) => (attr(name)?.value || '').trim().toLowerCase();
  if (tag.name === 'input' && lower('type') !== 'image') return undefined;
  if (tag.name === 'link' && !lower('rel').split(/[\t\n\f\r ]+/).some((r) => FETCHING_RELS.includes(r))) return undefined;
  // A script of type text/plain is data to the browser: its src is never fetched (§5.1).
  const plainScript = tag.name === 'script' && lower('type') === 'text/plain';
  const urls: TagUrl[] = [];
  for (const name of names) {
    const raw = attr(name);
    const held = attr(heldName(name));
    if (raw) urls.push({ attribute: name, value: raw.value, held: plainScript });
    else if (held) urls.push({ attribute: name, value: held.value, held: true });
  }
  if (!urls.length) return undefined;
  return { tag, urls, blocked: urls.every((u) => u.held) };
}

/**
 * Each URL of a `srcset`-like value (`a.jpg 1x, b.jpg 2x`); one URL for anything
 * else. A candidate's URL runs to whitespace, so it may hold commas (HTML §4.8.4.3.10).
 */
export function urlsOf(url: TagUrl): string[] {
  if (!/srcset$/.test(url.attribute)) return [url.value];
  const s = url.value;
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /[\t\n\f\r ,]/.test(s[i]!)) i++;
    let end = i;
    while (end < s.length && !/[\t\n\f\r ]/.test(s[end]!)) end++;
    let candidate = s.slice(i, end);
    i = end;
    if (/,$/.test(candidate)) candidate = candidate.replace(/,+$/, '');
    else {
      // Descriptors (`2x`, `100w`) run to the next comma outside parentheses.
      for (let depth = 0; i < s.length && (s[i] !== ',' || depth > 0); i++) depth += s[i] === '(' ? 1 : s[i] === ')' ? -1 : 0;
    }
    if (candidate) out.push(candidate);
  }
  return out;
}
