// Releases `<script type="text/plain" data-category>` blocks once granted
// (CONTRACT §5.1): in document order, each external one loaded before the next
// runs, each once per page, nonce and every other attribute kept.
import type { Trusted } from './trustedTypes';

/** Whether a blocked element's `data-category` / `data-service` is granted now. */
export type Allowed = (el: Element) => boolean;

export const BLOCKED_SCRIPTS = 'script[type="text/plain"][data-category],script[type="text/plain"][data-service]';

/** Returns a function that releases what is allowed now; runs never overlap. */
export function createScriptReleaser(doc: Document, allowed: Allowed, trusted: Trusted): () => Promise<void> {
  const done = new WeakSet<Element>();
  let queue = Promise.resolve();
  return () => (queue = queue.then(async () => {
    for (const el of doc.querySelectorAll<HTMLScriptElement>(BLOCKED_SCRIPTS)) {
      if (done.has(el) || !allowed(el)) continue;
      done.add(el);
      await run(doc, el, trusted);
    }
  }));
}

function run(doc: Document, blocked: HTMLScriptElement, trusted: Trusted): Promise<unknown> {
  const script = doc.createElement('script');
  // data-type="module" becomes type="module"; an empty one, like none, is classic JavaScript.
  for (const { name, value } of blocked.attributes) {
    // src and on* attributes are Trusted Types sinks: they take kakor's policy's values.
    const v = name == 'src' ? trusted.scriptUrl(value) : /^on/i.test(name) ? trusted.script(value) : value;
    if (name !== 'type') script.setAttribute(name === 'data-type' ? 'type' : name, v as string);
  }
  // NOTE: browsers hide the nonce attribute after parsing; only the property has it.
  script.nonce = blocked.nonce;
  const loaded = new Promise((resolve) => {
    if (!blocked.src) {
      script.text = trusted.script(blocked.text) as string;
      return resolve(0);
    }
    script.async = false;
    script.onload = script.onerror = resolve;
  });
  blocked.replaceWith(script);
  // The interceptor held it (its URL belongs to a service not granted): it loads
  // by itself once that service is, so the scripts after it need not wait.
  return script.hasAttribute('src') || !blocked.src ? loaded : Promise.resolve();
}
