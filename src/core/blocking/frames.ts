// Same-origin child frames (CONTRACT §5.3): each has its own realm with its own,
// unpatched prototypes, so each is handed to `adopt` as soon as the page can
// reach it; and a frame's navigation to a blocked URL is cancelled where the
// page's own DOM can cancel it.
//
// NOTE: measured in Chromium 156: inserting an iframe without src (or
// about:blank) fires its load event synchronously, inside the insertion call;
// the window of an initial about:blank document is kept when a `javascript:`
// URL replaces it, but a srcdoc or same-origin page gets a new one. The
// Navigation API's navigate event fires (cancelable) in a frame that shows a
// document of its own for `location = url`, `location.assign/replace`,
// `window.open(url, name)` and `<form target>`, but never for a frame still on
// its initial about:blank document (HTML: "has entries and events disabled").
import { blockedUrl, type IsBlocked } from './requests';
import { swap, type Undo } from './swap';

/** Calls `adopt(childWindow)` for every same-origin frame of `win` the page can reach. */
export function guardFrames(win: Window, isBlocked: IsBlocked, undo: Undo, adopt: (child: Window) => void): (added: Element) => void {
  const w = win as Window & typeof globalThis;
  const doc = win.document;
  const blocked = blockedUrl(win, isBlocked);
  const reach = (child: Window | null | undefined) => {
    try {
      // A cross-origin frame's document throws: its realm is out of reach.
      if (child && child.document) adopt(child);
    } catch {}
  };

  // The page reaches a frame's realm through these getters, or through
  // window.frames / window[i], which cannot be patched: the load event covers those.
  for (const kind of ['HTMLIFrameElement', 'HTMLFrameElement', 'HTMLObjectElement']) {
    const proto = (w as any)[kind] && (w as any)[kind].prototype;
    for (const name of ['contentWindow', 'contentDocument']) {
      const d = proto && Object.getOwnPropertyDescriptor(proto, name);
      if (!d || !d.get) continue;
      const get = d.get;
      const guarded = function (this: Element) {
        const r = get.call(this);
        reach(r && (name == 'contentWindow' ? r : r.defaultView));
        return r;
      };
      Object.defineProperty(proto, name, { ...d, get: guarded });
      undo.push(() => Object.getOwnPropertyDescriptor(proto, name)!.get === guarded && Object.defineProperty(proto, name, d));
    }
  }
  const onLoad = (e: Event) => {
    const t = e.target as HTMLIFrameElement;
    if (/^(i?frame|object)$/.test(t.localName)) reach(t.contentWindow);
  };
  doc.addEventListener('load', onLoad, true);
  undo.push(() => doc.removeEventListener('load', onLoad, true));

  // A name that is not _blank/_self/_parent/_top names a frame (or a new window):
  // opening a blocked URL there is refused as a blocked popup is, with null.
  const named = (target: unknown) => !!target && !/^_/.test(String(target));
  swap<Window['open']>(undo, w, 'open', (orig) => function (this: Window, url?: string | URL, target?: string, features?: string) {
    return named(target) && blocked(url) ? null : orig.call(this, url, target, features);
  });
  const submitsBlocked = (form: HTMLFormElement, submitter?: HTMLButtonElement | null) =>
    named(submitter && submitter.formTarget || form.target) && !!blocked(submitter && submitter.formAction || form.action);
  const onSubmit = (e: SubmitEvent) => {
    if (submitsBlocked(e.target as HTMLFormElement, e.submitter as HTMLButtonElement)) e.preventDefault();
  };
  doc.addEventListener('submit', onSubmit, true);
  undo.push(() => doc.removeEventListener('submit', onSubmit, true));
  swap<() => void>(undo, w.HTMLFormElement.prototype, 'submit', (orig) => function (this: HTMLFormElement) {
    if (!submitsBlocked(this)) orig.call(this);
  });

  // Frames already there (guarded late: a choice that blocks something after the page
  // was parsed) are reached now; the page may hold their windows already.
  for (let i = 0; i < w.length; i++) reach(w[i]);

  // Frames the page or the parser inserts with a src, whose realm a `javascript:` URL
  // may use before any load event: reached in the observer's microtask, before that URL runs.
  return (added) => {
    if (added.localName == 'iframe') reach((added as HTMLIFrameElement).contentWindow);
    else if (added.firstElementChild) for (const f of added.getElementsByTagName('iframe')) reach(f.contentWindow);
  };
}

/** Cancels, in a child frame's own realm, its navigations to a blocked URL (see the NOTE above). */
export function guardNavigation(child: Window, isBlocked: IsBlocked, undo: Undo): void {
  const navigation = (child as any).navigation as EventTarget | undefined;
  if (!navigation) return;
  const blocked = blockedUrl(child, isBlocked);
  const onNavigate = (e: any) => {
    if (e.cancelable && blocked(e.destination.url)) e.preventDefault();
  };
  navigation.addEventListener('navigate', onNavigate);
  undo.push(() => navigation.removeEventListener('navigate', onNavigate));
}
