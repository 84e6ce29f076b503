// Markup is parsed, never pattern-matched (CONTRACT §5.3): an HTML string bound
// for the page is first parsed in an inert document, in the context the page's
// sink will parse it in. Only when that holds an element that would load a blocked
// URL does the sink get other markup: the browser's own serialization of what it
// parsed, with those URLs moved aside.
import { LOADING, URL_ATTRIBUTES } from './loads';

export interface MarkupCleaner {
  /**
   * The markup to hand the sink: `html` itself when nothing in it loads a blocked
   * URL; and whether it holds a `watched` element. `context` is the element the sink parses in (null: `<body>`); `open`
   * is for document.write, whose markup may leave elements open for the next call.
   */
  clean(html: unknown, context: Element | null, open?: boolean): [markup: unknown, watched: boolean];
  /** Whether a document made from this HTML (an iframe's srcdoc) would load a blocked URL. */
  loadsBlocked(html: string): boolean;
  /** The inert document: nothing in it fetches, runs or navigates. */
  inert(): Document;
}

// Without one of these words, markup cannot load a URL or hold a watched element
// (`data` covers data-service and data-category): the tokenizer only lower-cases
// ASCII in attribute names and decodes nothing in them, so a loading attribute is
// there as written, in some ASCII case (the `i` flag, which folds nothing else).
// `ping` only with its `=`: the word is in "shopping" and "mapping", common in shop markup.
const MAY_LOAD = new RegExp([...URL_ATTRIBUTES.map((a) => (a == 'ping' ? 'ping\\s*=' : a)), 'iframe'].join('|'), 'i');

// A comment put at the end of document.write's markup: what the serialization
// has after it is only end tags the inert parse added, which the page's parser would not.
const END = '<!--kakor:end-->';

/**
 * `setAside(el)` moves the blocked URLs of one element aside and says whether it did;
 * `setInner` is the original innerHTML setter; `toSink` is the one place kakor's own
 * markup goes to a sink (Trusted Types); `watched` selects the elements that
 * `clean` says the markup holds.
 */
export function createMarkupCleaner(doc: Document, setAside: (el: Element) => boolean,
  setInner: (this: Element, html: unknown) => void, toSink: (html: string) => unknown, watched: string): MarkupCleaner {
  let inertDoc: Document | undefined;
  const inert = () => (inertDoc ||= doc.implementation.createHTMLDocument(''));

  /** Sets aside what would load in this tree, template contents (declarative shadow roots) included. */
  const walk = (root: ParentNode): boolean => {
    let moved = false;
    root.querySelectorAll(LOADING + ',template').forEach((el) => {
      // NOTE: an inert document parses with scripting off, so a <noscript>'s content
      // is elements here; in the page it is text, which loads nothing.
      if (el.closest('noscript')) return;
      if (el.localName == 'template') moved = walk((el as HTMLTemplateElement).content) || moved;
      else moved = setAside(el) || moved;
    });
    return moved;
  };

  return {
    inert,
    clean(html, context, open) {
      const s = String(html);
      if (s.indexOf('<') < 0 || !MAY_LOAD.test(s)) return [html, false];
      const d = inert();
      const ns = context ? context.namespaceURI : null;
      const box = ns ? d.createElementNS(ns, context!.localName) : d.createElement('body');
      // Inside a <form>, the parser ignores a nested <form> start tag.
      if (ns && context!.closest('form')) d.createElement('form').appendChild(box);
      setInner.call(box, typeof html == 'string' ? toSink(open ? s + END : s) : html);
      const root = box.localName == 'template' ? (box as HTMLTemplateElement).content : box;
      const has = !!root.querySelector(watched);
      if (!walk(root)) return [html, has];
      const out = box.innerHTML;
      const end = open ? out.lastIndexOf(END) : -1;
      return [toSink(end < 0 ? out : out.slice(0, end)), has];
    },
    loadsBlocked(html) {
      const parsed = new DOMParser().parseFromString(toSink(html) as string, 'text/html');
      return walk(parsed);
    },
  };
}
