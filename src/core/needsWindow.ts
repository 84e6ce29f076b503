// The one error for browser entries called on a server (CONTRACT §1.2), instead
// of the bare `ReferenceError: window is not defined` a default parameter would throw.

/** Throws unless there is a browser `window`; `caller` names the function the site called. */
export function needsWindow(caller: string): void {
  if (typeof window === 'undefined') {
    throw new Error(`kakor: ${caller} needs a browser window; on the server use readConsent() from kakor/server`);
  }
}
