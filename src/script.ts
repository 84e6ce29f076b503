// The script-tag entry (dist/kakor.js, CONTRACT §1.1): configures itself from its
// own <script data-*> element during evaluation and sets window.kakor.
import type { Consent, Lang } from './core/index';
import { init, start, type InitOptions } from './init';

declare global {
  interface Window {
    /** The instance; with data-auto-init="false", `{ init(options) }` until init() replaces it. */
    kakor: Consent;
  }
}

const script = document.currentScript;
// data-manifest, data-lang, data-layout, data-auto-init; a missing one is undefined.
const data: DOMStringMap = script ? script.dataset : {};
// The first copy's instance, or its deferred `{ init }`; an element with id="kakor" is neither.
const first = window.kakor as Partial<Consent> & { init?: unknown } | undefined;

if (first && (typeof first.getConsent == 'function' || typeof first.init == 'function')) {
  // A second copy would patch over the first and draw a second banner (CONTRACT §1.1).
  console.error('kakor: kakor.js is included twice on this page; this copy does nothing and the first one keeps working');
} else if (data.autoInit === 'false') {
  const deferred = { init: (options?: InitOptions) => init(options).then((consent) => (window.kakor = consent)) };
  window.kakor = deferred as unknown as Consent;
} else {
  try {
    window.kakor = start({
      manifest: data.manifest,
      // resolveLanguage takes any value other than "sv" and "en" as "auto".
      lang: data.lang as Lang | undefined,
      layout: data.layout === 'box' ? 'box' : 'bar',
    });
  } catch (e) {
    console.error(`kakor: could not start, nothing non-essential will run: ${(e as Error).message}`);
  }
}
