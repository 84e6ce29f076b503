// Holds the elements other code adds while their URL is blocked, and puts them
// back in catch order once it is not (CONTRACT §5.3). A held element keeps each
// blocked URL aside in data-kakor-<attribute>; which elements and attributes
// load is loads.ts, how HTML strings are checked is markup.ts.
//
// NOTE: measured in Chromium: a MutationObserver alone is too late for elements
// made by script: createElement('script') + appendChild loads and runs the
// script, and a detached `new Image().src` fetches at once. So the URL setters,
// setAttribute*, the HTML-string sinks and the ways a node enters this document
// from another (a DOMParser's, a template's content) are patched. For markup in
// the HTML itself the preload scanner fetches before any script can act: that
// needs type="text/plain" or data-src (§5.1, §5.2); parsed() still keeps such a
// script from running.
import { WATCHED } from './added';
import { DOCUMENT_URL, dataDocument } from './dataUrl';
import { LOADING, LOADS, SETTERS, URL_ATTRIBUTES, candidates, pings } from './loads';
import { createMarkupCleaner } from './markup';
import { swap } from './swap';
import type { Trusted } from './trustedTypes';

export interface Interceptor {
  /**
   * Holds the scripts the HTML parser just added, if blocked; the caller's
   * MutationObserver calls it. The spec (and Chromium) run a microtask checkpoint
   * before a parser-inserted script is prepared, so this is before it runs.
   */
  parsed(node: Node): void;
  /** Re-check held elements and release, in the order they were caught, those no longer blocked. */
  update(): void;
  /** Remove every patch; held elements stay held (not released). */
  destroy(): void;
}

const MARK = 'data-kakor-';
const XLINK = 'http://www.w3.org/1999/xlink';
const MARKED = URL_ATTRIBUTES.map((a) => `[${MARK}${a.replace(':', '\\:')}]`).join();

type Fn = (this: any, ...args: any[]) => any;

/** What kakor writes into sinks that Trusted Types guard: its own markup, and a released script's URL. */
export type Sinks = Pick<Trusted, 'html' | 'scriptUrl'>;
const asWritten: Sinks = { html: (s) => s, scriptUrl: (s) => s };

/**
 * Starts holding elements for which isBlocked(url, element) is true; the URL is
 * the attribute's value as written. `sinks` turns what kakor writes into what
 * the page's sinks accept (Trusted Types, trustedTypes.ts). With `reportOnly`
 * (nothing can be blocked: every service that lists `scripts` is granted) only the
 * insertion methods and HTML sinks are patched, to tell `inserted`; no URL is looked at.
 */
export function createInterceptor(win: Window, isBlocked: (url: string, el: Element) => boolean,
  sinks: Sinks = asWritten, inserted?: (node: any) => void, reportOnly = false): Interceptor {
  const doc = win.document;
  const W = win as any;
  const E = W.Element.prototype;
  const { setAttribute: setAttr, getAttribute: getAttr, removeAttribute: removeAttr, setAttributeNS: setAttrNS } = E;
  const held = new Set<Element>();
  const undo: (() => void)[] = [];
  let on = true;

  // A `type="text/plain"` script is kakor's own static blocking (§5.1): it never fetches.
  const live = (el: Element) => !(el.localName == 'script' && /plain/i.test(getAttr.call(el, 'type') || ''));
  const blocked = (el: Element, name: string, value: string): boolean => {
    if (name == 'srcdoc') return markup.loadsBlocked(value);
    if (/srcset$/.test(name)) return candidates(value).some((u) => isBlocked(u, el));
    if (name == 'ping') return pings(value).some((u) => isBlocked(u, el));
    const data = DOCUMENT_URL[el.localName] == name ? dataDocument(value) : null;
    return data != null ? markup.loadsBlocked(data) : isBlocked(value, el);
  };
  const marked = (el: Element) => URL_ATTRIBUTES.some((a) => el.hasAttribute(MARK + a));

  /** Moves every attribute of `el` that would load a blocked URL aside; true if it did. */
  const setAside = (el: Element): boolean => {
    const names = LOADS[el.localName];
    let moved = false;
    if (names && live(el)) for (const name of names) {
      const v = getAttr.call(el, name);
      if (v != null && blocked(el, name, v)) setAttr.call(el, MARK + name, v), removeAttr.call(el, name), moved = true;
    }
    return moved;
  };
  const hold = (el: Element) => (setAside(el) || marked(el)) && held.add(el);
  const holdMarked = (root: any) => {
    if (root && root.nodeType == 1 && marked(root)) held.add(root);
    if (root && root.firstElementChild) root.querySelectorAll(MARKED).forEach(hold);
  };
  // Nodes of this document got their URLs through the patched setters; only a node
  // from another document (DOMParser, a template's content) can bring one unseen.
  const adopt = (n: any) => {
    if (!on || reportOnly || !n || !n.querySelectorAll || n.ownerDocument === doc) return;
    if (n.nodeType == 1) hold(n);
    if (n.firstElementChild) n.querySelectorAll(LOADING).forEach(hold);
  };

  const setInner = Object.getOwnPropertyDescriptor(E, 'innerHTML')!.set!;
  const markup = createMarkupCleaner(doc, setAside, setInner, sinks.html, WATCHED);

  // A URL written by property or setAttribute*: a blocked one never reaches the
  // element, so even a detached `new Image()` fetches nothing.
  const caught = (el: Element, name: string, value: unknown): boolean => {
    const names = el && LOADS[el.localName];
    if (!names || !on) return false;
    name = String(name).toLowerCase();
    if (!names.includes(name) || !live(el)) return false;
    const v = String(value);
    const b = blocked(el, name, v);
    if (b) setAttr.call(el, MARK + name, v), held.add(el);
    else if (held.has(el)) removeAttr.call(el, MARK + name);
    return b;
  };

  const patch = (proto: any, name: string, wrap: (orig: Fn) => Fn) => {
    const d = proto && Object.getOwnPropertyDescriptor(proto, name);
    if (!d) return;
    const key = d.set ? 'set' : 'value';
    const f = wrap(d[key]);
    Object.defineProperty(proto, name, { ...d, [key]: f });
    // Someone patched over us: leave theirs; ours passes through once `on` is false.
    undo.push(() => (Object.getOwnPropertyDescriptor(proto, name) || d)[key] === f && Object.defineProperty(proto, name, d));
  };
  /** Patches each name on whichever of these interfaces' prototypes owns it. */
  const patchAll = (interfaces: string, names: string, wrap: (orig: Fn, name: string) => Fn) =>
    interfaces.split(' ').forEach((i) => names.split(' ').forEach((n) => patch(W[i] && W[i].prototype, n, (o) => wrap(o, n))));

  // The URL setters and setAttribute*: where a blocked URL is caught on its way in.
  if (!reportOnly) {
    for (const line of SETTERS) {
      const [i, ...props] = line.split(' ');
      for (const p of props) {
        patch(W[i!] && W[i!].prototype, p, (orig) => function (v) {
          if (!caught(this, p, v)) orig.call(this, v);
        });
      }
    }
    // `new Audio(url)` sets its URL inside the browser, past the src setter, and starts
    // loading with no insertion: the constructor is made again from what it does (HTML,
    // "The Audio() constructor"), so the URL goes through the guarded setter.
    swap<typeof Audio>(undo, W, 'Audio', (NativeAudio) => {
      const Audio = function (this: unknown, src?: string) {
        // Called without `new`: the browser's own TypeError. (Passing `this` also keeps
        // the minifier from making this constructor an arrow function.)
        if (!new.target) return (NativeAudio as unknown as Fn).call(this, src);
        const audio = doc.createElement('audio');
        setAttr.call(audio, 'preload', 'auto');
        if (src !== undefined) audio.src = src;
        return audio;
      } as unknown as typeof NativeAudio;
      Audio.prototype = NativeAudio.prototype;
      return Audio;
    });
    patchAll('Element', 'setAttribute', (orig) => function (n, v) {
      if (!caught(this, n, v)) orig.call(this, n, v);
    });
    patchAll('Element', 'setAttributeNS', (orig) => function (ns, n, v) {
      if (!caught(this, n, v)) orig.call(this, ns, n, v);
    });
    patchAll('Element', 'setAttributeNode setAttributeNodeNS', (orig) => function (a) {
      return a && caught(this, a.name, a.value) ? null : orig.call(this, a);
    });
    patchAll('Attr', 'value', (orig) => function (v) {
      const el = this.ownerElement;
      if (!caught(el, this.name, v)) orig.call(this, v);
      else removeAttr.call(el, this.name);
    });
  }

  // What an insertion tells `inserted` of once done: the node, or a fragment's
  // children, taken before (the fragment is empty after).
  const entering = (n: any): any => (inserted && n && n.nodeType == 11 ? [...n.childNodes] : n);
  const entered = (n: any) => {
    if (inserted && on) Array.isArray(n) ? n.forEach(inserted) : inserted(n);
  };
  // Insertion. These wrappers are on every page's hottest path: no `arguments`
  // array unless the call has more arguments than usual, and the original gets
  // the caller's own argument count, so a missing argument fails as it would.
  const ONE: [string, number][] = [['appendChild insertBefore replaceChild insertNode surroundContents', 0], ['insertAdjacentElement', 1]];
  for (const [names, at] of ONE) {
    patchAll('Node Element CharacterData DocumentFragment Document Range', names, (orig) => function (this: any, a: any, b: any) {
      const n = at ? b : a;
      adopt(n);
      const e = entering(n);
      const r = arguments.length == 1 ? orig.call(this, a) : arguments.length == 2 ? orig.call(this, a, b) : orig.apply(this, arguments as any);
      entered(e);
      return r;
    });
  }
  patchAll('Node Element CharacterData DocumentFragment Document Range', 'append prepend before after replaceWith replaceChildren',
    (orig) => function (this: any, a: any) {
      if (arguments.length == 1) {
        adopt(a);
        const e = entering(a);
        const r = orig.call(this, a);
        entered(e);
        return r;
      }
      const es: unknown[] = [];
      for (const n of arguments) adopt(n), es.push(entering(n));
      const r = orig.apply(this, arguments as any);
      es.forEach(entered);
      return r;
    });
  const holdCopies = (copy: any) => (held.size && holdMarked(copy), copy);
  if (!reportOnly) {
    patchAll('Document', 'adoptNode', (orig) => function (n) {
      adopt(n);
      return orig.call(this, n);
    });
    // A node of another document is copied first into the inert one, where nothing
    // loads, and set aside there; a copy of a held element is held too.
    patchAll('Document', 'importNode', (orig) => function (n, deep) {
      if (this !== doc || !on || !n || n.ownerDocument === doc) return holdCopies(orig.apply(this, arguments as any));
      return this.adoptNode(markup.inert().importNode(n, deep));
    });
    patchAll('Node Range', 'cloneNode cloneContents', (orig) => function () {
      return holdCopies(orig.apply(this, arguments as any));
    });
  }

  /** The element a sink parses its markup in (null: a `<body>`), as the HTML fragment parsing algorithm picks it. */
  const contextOf = (self: any, name: string, a: any[]): Element | null => {
    if (/^write/.test(name)) return doc.currentScript && doc.currentScript.parentElement;
    if (name == 'execCommand') return null;
    if (name == 'createContextualFragment') {
      const n = self.startContainer;
      const el = n.nodeType == 1 ? n : n.parentElement;
      return el && el.localName != 'html' ? el : null;
    }
    if (name == 'outerHTML' || (name == 'insertAdjacentHTML' && /^(beforebegin|afterend)$/i.test(a[0]))) return self.parentElement;
    return self.nodeType == 11 ? self.host : self;
  };
  // HTML strings: the markup is the first argument, the second for
  // insertAdjacentHTML, the third for execCommand('insertHTML'); document.write joins them all.
  patchAll('Element ShadowRoot Range Document', 'innerHTML outerHTML insertAdjacentHTML setHTMLUnsafe setHTML createContextualFragment write writeln execCommand',
    (orig, name) => function (this: any, ...a) {
      const at = name == 'insertAdjacentHTML' ? 1 : name == 'execCommand' ? 2 : 0;
      const node = name == 'createContextualFragment' ? this.startContainer : this;
      const write = /^write/.test(name);
      if (!on || (node.ownerDocument || node) !== doc || a.length <= at
        || (at == 2 && !/^inserthtml$/i.test(a[0]))) return orig.apply(this, a);
      const html = write ? a.join('') : a[at];
      // Nothing to set aside: only tell `inserted`, which looks for what it watches.
      const [out, watched] = reportOnly ? [html, true] : markup.clean(html, contextOf(this, name, a), write);
      const report = watched && inserted && node === this;
      if (out === html && !report) return orig.apply(this, a);
      // Where the page's parser puts the elements it makes from kakor's markup.
      const parent = node === this && this.nodeType == 1 && (name == 'outerHTML' || at == 1) ? this.parentNode : null;
      const r = out === html ? orig.apply(this, a) : orig.apply(this, write ? [out] : (a[at] = out, a));
      // Hold those it set aside, in document order; a shadow root is not in doc's tree.
      const root = node !== this ? r : write || at == 2 ? doc.documentElement
        : parent || (this.localName == 'template' ? this.content : this);
      if (report) inserted(root);
      if (out === html) return r;
      holdMarked(root);
      // Declarative shadow roots (setHTMLUnsafe): the open ones can be reached and held;
      // what is set aside in a closed one stays so.
      if (name == 'setHTMLUnsafe') root.querySelectorAll('*').forEach((e: Element) => e.shadowRoot && holdMarked(e.shadowRoot));
      return r;
    });

  return {
    parsed(n: any) {
      if (!on || !n.querySelectorAll) return;
      // An image the parser made was fetched already: holding it would only hide it.
      const take = (el: Element) => el.localName != 'img' && hold(el);
      if (n.nodeType == 1) take(n);
      if (n.firstElementChild) n.querySelectorAll(LOADING).forEach(take);
    },
    update() {
      if (on) for (const el of held) {
        // The element's own order reversed: srcset before src, imagesrcset before href, srcdoc before src.
        const aside = LOADS[el.localName]!.filter((a) => el.hasAttribute(MARK + a)).reverse();
        if (aside.some((a) => blocked(el, a, getAttr.call(el, MARK + a)))) continue;
        held.delete(el);
        // Released scripts run in catch order, as the parser would have run them.
        if (el.localName == 'script' && !el.hasAttribute('async')) (el as HTMLScriptElement).async = false;
        for (const a of aside) {
          const raw = getAttr.call(el, MARK + a);
          // A script's URL is a Trusted Types sink, in HTML (src) and SVG (href) alike.
          const v = el.localName == 'script' ? sinks.scriptUrl(raw) : raw;
          removeAttr.call(el, MARK + a);
          if (/^xlink:/.test(a)) setAttrNS.call(el, XLINK, a, v);
          else setAttr.call(el, a, v);
        }
        // A media element picks its <source> and <track> only when it loads.
        const media = el.parentElement as HTMLMediaElement | null;
        if (/^(source|track)$/.test(el.localName) && media && media.load) media.load();
      }
    },
    destroy() {
      on = false;
      undo.forEach((f) => f());
    },
  };
}
