// The script-tag entry (dist/kakor.js, CONTRACT §1.1): configures itself from its
// own <script data-*> element during evaluation and sets window.kakor.
import type { Consent, Lang } from './core/index';
import type { InitOptions } from './init';
import { startScript } from './startScript';

declare global {
  interface Window {
    /** The instance; with data-auto-init="false", `{ init(options) }` until init() replaces it. */
    kakor: Consent;
  }
}

// The Subresource Integrity hash of the dist/kakor-ui.js built with this file,
// written in by the build (rollup.config.mjs): the dialog file of another build is refused.
const UI_INTEGRITY = 'KAKOR_UI_INTEGRITY';

const script = document.currentScript as HTMLScriptElement | null;
// data-manifest, data-lang, data-layout, data-auto-init, data-ui; a missing one is undefined.
const data: DOMStringMap = script ? script.dataset : {};
// The first copy's instance, or its deferred `{ init }`; an element with id="kakor" is neither.
const first = window.kakor as Partial<Consent> & { init?: unknown } | undefined;

/** The dialog file: data-ui, else kakor-ui.js in the folder kakor.js came from (a CDN works too). */
function uiUrl(): URL | string {
  try {
    if (data.ui) return new URL(data.ui, document.baseURI);
    if (script && script.src) return new URL('kakor-ui.js', script.src);
  } catch {
    return `data-ui="${data.ui}" is not a URL, so the dialog cannot be loaded`;
  }
  return 'kakor.js was not loaded by a <script src>, so the dialog file\'s URL is unknown: give it in data-ui="URL"';
}

if (first && (typeof first.getConsent == 'function' || typeof first.init == 'function')) {
  // A second copy would patch over the first and draw a second banner (CONTRACT §1.1).
  console.error('kakor: kakor.js is included twice on this page; this copy does nothing and the first one keeps working');
} else if (data.autoInit === 'false') {
  const url = uiUrl();
  const init = (options: InitOptions = {}) => {
    const consent = startScript(options, url, UI_INTEGRITY);
    return consent.ready.then(() => (window.kakor = consent));
  };
  window.kakor = { init } as unknown as Consent;
} else {
  try {
    window.kakor = startScript({
      manifest: data.manifest,
      // resolveLanguage takes any value other than "sv" and "en" as "auto".
      lang: data.lang as Lang | undefined,
      layout: data.layout === 'box' ? 'box' : 'bar',
    }, uiUrl(), UI_INTEGRITY);
  } catch (e) {
    console.error(`kakor: could not start, nothing non-essential will run: ${(e as Error).message}`);
  }
}
