// Finds the elements added to the document that the engine must look at: blocked
// scripts and markup to release once granted (CONTRACT §5.1, §5.2), and frames
// whose realm must be guarded (§5.3). While the HTML parser runs, a
// MutationObserver sees what it adds; once it is done (DOMContentLoaded), only
// script can add elements, and the interceptor's patched insertion methods and
// HTML sinks report them instead.
//
// NOTE: measured in Chromium 156: a document-wide MutationObserver makes every
// insertion build a mutation record, whatever is inserted: an empty observer alone
// took 1,000 div appends from 1.8 to 4.2 ms (README, "Interception overhead").

/** Added elements that need a look: frames, and anything marked with a service or category. */
export const WATCHED = 'iframe,[data-service],[data-category]';

// An element added with no element children, by local name: 1 needs a look
// always, 2 only when marked; any other local name never does. Every kind that
// kakor's blocked markup (§5.1, §5.2, kakor/rewrite) holds is here.
const LEAF: { [localName: string]: number | undefined } = Object.assign(Object.create(null), {
  iframe: 1, script: 2, frame: 2, img: 2, source: 2, input: 2, link: 2, object: 2, embed: 2,
  video: 2, audio: 2, track: 2, image: 2, feImage: 2,
});

export interface AddedWatcher {
  /**
   * Called by the interceptor right after script inserted `node` (each child of
   * a fragment, taken before the fragment empties): reports it if it needs a look.
   */
  inserted(node: any): void;
  /**
   * The interceptor reports from now on: the observer stops once the parser is
   * done (now, if it is). Until this is called, the observer sees everything.
   */
  hook(): void;
  disconnect(): void;
}

/**
 * The elements the records added. While the parser runs there is a record for every
 * node, text included; only elements can load anything or be marked. (Indexed reads
 * of a NodeList cost less than spreading it: issue 11, a returning visitor's start.)
 */
function elementsOf(records: MutationRecord[]): Node[] {
  const elements: Node[] = [];
  for (const r of records) {
    const nodes = r.addedNodes;
    for (let i = 0; i < nodes.length; i++) if (nodes[i]!.nodeType == 1) elements.push(nodes[i]!);
  }
  return elements;
}

/**
 * Calls `seen(nodes)` in a microtask after nodes were added to `doc`: by a
 * MutationObserver until `hook()` and the end of parsing, by `inserted` from then on.
 * Without an interceptor (none needed, or turned off) the observer sees all.
 */
export function watchAdded(doc: Document, seen: (nodes: Node[]) => void): AddedWatcher {
  let observing = true;
  let pending: Node[] = [];
  const flush = () => {
    const nodes = pending;
    pending = [];
    seen(nodes);
  };
  const observer = new MutationObserver((records) => seen(elementsOf(records)));
  const stop = () => {
    if (!observing) return;
    observing = false;
    // What the parser added last, not yet delivered, is looked at now.
    const last = observer.takeRecords();
    observer.disconnect();
    if (last.length) seen(elementsOf(last));
  };
  observer.observe(doc, { childList: true, subtree: true });

  return {
    inserted(n) {
      // While observing, the observer sees this too.
      if (observing || !n) return;
      const leaf = !n.firstElementChild;
      if (leaf) {
        const kind = LEAF[n.localName];
        if (!kind || (kind == 2 && !n.hasAttribute('data-service') && !n.hasAttribute('data-category'))) return;
      }
      // Not in the document yet: it is looked at when its tree is inserted.
      if (!n.isConnected) return;
      if (!leaf && !(n.matches && n.matches(WATCHED)) && !n.querySelector(WATCHED)) return;
      if (!pending.length) Promise.resolve().then(flush);
      pending.push(n);
    },
    hook() {
      if (doc.readyState == 'loading') doc.addEventListener('DOMContentLoaded', stop, { once: true });
      else stop();
    },
    disconnect() {
      observing = false;
      observer.disconnect();
      doc.removeEventListener('DOMContentLoaded', stop);
    },
  };
}
