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

const URL_ATTRIBUTES = ['src', 'srcset', 'href', 'poster', 'data', 'imagesrcset'];

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('content' in node) yield* elements(node.content as Node);
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
}

function fetches(el: Element, attribute: string): boolean {
  const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value.toLowerCase().trim() ?? '';
  switch (el.tagName) {
    case 'a': case 'area': case 'base': return false;
    case 'link': return attribute !== 'data' && /\b(preload|prefetch|modulepreload|stylesheet)\b/.test(attr('rel'));
    case 'input': return attr('type') === 'image';
    case 'script': return attr('type') !== 'text/plain';
    default: return true;
  }
}

/** Loading elements of `html` whose URL contains one of `patterns`, with scripting on and off. */
export function leaks(html: string, patterns: string[]): Leak[] {
  const found: Leak[] = [];
  for (const scriptingEnabled of [true, false]) {
    for (const el of elements(parse(html, { scriptingEnabled }))) {
      for (const a of el.attrs) {
        const name = a.prefix ? `${a.prefix}:${a.name}` : a.name;
        if (!URL_ATTRIBUTES.includes(a.name) || !fetches(el, a.name)) continue;
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
