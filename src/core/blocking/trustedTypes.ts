// Trusted Types (issue 10 item 4): on a page whose policy has
// `require-trusted-types-for 'script'`, what kakor itself writes into a sink
// (a released script's src and text, its event handler attributes, the
// interceptor's inert parse) goes through kakor's own policy, named "kakor".

export interface Trusted {
  /** kakor's own markup, as the page's HTML sinks accept it. */
  html(markup: string): unknown;
  /** Script text (a released inline script, an on* attribute). */
  script(text: string): unknown;
  /** A released script's URL. */
  scriptUrl(url: string): unknown;
}

export const POLICY = 'kakor';

const same = (s: string) => s;
const identity: Trusted = { html: same, script: same, scriptUrl: same };

/**
 * kakor's writers for this window, or the error to print when the page restricts
 * policy names without allowing "kakor" (then nothing may be released: fail closed).
 */
export function createTrusted(win: Window): Trusted | string {
  const tt = (win as { trustedTypes?: { createPolicy(name: string, rules: object): any } }).trustedTypes;
  if (!tt) return identity; // no Trusted Types in this browser: strings are what the sinks take
  try {
    // kakor writes only what the page or the manifest gave it, unchanged: the
    // policy adds no trust the site did not grant by marking those scripts as blocked.
    const policy = tt.createPolicy(POLICY, { createHTML: same, createScript: same, createScriptURL: same });
    return {
      html: (s) => policy.createHTML(s),
      script: (s) => policy.createScript(s),
      scriptUrl: (s) => policy.createScriptURL(s),
    };
  } catch {
    // NOTE: createPolicy throws only when a `trusted-types` directive lists the allowed names.
    return `Trusted Types: the page's Content-Security-Policy allows no policy named "${POLICY}" (add "trusted-types ${POLICY}" to it, and 'allow-duplicates' if kakor starts more than once per page), so nothing blocked will be released`;
  }
}
