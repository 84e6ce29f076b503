// Loads dist/kakor-ui.js for the head script (issue 11): a classic <script> with
// the Subresource Integrity hash of the build it belongs to. The dialog file
// hands its mount function back through `document.currentScript`, which the
// browser sets for an inserted classic script too, so no new global is needed.
import type { LoadDialog, MountDialog } from './shell';

/** The element the dialog file finds as `document.currentScript`. */
export type DialogScript = HTMLScriptElement & { kakorMount?(mount: MountDialog): void };

/**
 * `url` must be absolute; `src(url)` exempts it from kakor's own blocking and
 * returns what a script's src accepts (Trusted Types), or null when kakor may not write scripts.
 */
export function dialogScript(url: string, integrity: string, src: (url: string) => unknown): LoadDialog {
  return (mount, fail) => {
    const doc = document;
    const value = src(url);
    // The Trusted Types error has said already that nothing will be released.
    if (value === null) return fail();
    const script: DialogScript = doc.createElement('script');
    let started = false;
    script.kakorMount = (m) => {
      started = true;
      mount(m);
    };
    script.onload = () => {
      script.remove();
      if (!started) fail(`the dialog file ${url} ran but did not start (it threw, or it is not the kakor-ui.js of this kakor.js)`);
    };
    // NOTE: a 404, a wrong hash and a CSP refusal all fire one error event, with nothing to tell them apart.
    script.onerror = () => {
      script.remove();
      fail(`the dialog file ${url} did not load (not found, not the integrity hash of this kakor.js's build, or refused by the page's Content-Security-Policy)`);
    };
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
    script.src = value as string;
    (doc.head || doc.documentElement).appendChild(script);
  };
}
