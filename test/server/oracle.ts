// An independent judge for the rewrite tests: parse5's full tree builder (not
// kakor's tag scanner) builds the DOM a browser would, and every element that
// would fetch a URL containing a non-essential service's pattern is listed.
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

export interface Leak {
  element: string;
  attribute: string;
  value: string;
}

// What each element fetches, by namespace: the HTML and SVG specs' loading attributes.
const HTML_URLS: Record<string, string[]> = {
  script: ['src'], img: ['src', 'srcset'], iframe: ['src'], frame: ['src'], embed: ['src'], track: ['src'], audio: ['src'],
  video: ['src', 'poster'], source: ['src', 'srcset'], object: ['data'], input: ['src'], link: ['href', 'imagesrcset'],
};
const SVG_URLS: Record<string, string[]> = { script: ['href'], image: ['href'], feImage: ['href'] };

/** Each element, and whether it is inside a `<noscript>`. */
function* elements(node: Node, inNoscript = false): Generator<[Element, boolean]> {
  if ('tagName' in node) yield [node, inNoscript];
  const inside = inNoscript || ('tagName' in node && node.tagName === 'noscript');
  if ('content' in node) yield* elements(node.content as Node, inside);
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child, inside);
}

function fetches(el: Element, attribute: string): boolean {
  const svg = el.namespaceURI === 'http://www.w3.org/2000/svg';
  if (!svg && el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  if (!((svg ? SVG_URLS : HTML_URLS)[el.tagName] || []).includes(attribute)) return false;
  if (svg) return true;
  const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value.toLowerCase().trim() ?? '';
  switch (el.tagName) {
    case 'link': return /\b(preload|prefetch|modulepreload|stylesheet)\b/.test(attr('rel'));
    case 'input': return attr('type') === 'image';
    case 'script': return attr('type') !== 'text/plain';
    default: return true;
  }
}

/**
 * Loading elements of `html` whose URL contains one of `patterns`, with
 * scripting on and off (then scripts are not fetched). `noscriptOnly`: without
 * scripting, only what is inside `<noscript>` counts (where kakor/rewrite reads
 * the page as such a browser does; see the README).
 */
export function leaks(html: string, patterns: string[], { noscriptOnly = false } = {}): Leak[] {
  const found: Leak[] = [];
  for (const scriptingEnabled of [true, false]) {
    for (const [el, inNoscript] of elements(parse(html, { scriptingEnabled }))) {
      if (!scriptingEnabled && ((noscriptOnly && !inNoscript) || (el.tagName === 'script' && el.namespaceURI === 'http://www.w3.org/1999/xhtml'))) continue;
      for (const a of el.attrs) {
        const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
        if (!fetches(el, a.name)) continue;
        if (patterns.some((p) => a.value.toLowerCase().includes(p))) found.push({ element: el.tagName, attribute: name, value: a.value });
      }
    }
  }
  return found;
}

/** The `scripts` substrings of the services not in the required category. */
export function nonEssentialPatterns(manifest: { categories: (string | { id: string; required?: boolean })[]; services?: { category: string; scripts?: string[] }[] }): string[] {
  const required = manifest.categories.map((c) => (typeof c === 'string' ? { id: c, required: c === 'necessary' } : c))
    .filter((c) => c.required ?? c.id === 'necessary').map((c) => c.id);
  return (manifest.services || []).filter((s) => !required.includes(s.category)).flatMap((s) => s.scripts || []);
}

/** True when `output` is `input` with text inserted and nothing removed or changed. */
export function onlyInserts(input: string, output: string): boolean {
  let i = 0;
  for (let o = 0; o < output.length && i < input.length; o++) if (output[o] === input[i]) i++;
  return i === input.length;
}
