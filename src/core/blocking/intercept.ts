// Holds the scripts, iframes and images other code adds while their URL is
// blocked, and puts them back in catch order once it is not (CONTRACT §5.3).
// A held element keeps its URL aside in data-kakor-src / data-kakor-srcset.
//
// NOTE: measured in Chromium 156: a MutationObserver alone is too late for
// elements made by script: createElement('script') + appendChild loads and
// runs the script, and a detached `new Image().src` fetches at once. Patching
// the src/srcset setters and setAttribute on the element prototypes, the
// insertion methods and the HTML-string setters stops both. For markup in the
// HTML itself the preload scanner fetches `<script src>` and `<img src>` and an
// `<iframe src>` navigates before any script can act: those need type="text/plain"
// or data-src (§5.1, §5.2); the caller's observer (parsed) still keeps such a script from running.

export interface Interceptor {
  /**
   * Holds what the HTML parser just added, if blocked; the caller's MutationObserver
   * calls it. The spec (and Chromium) run a microtask checkpoint before a
   * parser-inserted script is prepared, so this catches a `<script src>` in the HTML before it runs.
   */
  parsed(node: Node): void;
  /** Re-check held elements and release, in the order they were caught, those no longer blocked. */
  update(): void;
  /** Remove every patch; held elements stay held (not released). */
  destroy(): void;
}

const MARK = 'data-kakor-';
const NAMES = ['srcset', 'src'];
// A start tag that can load something; quoted values may hold a `>`.
// The parser turns `<image>` into `<img>`.
const TAG_HTML = /<(script|iframe|img|image)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

type Fn = (this: any, ...args: any[]) => any;

/** Starts holding elements for which isBlocked(absoluteUrl, element) is true. */
export function createInterceptor(win: Window, isBlocked: (url: string, el: Element) => boolean): Interceptor {
  const doc = win.document;
  const E = (win as Window & typeof globalThis).Element.prototype;
  const { setAttribute: setAttr, getAttribute: getAttr, removeAttribute: removeAttr } = E;
  const setHTML = Object.getOwnPropertyDescriptor(E, 'innerHTML')!.set!;
  const tpl = doc.createElement('template');
  let held: Element[] = [];
  const undo: (() => void)[] = [];
  let on = true;

  // A `type="text/plain"` script is kakor's own static blocking (§5.1): it
  // never fetches, and scripts.ts copies its src. Other odd types are held harmlessly.
  const loads = (el: Element) =>
    /^(script|iframe|img)$/.test(el.localName) && !(el.localName == 'script' && /plain/i.test(getAttr.call(el, 'type')!));
  // srcset lists candidates; the element is blocked if any one is. Only http(s) can reach a vendor.
  const blocked = (el: Element, name: string, value: string) =>
    (name == 'src' ? [value] : value.split(',').map((c) => c.trim().split(/\s+/)[0]!)).some((u) => {
      try {
        u = new URL(u, doc.baseURI).href;
      } catch {
        return false;
      }
      return /^https?:/.test(u) && isBlocked(u, el);
    });
  // A URL our setters let through since the last update() is not asked again on insertion.
  let passed = new WeakMap<Element, string>();
  const anyBlocked = (el: Element, prefix: string) =>
    NAMES.some((a) => {
      const v = getAttr.call(el, prefix + a);
      return v != null && v !== passed.get(el) && blocked(el, a, v);
    });
  const remember = (el: Element) => held.includes(el) || held.push(el);
  const marked = (el: Element) => NAMES.some((a) => el.hasAttribute(MARK + a));

  // An element that got its URL without our setters (parser, template clone,
  // DOMParser): move every URL aside before it is connected or adopted. An
  // image the HTML parser made (`late`) was fetched already, so it keeps its URL.
  const check = (el: Element, late?: boolean) => {
    if (!loads(el)) return;
    if (!(late && el.localName == 'img') && anyBlocked(el, '')) {
      for (const a of NAMES) {
        const v = getAttr.call(el, a);
        if (v != null) setAttr.call(el, MARK + a, v), removeAttr.call(el, a);
      }
    }
    if (marked(el)) remember(el);
  };
  const scan = (n: any, late?: boolean) => {
    if (!on || !(n && n.querySelectorAll)) return;
    check(n, late); // a fragment has no localName, so it never `loads`
    if (n.firstElementChild) n.querySelectorAll('script,iframe,img').forEach((el: Element) => check(el, late));
  };

  // A URL set by property or setAttribute: a blocked one never reaches the
  // element, so even a detached `new Image()` fetches nothing.
  const caught = (el: Element, name: string, value: unknown) => {
    name = String(name).toLowerCase();
    if (!on || !NAMES.includes(name) || !loads(el)) return false;
    const v = String(value);
    const b = blocked(el, name, v);
    if (b) setAttr.call(el, MARK + name, v), remember(el);
    else removeAttr.call(el, MARK + name), passed.set(el, v);
    return b;
  };

  // Markup: only the start tags that would load a blocked URL are rewritten,
  // so everything else parses exactly as the page wrote it. All the tags are
  // parsed in one go, inert, each closed so that none swallows the next.
  const rewrite = (html: unknown) => {
    const tags = on && typeof html == 'string' && html.match(TAG_HTML);
    if (!tags) return html;
    setHTML.call(tpl, tags.join('</script></iframe>'));
    const els = tpl.content.children;
    let i = 0;
    return (html as string).replace(TAG_HTML, (tag) => {
      const el = els[i++];
      return el && loads(el) && anyBlocked(el, '') ? tag.replace(/([\s/])(src(set)?)(?=\s*=)/gi, `$1${MARK}$2`) : tag;
    });
  };

  // Each name is patched on whichever of these prototypes owns it.
  const protos = ['Node', 'Element', 'CharacterData', 'DocumentFragment', 'Document', 'ShadowRoot', 'Range',
    'HTMLScriptElement', 'HTMLIFrameElement', 'HTMLImageElement'].map((c) => (win as any)[c].prototype);
  const patch = (names: string, wrap: (orig: Fn, name: string) => Fn) =>
    protos.forEach((proto) => names.split(' ').forEach((name) => {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d) return;
      const key = d.set ? 'set' : 'value';
      const f = wrap(d[key], name);
      Object.defineProperty(proto, name, { ...d, [key]: f });
      // Someone patched over us: leave theirs; ours passes through once `on` is false.
      undo.push(() => (Object.getOwnPropertyDescriptor(proto, name) || d)[key] === f && Object.defineProperty(proto, name, d));
    }));

  patch('src srcset', (orig, name) => function (v) {
    if (!caught(this, name, v)) orig.call(this, v);
  });
  patch('setAttribute', (orig) => function (n, v) {
    if (!caught(this, n, v)) orig.call(this, n, v);
  });
  // Insertion: the node to insert is the first argument, the second for
  // insertAdjacentElement; the variadic methods insert every argument.
  patch('appendChild insertBefore replaceChild insertAdjacentElement append prepend before after replaceWith replaceChildren',
    (orig, name, at = /Child|Before/.test(name) ? 0 : /Elem/.test(name) ? 1 : -1) => function (...a) {
      at < 0 ? a.forEach((n) => scan(n)) : scan(a[at]);
      return orig.apply(this, a);
    });
  patch('innerHTML outerHTML insertAdjacentHTML setHTMLUnsafe createContextualFragment write writeln', (orig) => function (...a) {
    const root = this.parentNode || this;
    const b = a.map(rewrite);
    const r = orig.apply(this, b);
    // The parser made these elements; list them now, in markup order.
    if (b.some((x, i) => x !== a[i])) (r && r.querySelectorAll ? r : root).querySelectorAll(`[${MARK}src],[${MARK}srcset]`).forEach(remember);
    return r;
  });

  return {
    parsed: (n) => scan(n, true),
    update() {
      passed = new WeakMap();
      if (on) held = held.filter((el) => {
        if (marked(el) && anyBlocked(el, MARK)) return true;
        // Released scripts run in catch order, as the parser would have run them.
        if (el.localName == 'script' && !el.hasAttribute('async')) (el as HTMLScriptElement).async = false;
        for (const a of NAMES) {
          const v = getAttr.call(el, MARK + a);
          if (v != null) removeAttr.call(el, MARK + a), setAttr.call(el, a, v);
        }
        return false;
      });
    },
    destroy() {
      on = false;
      undo.forEach((f) => f());
    },
  };
}
